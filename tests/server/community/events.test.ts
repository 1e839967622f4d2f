import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../helpers/api-client.ts';
import { communityHaven, inDays, type Member } from './helpers.ts';

const t = communityHaven();
let seq = 0;

const eventBody = (extra: Record<string, unknown> = {}) => ({
  title: `Sunday walk in Heaton Park ${seq++}`,
  description: 'An easy two-hour walk, then tea at the café. Everyone welcome.',
  kind: 'social',
  startsAt: inDays(3, 10),
  endsAt: inDays(3, 12),
  timeZone: 'Europe/London',
  location: { type: 'in-person', venue: 'Heaton Park gates', city: 'Manchester', country: 'GB' },
  capacity: 12,
  ...extra,
});

async function createEvent(owner: Member, extra: Record<string, unknown> = {}) {
  const response = await owner.client.post('/api/events', eventBody(extra));
  expect(response.status).toBe(201);
  return response.body.event as { id: string; title: string };
}

const rsvp = (member: Member, id: string, going = true) =>
  member.client.post(`/api/events/${id}/rsvp`, { going });

describe('organising events', () => {
  it('needs a session', async () => {
    const anonymous = new ApiClient(t.haven.url);
    expect((await anonymous.get('/api/events')).status).toBe(401);
    await anonymous.fetchCsrf();
    expect((await anonymous.post('/api/events', eventBody())).status).toBe(401);
    expect(
      (await anonymous.post(`/api/events/${new Types.ObjectId()}/rsvp`, { going: true })).status,
    ).toBe(401);
  });

  it('lets any member organise one, with times in UTC and places counted', async () => {
    const alex = await t.member(['participant'], { displayName: 'Alex' });
    const response = await alex.client.post(
      '/api/events',
      eventBody({ startsAt: '2099-03-01T10:00:00+01:00', endsAt: '2099-03-01T12:00:00+01:00' }),
    );
    expect(response.status).toBe(201);
    expect(response.body.event).toMatchObject({
      startsAt: '2099-03-01T09:00:00.000Z',
      endsAt: '2099-03-01T11:00:00.000Z',
      timeZone: 'Europe/London',
      createdBy: { id: alex.id, displayName: 'Alex' },
      status: 'scheduled',
      capacity: 12,
      goingCount: 0,
      placesLeft: 12,
      amGoing: false,
      canEdit: true,
      attendees: [],
    });
  });

  it('gives field errors for bad input and stores nothing', async () => {
    const member = await t.member();
    const before = await t.collection('community_events').countDocuments();
    const cases: Array<[Record<string, unknown>, string]> = [
      [eventBody({ endsAt: inDays(3, 9) }), 'endsAt'],
      [eventBody({ startsAt: inDays(-3, 9), endsAt: inDays(-3, 10) }), 'endsAt'],
      [eventBody({ startsAt: '3 March' }), 'startsAt'],
      [eventBody({ timeZone: 'Mars/Olympus' }), 'timeZone'],
      [eventBody({ capacity: 0 }), 'capacity'],
      [eventBody({ capacity: 1_000_000 }), 'capacity'],
      [eventBody({ kind: 'party' }), 'kind'],
      [eventBody({ location: { type: 'online', url: 'javascript:alert(1)' } }), 'location.url'],
      [eventBody({ location: { type: 'online', url: 'example.com' } }), 'location.url'],
      [eventBody({ location: { type: 'online', url: 'http://' } }), 'location.url'],
      [eventBody({ location: { type: 'online', url: 'https://a@b.example' } }), 'location.url'],
      [eventBody({ location: { type: 'in-person', city: 'Leeds' } }), 'location.venue'],
      [eventBody({ groupId: 'abc' }), 'groupId'],
      [eventBody({ attendees: [] }), '_'],
    ];
    for (const [body, field] of cases) {
      const response = await member.client.post('/api/events', body);
      expect(response.status, field).toBe(400);
      expect(response.body.error.code).toBe('INVALID_INPUT');
      expect(Object.keys(response.body.error.fields), field).toContain(field);
    }
    expect(await t.collection('community_events').countDocuments()).toBe(before);
  });

  it('adds an event to a group only for its members (or site staff)', async () => {
    const facilitator = await t.member(['facilitator']);
    const group = await facilitator.client.post('/api/groups', {
      name: `Sydney social ${seq++}`,
      description: 'Coffee and a chat.',
      language: 'en',
      kind: 'area',
      area: { country: 'AU', city: 'Sydney' },
    });
    const groupId = group.body.group.id;
    const outsider = await t.member();
    const refused = await outsider.client.post('/api/events', eventBody({ groupId }));
    expect(refused.status).toBe(403);
    await outsider.client.post(`/api/groups/${groupId}/join`);
    const accepted = await outsider.client.post('/api/events', eventBody({ groupId }));
    expect(accepted.status).toBe(201);
    expect(accepted.body.event.groupId).toBe(groupId);
    const listed = await outsider.client.get(`/api/events?groupId=${groupId}`);
    expect(listed.body.items.map((e: { id: string }) => e.id)).toEqual([accepted.body.event.id]);
  });

  it('does not name a hidden organiser of a group event to people outside the group', async () => {
    const facilitator = await t.member(['facilitator']);
    const group = await facilitator.client.post('/api/groups', {
      name: `Quiet circle ${seq++}`,
      description: 'A small group.',
      language: 'en',
      kind: 'topic',
      topic: 'Early recovery',
    });
    const groupId = group.body.group.id;
    const hidden = await t.member(['participant'], { displayName: 'HiddenPerson' });
    await hidden.client.post(`/api/groups/${groupId}/join`);
    const event = await createEvent(hidden, { groupId });
    const outsider = await t.member();
    const seenOutside = await outsider.client.get(`/api/events/${event.id}`);
    expect(seenOutside.body.event.createdBy).toBeNull();
    expect(seenOutside.text).not.toContain('HiddenPerson');
    const fellow = await t.member();
    await fellow.client.post(`/api/groups/${groupId}/join`);
    const seenInside = await fellow.client.get(`/api/events/${event.id}`);
    expect(seenInside.body.event.createdBy?.displayName).toBe('HiddenPerson');
  });
});

