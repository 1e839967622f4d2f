import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../helpers/api-client.ts';
import { communityHaven, inDays, type Member } from './helpers.ts';

const t = communityHaven();
let seq = 0;

async function createEvent(owner: Member, extra: Record<string, unknown> = {}) {
  const response = await owner.client.post('/api/events', {
    title: `Recovery café evening ${seq++}`,
    description: 'Tea, cake and an open mic; the café is step-free.',
    kind: 'social',
    startsAt: '2099-03-01T18:00:00+01:00',
    endsAt: '2099-03-01T20:30:00+01:00',
    timeZone: 'Europe/Madrid',
    location: { type: 'online', url: 'https://meet.example.net/cafe-evening' },
    capacity: 10,
    ...extra,
  });
  expect(response.status).toBe(201);
  return response.body.event as { id: string; title: string };
}

const calendarOf = (member: Member | { client: ApiClient }, id: string) =>
  member.client.raw('GET', `/api/events/${id}/calendar.ics`);

describe("an event's calendar file", () => {
  it('is one VEVENT in UTC with the title, and the joining link only for those going', async () => {
    const organiser = await t.member();
    const event = await createEvent(organiser);
    const member = await t.member();

    const before = await calendarOf(member, event.id);
    expect(before.status).toBe(200);
    expect(before.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(before.headers.get('content-disposition')).toContain(`haven-event-${event.id}.ics`);
    const text = before.bytes.toString('utf8');
    expect(text).toContain('BEGIN:VCALENDAR');
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(text).toContain('DTSTART:20990301T170000Z');
    expect(text).toContain('DTEND:20990301T193000Z');
    expect(text).toContain(`SUMMARY:${event.title}`);
    expect(text).toContain(`UID:event-${event.id}@haven`);
    // The page hides the joining link from someone not going; so does the file.
    expect(text).not.toContain('meet.example.net');

    await member.client.post(`/api/events/${event.id}/rsvp`, { going: true });
    const going = (await calendarOf(member, event.id)).bytes.toString('utf8');
    expect(going.replace(/\r\n /g, '')).toContain('meet.example.net/cafe-evening');
  });

  it('says CANCELLED for a cancelled event', async () => {
    const organiser = await t.member();
    const event = await createEvent(organiser);
    await organiser.client.patch(`/api/events/${event.id}`, { status: 'cancelled' });
    const text = (await calendarOf(organiser, event.id)).bytes.toString('utf8');
    expect(text).toContain('STATUS:CANCELLED');
  });

  it('needs a session, and answers NOT_FOUND for an unknown or malformed id', async () => {
    const organiser = await t.member();
    const event = await createEvent(organiser);
    const anonymous = new ApiClient(t.haven.url);
    expect((await calendarOf({ client: anonymous }, event.id)).status).toBe(401);
    for (const id of [String(new Types.ObjectId()), 'not-an-id']) {
      const answer = await calendarOf(organiser, id);
      expect(answer.status, id).toBe(404);
      expect(answer.body.error.code).toBe('NOT_FOUND');
    }
  });
});

describe('reading a community thing at a bad address', () => {
  it('answers 404 NOT_FOUND for a malformed id as for an unknown one (groups, events, posts)', async () => {
    const member = await t.member();
    for (const kind of ['groups', 'events', 'posts']) {
      for (const id of ['not-an-id', '0123456789abcdef0123456', String(new Types.ObjectId())]) {
        const answer = await member.client.get(`/api/${kind}/${id}`);
        expect(answer.status, `${kind}/${id}`).toBe(404);
        expect(answer.body.error.code, `${kind}/${id}`).toBe('NOT_FOUND');
      }
    }
  });
});

describe('listing events in a window', () => {
  it('refuses a "from" after "to" with a field error instead of an empty list', async () => {
    const member = await t.member();
    const from = encodeURIComponent(inDays(10, 0));
    const to = encodeURIComponent(inDays(5, 0));
    const answer = await member.client.get(`/api/events?from=${from}&to=${to}`);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('INVALID_INPUT');
    expect(answer.body.error.fields.to).toEqual(['must be after from']);
  });
});
