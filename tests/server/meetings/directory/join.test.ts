import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, signUpAs } from '../../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../../helpers/haven.ts';
import {
  inPersonMeeting,
  meetingsOf,
  onceMeetingAt,
  onlineMeeting,
  uniqueCity,
} from './fixtures.ts';

let haven: TestHaven;
let facilitator: ApiClient;
beforeAll(async () => {
  haven = await startTestHaven();
  facilitator = (await signUpAs(haven, ['facilitator'])).client;
});
afterAll(async () => {
  await haven.close();
});

async function create(body: Record<string, unknown>): Promise<string> {
  const response = await facilitator.post('/api/meetings', body);
  if (response.status !== 201) throw new Error(`create failed: ${response.text}`);
  return response.body.meeting.id;
}

const familyMeeting = () =>
  onlineMeeting({
    title: 'Family & Friends',
    type: 'specialised',
    audience: 'family-and-friends',
    eligibility: {
      requiresConfirmation: true,
      statementKey: 'family-or-friend-of-someone-with-addictive-behaviour',
    },
  });

/** Every document in every collection, to show a join wrote nothing anywhere. */
async function databaseSnapshot(): Promise<string> {
  const db = haven.mongo.connection.db;
  if (!db) throw new Error('no database');
  const out: Record<string, unknown> = {};
  for (const { name } of await db.listCollections().toArray()) {
    // Sessions are renewed on use by the session layer, not by the directory; the mail
    // outbox is worked through in the background (sign-up's confirmation emails leaving).
    if (name === 'sessions' || name === 'mailoutboxes') continue;
    out[name] = await db.collection(name).find().sort({ _id: 1 }).toArray();
  }
  if (!('meetings' in out)) throw new Error('the meetings collection is missing from the snapshot');
  return JSON.stringify(out);
}

describe('POST /api/meetings/:id/join', () => {
  it('answers where to join an online meeting and records nothing about who joined', async () => {
    const id = await create(onlineMeeting());
    const member = await signUpAs(haven, ['participant'], { timeZone: 'America/Mexico_City' });
    const before = await databaseSnapshot();
    const response = await member.client.post(`/api/meetings/${id}/join`, {});
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      meetingId: id,
      livePath: `/meetings/${id}/live`,
      inProgress: false,
    });
    expect(response.body.nextOccurrence.startsAtLocal).toMatch(/-06:00$/);
    expect(await databaseSnapshot()).toBe(before);
    expect(JSON.stringify(haven.logLines())).not.toContain(member.id);
  });

  it('says when a meeting is in progress', async () => {
    const id = await create(
      onceMeetingAt(-10, {
        format: 'hybrid',
        location: {
          placeName: 'Library',
          address: '2 Park Row',
          city: uniqueCity(),
          country: 'GB',
        },
      }),
    );
    const member = await signUpAs(haven, ['participant']);
    const response = await member.client.post(`/api/meetings/${id}/join`, {});
    expect(response.status).toBe(200);
    expect(response.body.inProgress).toBe(true);
    expect(Date.parse(response.body.nextOccurrence.startsAt)).toBeLessThan(Date.now());
  });

  it('asks for eligibility on a specialised meeting, then lets a confirming member in', async () => {
    const id = await create(familyMeeting());
    const member = await signUpAs(haven, ['participant']);
    const before = await databaseSnapshot();
    for (const body of [{}, { confirmEligibility: false }]) {
      const refused = await member.client.post(`/api/meetings/${id}/join`, body);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('ELIGIBILITY_REQUIRED');
    }
    const confirmed = await member.client.post(`/api/meetings/${id}/join`, {
      confirmEligibility: true,
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.livePath).toBe(`/meetings/${id}/live`);
    // Confirming is not stored either: the next join asks again.
    expect(await databaseSnapshot()).toBe(before);
    expect((await member.client.post(`/api/meetings/${id}/join`, {})).status).toBe(403);
  });

  it('shows the eligibility statement on the meeting so the client can ask for it', async () => {
    const id = await create(familyMeeting());
    const meeting = (await new ApiClient(haven.url).get(`/api/meetings/${id}`)).body.meeting;
    expect(meeting.eligibility).toEqual({
      requiresConfirmation: true,
      statementKey: 'family-or-friend-of-someone-with-addictive-behaviour',
    });
  });

  it('answers 409 INVALID_TRANSITION for an in-person-only meeting', async () => {
    const id = await create(inPersonMeeting(uniqueCity()));
    const member = await signUpAs(haven, ['participant']);
    const response = await member.client.post(`/api/meetings/${id}/join`, {
      confirmEligibility: true,
    });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('INVALID_TRANSITION');
  });

  it('answers 409 for a meeting that is over', async () => {
    const id = await create(onceMeetingAt(30));
    await meetingsOf(haven).updateOne(
      { _id: id },
      { $set: { 'recurrence.localDateTime': '2021-01-01T10:00' } },
    );
    const member = await signUpAs(haven, ['participant']);
    expect((await member.client.post(`/api/meetings/${id}/join`, {})).status).toBe(409);
  });

  it('needs a signed-in member, a known meeting and a clean body', async () => {
    const id = await create(onlineMeeting());
    const anonymous = await ApiClient.signedOut(haven.url);
    expect((await anonymous.post(`/api/meetings/${id}/join`, {})).status).toBe(401);
    const member = await signUpAs(haven, ['participant']);
    expect(
      (await member.client.post('/api/meetings/0123456789abcdef01234567/join', {})).status,
    ).toBe(404);
    const extra = await member.client.post(`/api/meetings/${id}/join`, {
      confirmEligibility: 'yes',
      attendee: 'me',
    });
    expect(extra.status).toBe(400);
    expect(Object.keys(extra.body.error.fields)).toContain('confirmEligibility');
    const operator = await member.client.post(`/api/meetings/${id}/join`, {
      confirmEligibility: { $ne: false },
    });
    expect(operator.status).toBe(400);
  });
});