describe('listing events', () => {
  it('shows upcoming events by default, filtered by window and country, paged by start', async () => {
    const member = await t.member();
    const country = 'NZ';
    const starts = [5, 2, 9, 7];
    for (const day of starts) {
      await createEvent(member, {
        startsAt: inDays(day, 9),
        endsAt: inDays(day, 11),
        location: { type: 'in-person', venue: 'Hall', city: 'Auckland', country },
      });
    }
    // An event already over, written directly: the API never creates past events.
    await t.collection('community_events').insertOne({
      title: 'Last month',
      description: 'Done',
      kind: 'social',
      startsAt: new Date(Date.now() - 30 * 86_400_000),
      endsAt: new Date(Date.now() - 30 * 86_400_000 + 3_600_000),
      timeZone: 'Pacific/Auckland',
      location: { type: 'in-person', venue: 'Hall', city: 'Auckland', country },
      capacity: null,
      groupId: null,
      createdBy: new Types.ObjectId(member.id),
      status: 'scheduled',
      attendees: [],
      goingCount: 0,
    });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: {
        status: number;
        body: { items: Array<{ startsAt: string }>; nextCursor: string | null };
      } = await member.client.get(
        `/api/events?country=${country}&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((e) => e.startsAt));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([2, 5, 7, 9].map((day) => inDays(day, 9)));

    const window = await member.client.get(
      `/api/events?country=${country}&from=${inDays(4, 0)}&to=${inDays(8, 0)}`,
    );
    expect(window.body.items.map((e: { startsAt: string }) => e.startsAt)).toEqual([
      inDays(5, 9),
      inDays(7, 9),
    ]);
    const past = await member.client.get(
      `/api/events?country=${country}&from=${inDays(-40, 0)}&to=${inDays(1, 0)}`,
    );
    expect(past.body.items.map((e: { title: string }) => e.title)).toEqual(['Last month']);
  });

  it('refuses operator-shaped and malformed filters', async () => {
    const member = await t.member();
    for (const query of [
      'country[$ne]=GB',
      'groupId[$gt]=',
      'from=yesterday',
      'groupId=1;drop',
      'country=GB&country=ES',
      'cursor=%7B%7D',
    ]) {
      const response = await member.client.get(`/api/events?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.error.code).toBe('INVALID_INPUT');
    }
  });
});

