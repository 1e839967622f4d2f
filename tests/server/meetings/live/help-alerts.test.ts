import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestHaven, type TestHaven } from '../../../helpers/haven.ts';
import {
  call,
  closeSockets,
  databaseText,
  joinAs,
  must,
  next,
  openMeetingSocket,
  recordEvents,
  roomWith,
} from './helpers.ts';

/** "I need help": seen by facilitators only, acknowledged back, never stored or logged. */

let haven: TestHaven;
beforeAll(async () => {
  haven = await startTestHaven();
});
afterEach(() => closeSockets());
afterAll(async () => {
  await haven.close();
});

const SECRET = 'I am not safe at home tonight';

async function roomOfThree() {
  const { meetingId, host, people } = await roomWith(haven, ['Robin', 'Sam']);
  const [robin, sam] = people as [(typeof people)[0], (typeof people)[0]];
  return { meetingId, host, robin, sam };
}

describe('help alerts', () => {
  it('reach the facilitators only, and tell the sender when one has seen it', async () => {
    const { meetingId, host, robin, sam } = await roomOfThree();
    const samHeard = recordEvents(sam.socket);
    const toHost = next(host, 'help:alert');
    const { alertId } = await must(robin.socket, 'help:send', { text: SECRET });
    expect(await toHost).toMatchObject({
      id: alertId,
      fromPeerId: robin.peerId,
      fromName: 'Robin',
      text: SECRET,
      seen: false,
    });
    const seen = next(robin.socket, 'help:alert', (alert) => alert.seen);
    await must(host, 'help:acknowledge', { alertId });
    expect(await seen).toMatchObject({ id: alertId, seen: true });
    // Sam, another participant, heard nothing of it, and cannot see it on reconnect either.
    expect(samHeard.filter((event) => event.startsWith('help:'))).toEqual([]);
    const again = await openMeetingSocket(haven, sam.member.client);
    const rejoined = await must(again, 'meeting:join', joinAs('Sam', meetingId));
    if (rejoined.status !== 'admitted') throw new Error('Sam not admitted');
    expect(rejoined.room.helpAlerts).toEqual([]);
    // Nothing of it in the database or the logs.
    expect(await databaseText(haven)).not.toContain(SECRET);
    expect(JSON.stringify(haven.logLines())).not.toContain(SECRET);
  });

  it('can be sent without a text, and not acknowledged by a participant', async () => {
    const { host, robin, sam } = await roomOfThree();
    const toHost = next(host, 'help:alert');
    const { alertId } = await must(robin.socket, 'help:send');
    expect((await toHost).text).toBeNull();
    const refused = await call(sam.socket, 'help:acknowledge', { alertId });
    expect(refused.ok ? 'accepted' : refused.error.code).toBe('FORBIDDEN');
  });

  it('refuses a text too long or not text, and more than three unseen alerts', async () => {
    const { robin } = await roomOfThree();
    for (const text of ['x'.repeat(281), { $gt: '' }, 42]) {
      const answer = await call(robin.socket, 'help:send', { text } as never);
      expect(answer.ok ? 'accepted' : answer.error.code).toBe('INVALID_PAYLOAD');
    }
    for (let i = 0; i < 3; i++) await must(robin.socket, 'help:send');
    const fourth = await call(robin.socket, 'help:send');
    expect(fourth.ok ? 'accepted' : fourth.error.code).toBe('RATE_LIMITED');
  });
});
