import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, signUpAs } from '../../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../../helpers/haven.ts';
import {
  inPersonMeeting,
  meetingsOf,
  newPartnerId,
  onlineMeeting,
  uniqueCity,
} from './fixtures.ts';

let haven: TestHaven;
beforeAll(async () => {
  haven = await startTestHaven();
});
afterAll(async () => {
  await haven.close();
});

const countTitled = (title: string) => meetingsOf(haven).countDocuments({ title });

describe('POST /api/meetings', () => {
  it('lets a facilitator create a meeting they then facilitate, with its next occurrence', async () => {
    const { client, id } = await signUpAs(haven, ['facilitator']);
    const city = uniqueCity();
    const response = await client.post('/api/meetings', inPersonMeeting(city));
    expect(response.status).toBe(201);
    const meeting = response.body.meeting;
    expect(meeting).toMatchObject({
      title: 'Tuesday evening meeting',
      format: 'in-person',
      facilitatorIds: [id],
      facilitators: [{ id, displayName: 'Sam' }],
      createdBy: id,
      capacity: 20,
      partnerId: null,
      audience: null,
      eligibility: null,
      area: { country: 'GB', city },
    });
    expect(meeting.nextOccurrence.weekdayLocal).toBe(2);
    expect(meeting.nextOccurrence.startsAt).toMatch(/T(18|19):00:00Z$/);
    const stored = await meetingsOf(haven).findById(meeting.id).lean();
    expect(String(stored?.createdBy)).toBe(id);
    expect((await client.get(`/api/meetings/${meeting.id}`)).body.meeting.id).toBe(meeting.id);
  });

  it('answers anonymous requests with 401 and stores nothing', async () => {
    const client = await ApiClient.signedOut(haven.url);
    const title = `Anonymous ${uniqueCity()}`;
    const response = await client.post('/api/meetings', onlineMeeting({ title }));
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('UNAUTHENTICATED');
    expect(await countTitled(title)).toBe(0);
  });

  it('refuses a participant with 403 and stores nothing', async () => {
    const { client } = await signUpAs(haven, ['participant']);
    const title = `Participant ${uniqueCity()}`;
    const response = await client.post('/api/meetings', onlineMeeting({ title }));
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('FORBIDDEN');
    expect(await countTitled(title)).toBe(0);
  });

  it('refuses roles without facilitation (moderator, champion) with 403', async () => {
    for (const role of ['moderator', 'champion']) {
      const { client } = await signUpAs(haven, [role]);
      const title = `${role} ${uniqueCity()}`;
      expect((await client.post('/api/meetings', onlineMeeting({ title }))).status).toBe(403);
      expect(await countTitled(title)).toBe(0);
    }
  });

  it('lets partner staff create in-service meetings for their own partner only', async () => {
    const partnerId = newPartnerId();
    const { client, id } = await signUpAs(haven, ['participant'], { partnerId });
    const own = await client.post('/api/meetings', onlineMeeting({ partnerId }));
    expect(own.status).toBe(201);
    expect(own.body.meeting).toMatchObject({ partnerId, facilitatorIds: [id] });

    const title = `Other partner ${uniqueCity()}`;
    const other = await client.post(
      '/api/meetings',
      onlineMeeting({ title, partnerId: newPartnerId() }),
    );
    expect(other.status).toBe(403);
    const community = await client.post('/api/meetings', onlineMeeting({ title }));
    expect(community.status).toBe(403);
    expect(await countTitled(title)).toBe(0);
  });

  it('does not let a facilitator label a meeting as a partner’s', async () => {
    const { client } = await signUpAs(haven, ['facilitator']);
    const title = `Borrowed partner ${uniqueCity()}`;
    const response = await client.post(
      '/api/meetings',
      onlineMeeting({ title, partnerId: newPartnerId() }),
    );
    expect(response.status).toBe(403);
    expect(await countTitled(title)).toBe(0);
  });

  it('lets an admin create for any partner, naming that partner’s staff as facilitators', async () => {
    const partnerId = newPartnerId();
    const staff = await signUpAs(haven, ['participant'], { partnerId });
    const { client } = await signUpAs(haven, ['admin']);
    const response = await client.post(
      '/api/meetings',
      onlineMeeting({ partnerId, facilitatorIds: [staff.id] }),
    );
    expect(response.status).toBe(201);
    expect(response.body.meeting.facilitatorIds).toEqual([staff.id]);
  });

  it('refuses facilitators who are neither trained facilitators nor the partner’s staff', async () => {
    const participant = await signUpAs(haven, ['participant']);
    const { client } = await signUpAs(haven, ['facilitator']);
    const title = `Untrained ${uniqueCity()}`;
    const response = await client.post(
      '/api/meetings',
      onlineMeeting({ title, facilitatorIds: [participant.id, '0123456789abcdef01234567'] }),
    );
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.error.fields).sort()).toEqual([
      'facilitatorIds.0',
      'facilitatorIds.1',
    ]);
    expect(await countTitled(title)).toBe(0);
  });

  it('gives field errors for bad input and stores nothing', async () => {
    const { client } = await signUpAs(haven, ['facilitator']);
    const title = `Bad input ${uniqueCity()}`;
    const response = await client.post('/api/meetings', {
      ...onlineMeeting({ title }),
      type: 'closed',
      format: 'in-person',
      language: 'English',
      durationMinutes: 5,
      recurrence: {
        kind: 'weekly',
        weekdays: [0, 8],
        localTime: '25:00',
        timeZone: 'Mars/Olympus',
        startsOn: '2026-02-30',
      },
      createdBy: '0123456789abcdef01234567',
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('INVALID_INPUT');
    const fields = Object.keys(response.body.error.fields);
    for (const field of [
      'type',
      'language',
      'durationMinutes',
      'recurrence.weekdays.0',
      'recurrence.localTime',
      'recurrence.timeZone',
      'recurrence.startsOn',
    ])
      expect(fields).toContain(field);
    // Unknown keys such as createdBy are refused, not silently taken.
    expect(JSON.stringify(response.body.error.fields)).toMatch(/createdBy/);
    expect(await countTitled(title)).toBe(0);
  });

  it('applies the rules between fields: audience, location, area, schedule', async () => {
    const { client } = await signUpAs(haven, ['facilitator']);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ type: 'specialised' }, 'audience'],
      [{ audience: 'women' }, 'audience'],
      [
        { eligibility: { requiresConfirmation: true, statementKey: 'identifies-as-woman' } },
        'eligibility',
      ],
      [{ format: 'hybrid' }, 'location'],
      [
        { location: { placeName: 'Hall', address: '1 Road', city: 'Leeds', country: 'GB' } },
        'location',
      ],
      [
        {
          recurrence: {
            kind: 'weekly',
            weekdays: [2],
            localTime: '19:00',
            timeZone: 'UTC',
            startsOn: '2026-12-01',
            until: '2026-11-01',
          },
        },
        'recurrence.until',
      ],
      [
        {
          recurrence: {
            kind: 'weekly',
            weekdays: [2],
            localTime: '19:00',
            timeZone: 'UTC',
            startsOn: '2030-01-02',
            until: '2030-01-05',
          },
        },
        'recurrence',
      ],
      [
        { recurrence: { kind: 'once', localDateTime: '2020-01-01T10:00', timeZone: 'UTC' } },
        'recurrence',
      ],
    ];
    for (const [overrides, field] of cases) {
      const title = `Rule ${field} ${uniqueCity()}`;
      const response = await client.post('/api/meetings', onlineMeeting({ title, ...overrides }));
      expect(response.status, JSON.stringify(overrides)).toBe(400);
      expect(Object.keys(response.body.error.fields)).toContain(field);
      expect(await countTitled(title)).toBe(0);
    }
    const physicalArea = await client.post(
      '/api/meetings',
      inPersonMeeting('York', { area: { country: 'FR' } }),
    );
    expect(Object.keys(physicalArea.body.error.fields)).toEqual(['area']);
  });

  it('canonicalises a time zone written in another case', async () => {
    const { client } = await signUpAs(haven, ['facilitator']);
    const response = await client.post(
      '/api/meetings',
      onlineMeeting({
        recurrence: {
          kind: 'weekly',
          weekdays: [3, 1],
          localTime: '08:30',
          timeZone: 'europe/madrid',
          startsOn: '2026-09-01',
        },
      }),
    );
    expect(response.status).toBe(201);
    expect(response.body.meeting.recurrence).toEqual({
      kind: 'weekly',
      weekdays: [1, 3],
      localTime: '08:30',
      timeZone: 'Europe/Madrid',
      startsOn: '2026-09-01',
    });
  });
});

describe('GET /api/meetings/:id', () => {
  it('answers 404 for an unknown meeting and 400 for something that is not an id', async () => {
    const client = new ApiClient(haven.url);
    expect((await client.get('/api/meetings/0123456789abcdef01234567')).status).toBe(404);
    const bad = await client.get('/api/meetings/not-an-id');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('id');
  });
});

describe('OpenAPI', () => {
  it('documents the directory routes', async () => {
    const response = await new ApiClient(haven.url).get('/api/openapi.json');
    expect(response.status).toBe(200);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining([
        '/meetings',
        '/meetings/{id}',
        '/meetings/{id}/occurrences',
        '/meetings/occurrences',
        '/meetings/{id}/calendar.ics',
        '/meetings/{id}/join',
      ]),
    );
  });
});