describe('editing and cancelling', () => {
  it('lets the organiser and site staff edit, nobody else', async () => {
    const organiser = await t.member();
    const event = await createEvent(organiser);
    const other = await t.member();
    const denied = await other.client.patch(`/api/events/${event.id}`, { title: 'Taken over' });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('FORBIDDEN');
    const edited = await organiser.client.patch(`/api/events/${event.id}`, {
      title: 'Walk and picnic',
    });
    expect(edited.status).toBe(200);
    expect(edited.body.event.title).toBe('Walk and picnic');
    const moderator = await t.member(['moderator']);
    const byModerator = await moderator.client.patch(`/api/events/${event.id}`, { capacity: 20 });
    expect(byModerator.status).toBe(200);
    expect(byModerator.body.event).toMatchObject({ title: 'Walk and picnic', capacity: 20 });
    expect((await other.client.get(`/api/events/${event.id}`)).body.event.title).toBe(
      'Walk and picnic',
    );
  });

  it('refuses bad edits with field errors and changes nothing', async () => {
    const organiser = await t.member();
    const event = await createEvent(organiser);
    for (const [body, field] of [
      [{}, '_'],
      [{ endsAt: inDays(1, 9) }, 'endsAt'],
      // Alone, each time passes the schema; merged with the stored one it is 15+ days long.
      [{ endsAt: inDays(30, 9) }, 'endsAt'],
      [{ status: 'scheduled' }, 'status'],
      [{ createdBy: organiser.id }, '_'],
    ] as const) {
      const response = await organiser.client.patch(`/api/events/${event.id}`, body);
      expect(response.status, field).toBe(400);
      expect(Object.keys(response.body.error.fields)).toContain(field);
    }
    expect((await organiser.client.get(`/api/events/${event.id}`)).body.event.title).toBe(
      event.title,
    );
  });

  it('cancels for good: no more RSVPs or edits', async () => {
    const organiser = await t.member();
    const event = await createEvent(organiser);
    const cancelled = await organiser.client.patch(`/api/events/${event.id}`, {
      status: 'cancelled',
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.event).toMatchObject({ status: 'cancelled', canEdit: false });
    const member = await t.member();
    const refused = await rsvp(member, event.id);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('INVALID_TRANSITION');
    const edit = await organiser.client.patch(`/api/events/${event.id}`, { title: 'Back on' });
    expect(edit.body.error.code).toBe('INVALID_TRANSITION');
  });

  it('will not lower the capacity below those already going', async () => {
    const organiser = await t.member();
    const event = await createEvent(organiser, { capacity: 5 });
    const [a, b] = [await t.member(), await t.member()];
    await rsvp(a, event.id);
    await rsvp(b, event.id);
    const refused = await organiser.client.patch(`/api/events/${event.id}`, { capacity: 1 });
    expect(refused.status).toBe(409);
    expect(refused.body.error.fields.capacity).toBeDefined();
    const ok = await organiser.client.patch(`/api/events/${event.id}`, { capacity: 2 });
    expect(ok.body.event).toMatchObject({ capacity: 2, placesLeft: 0 });
  });
});

describe('RSVPs', () => {
  it('counts places, shows attendees to the organiser only and the online link to those going', async () => {
    const organiser = await t.member(['participant'], { displayName: 'Jordan' });
    const event = await createEvent(organiser, {
      kind: 'training-day',
      location: { type: 'online', url: 'https://meet.example.net/smart-training' },
      capacity: 3,
    });
    const alex = await t.member(['participant'], { displayName: 'Alex' });
    const before = await alex.client.get(`/api/events/${event.id}`);
    expect(before.body.event.location).toEqual({ type: 'online' });
    expect(before.text).not.toContain('meet.example.net');

    const going = await rsvp(alex, event.id);
    expect(going.status).toBe(200);
    expect(going.body.event).toMatchObject({ goingCount: 1, placesLeft: 2, amGoing: true });
    expect(going.body.event.location.url).toBe('https://meet.example.net/smart-training');
    expect(going.body.event.attendees).toBeUndefined();

    const asOrganiser = await organiser.client.get(`/api/events/${event.id}`);
    expect(asOrganiser.body.event.attendees).toEqual([{ id: alex.id, displayName: 'Alex' }]);
    expect(asOrganiser.text).not.toMatch(/@example\.org/);

    const bystander = await t.member();
    const seen = await bystander.client.get(`/api/events/${event.id}`);
    expect(seen.body.event).toMatchObject({ goingCount: 1, placesLeft: 2, amGoing: false });
    expect(seen.text).not.toContain(alex.id);

    const again = await rsvp(alex, event.id);
    expect(again.body.event.goingCount).toBe(1);
    const notGoing = await rsvp(alex, event.id, false);
    expect(notGoing.body.event).toMatchObject({ goingCount: 0, placesLeft: 3, amGoing: false });
  });

  it('gives the last place to exactly one of many members racing for it', async () => {
    const organiser = await t.member();
    const capacity = 3;
    const event = await createEvent(organiser, { capacity });
    const racers = await Promise.all(Array.from({ length: 8 }, () => t.member()));
    const results = await Promise.all(racers.map((racer) => rsvp(racer, event.id)));
    const won = results.filter((r) => r.status === 200);
    const full = results.filter((r) => r.status === 409);
    expect(won).toHaveLength(capacity);
    expect(full).toHaveLength(racers.length - capacity);
    for (const response of full) expect(response.body.error.code).toBe('CAPACITY_FULL');
    const stored = await t
      .collection('community_events')
      .findOne({ _id: new Types.ObjectId(event.id) });
    expect(stored?.attendees).toHaveLength(capacity);
    expect(stored?.goingCount).toBe(capacity);

    // Giving a place back frees it for someone else.
    const winner = racers[results.indexOf(won[0] as (typeof results)[number])] as Member;
    const loser = racers[results.indexOf(full[0] as (typeof results)[number])] as Member;
    expect((await rsvp(winner, event.id, false)).body.event.placesLeft).toBe(1);
    expect((await rsvp(loser, event.id)).status).toBe(200);
    expect((await rsvp(winner, event.id)).body.error.code).toBe('CAPACITY_FULL');
  });

  it('counts one place for one member clicking many times at once', async () => {
    const organiser = await t.member();
    const event = await createEvent(organiser, { capacity: 2 });
    const member = await t.member();
    const results = await Promise.all(Array.from({ length: 6 }, () => rsvp(member, event.id)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect((await member.client.get(`/api/events/${event.id}`)).body.event.goingCount).toBe(1);
  });

  it('answers 404 for an unknown event and 400 for a bad body', async () => {
    const member = await t.member();
    expect((await rsvp(member, String(new Types.ObjectId()))).status).toBe(404);
    const event = await createEvent(member);
    const bad = await member.client.post(`/api/events/${event.id}/rsvp`, { going: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.going).toBeDefined();
  });
});

describe('privacy across every response', () => {
  it('never sent an email to anyone in this file', () => {
    t.expectNoEmailsSeen();
  });
});
