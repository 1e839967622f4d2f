import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signUpAs } from '../../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../../helpers/haven.ts';
import {
  call,
  closeSockets,
  databaseText,
  joinAs,
  must,
  next,
  only,
  openMeetingSocket,
  roomWith,
} from './helpers.ts';

/**
 * Attendance slips asked for in the room: minutes counted by the server from admission, the
 * slip signed for the asker only, and nothing of it stored or logged (docs/attendance-slips.md).
 */

let clock = Date.now();
let haven: TestHaven;
beforeAll(async () => {
  haven = await startTestHaven({ liveClock: () => clock });
});
afterEach(() => closeSockets());
afterAll(async () => {
  await haven.close();
});

const MINUTE = 60_000;
const NAME = 'Quinn Verifiable-Name';

async function roomWithParticipant() {
  const room = await roomWith(haven, ['Robin'], { meeting: { title: 'Slip meeting' } });
  const robin = only(room.people);
  return { meetingId: room.meetingId, host: room.host, robin: robin.socket, member: robin.member };
}

describe('attendance slips in the live room', () => {
  it('are refused before the minimum minutes, with the minutes so far', async () => {
    const { robin } = await roomWithParticipant();
    clock += 12 * MINUTE;
    expect(await must(robin, 'attendance:status')).toEqual({ attendedMinutes: 12, minMinutes: 30 });
    const early = await call(robin, 'attendance:requestSlip', { name: NAME });
    expect(early.ok ? 'issued' : early.error.code).toBe('FORBIDDEN');
  });

  it('state the meeting and the minutes attended, verify, and leave no trace', async () => {
    const { robin, member, host, meetingId } = await roomWithParticipant();
    clock += 20 * MINUTE;
    // Stepping out for ten minutes does not count; coming back in does.
    const left = next(host, 'peer:left');
    robin.disconnect();
    await left;
    clock += 10 * MINUTE;
    const again = await openMeetingSocket(haven, member.client);
    const back = await must(again, 'meeting:join', joinAs('Robin', meetingId));
    expect(back.status).toBe('admitted');
    clock += 15 * MINUTE;
    const before = await databaseText(haven);
    const { slip } = await must(again, 'attendance:requestSlip', { name: NAME });
    const verified = await fetch(`${haven.url}/api/attendance/verify?slip=${slip}`).then((r) =>
      r.json(),
    );
    expect(verified).toMatchObject({
      valid: true,
      statement: { meetingTitle: 'Slip meeting', meetingType: 'open', minutes: 35, name: NAME },
    });
    expect(await databaseText(haven)).toBe(before);
    expect(before).not.toContain(NAME);
    expect(JSON.stringify(haven.logLines())).not.toContain(NAME);
    expect(JSON.stringify(haven.logLines())).not.toContain(slip.split('.')[1]);
  });

  it('refuse a name that is not a plain name, and anyone not in the room', async () => {
    const { robin } = await roomWithParticipant();
    clock += 40 * MINUTE;
    for (const name of ['', 'x'.repeat(81), 'Bad\u202Ename', { $gt: '' }]) {
      const answer = await call(robin, 'attendance:requestSlip', { name } as never);
      expect(answer.ok ? 'issued' : answer.error.code).toBe('INVALID_PAYLOAD');
    }
    const stranger = await signUpAs(haven, ['participant']);
    const outside = await openMeetingSocket(haven, stranger.client);
    const refused = await call(outside, 'attendance:requestSlip', { name: NAME });
    expect(refused.ok ? 'issued' : refused.error.code).toBe('NOT_ADMITTED');
  });
});
