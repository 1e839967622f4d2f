import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signUpAs } from '../../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../../helpers/haven.ts';
import { call, closeSockets, must, next, openMeetingSocket, roomWith } from './helpers.ts';

/** Anonymous feedback when leaving: counts per occurrence, once per person, never whose. */

let haven: TestHaven;
beforeAll(async () => {
  haven = await startTestHaven();
});
afterEach(() => closeSockets());
afterAll(async () => {
  await haven.close();
});

const codeOf = (answer: { ok: boolean; error?: { code: string } }) =>
  answer.ok ? 'accepted' : answer.error?.code;

describe('meeting feedback', () => {
  it('counts ratings from those who were there, once each, and shows only numbers to its facilitators', async () => {
    const { meetingId, facilitator, host, people } = await roomWith(haven, ['Robin', 'Sam']);
    const [robin, sam] = people as [(typeof people)[0], (typeof people)[0]];
    await must(robin.socket, 'meeting:leave');
    await must(robin.socket, 'meeting:rate', {
      meetingId,
      rating: 4,
      helped: ['listening', 'tools'],
    });
    expect(codeOf(await call(robin.socket, 'meeting:rate', { meetingId, rating: 1 }))).toBe(
      'CONFLICT',
    );
    // After the end, from the ended screen.
    const ended = next(sam.socket, 'meeting:ended');
    await must(host, 'meeting:end');
    await ended;
    await must(sam.socket, 'meeting:rate', { meetingId, rating: 5, helped: ['listening'] });
    // Someone who was never there cannot rate it.
    const stranger = await signUpAs(haven, ['participant']);
    const outside = await openMeetingSocket(haven, stranger.client);
    expect(codeOf(await call(outside, 'meeting:rate', { meetingId, rating: 1 }))).toBe('FORBIDDEN');

    const seen = await facilitator.client.get(`/api/meetings/${meetingId}/feedback`);
    expect(seen.status).toBe(200);
    expect(seen.body.occurrences).toHaveLength(1);
    expect(seen.body.occurrences[0]).toMatchObject({
      totalAdmitted: 3,
      ratings: [0, 0, 0, 1, 1],
      helped: { listening: 2, tools: 1, sharing: 0 },
    });
    expect((await robin.member.client.get(`/api/meetings/${meetingId}/feedback`)).status).toBe(403);
    const stored = JSON.stringify(
      await haven.mongo.connection.db?.collection('meetingattendances').find().toArray(),
    );
    for (const leak of [robin.member.id, sam.member.id, 'Robin', 'Sam'])
      expect(stored).not.toContain(leak);
  });

  it('refuses a rating out of range or an unknown tick, and stores nothing', async () => {
    const { meetingId, people } = await roomWith(haven, ['Robin']);
    const [robin] = people as [(typeof people)[0]];
    for (const bad of [
      { meetingId, rating: 0 },
      { meetingId, rating: 6 },
      { meetingId, rating: 3, helped: ['money'] },
      { meetingId, rating: 3, helped: ['tools', 'tools'] },
      { meetingId, rating: { $gt: 0 } },
    ])
      expect(codeOf(await call(robin.socket, 'meeting:rate', bad as never))).toBe(
        'INVALID_PAYLOAD',
      );
    const records = await haven.haven.live.attendance(meetingId);
    expect(records[0]?.ratings).toEqual([0, 0, 0, 0, 0]);
  });
});
