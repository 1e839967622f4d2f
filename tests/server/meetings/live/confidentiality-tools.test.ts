import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestHaven, type TestHaven } from '../../../helpers/haven.ts';
import { closeSockets, databaseText, must, next, roomWith } from './helpers.ts';

/**
 * After a meeting that used every recovery-meeting tool (a rename, chat, a help alert, a
 * check-in round, a pause, an attendance slip, feedback), nothing in MongoDB, Redis or the
 * logs names a participant, repeats what they wrote or lists who attended.
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

describe('a meeting with every tool used', () => {
  it('leaves no participant name, alert text, slip name or list of attendees behind', async () => {
    const stamp = Date.now();
    const names = [`Quilla${stamp}`, `Rowan${stamp}`];
    const { meetingId, host, people } = await roomWith(haven, names);
    const [quilla, rowan] = people as [(typeof people)[0], (typeof people)[0]];
    // Accounts hold members' own names; the meeting must add none of its own.
    const before = await databaseText(haven);
    const monitor = await haven.redis.client?.monitor();
    const redisCommands: string[] = [];
    monitor?.on('monitor', (_t: string, args: string[]) => redisCommands.push(args.join(' ')));

    const renamed = `Q${stamp}`;
    await must(host, 'meeting:rename', { peerId: quilla.peerId, displayName: renamed });
    const chatLine = `I used again last week ${stamp}`;
    await must(quilla.socket, 'chat:send', { text: chatLine, to: 'everyone' });
    const alertText = `please call me after ${stamp}`;
    const alerted = next(host, 'help:alert');
    const { alertId } = await must(rowan.socket, 'help:send', { text: alertText });
    await alerted;
    await must(host, 'help:acknowledge', { alertId });
    await must(host, 'agenda:start');
    await must(host, 'agenda:next');
    await must(host, 'round:start', { order: 'shuffled', muteOthers: true });
    await must(host, 'round:next');
    await must(host, 'round:end');
    await must(host, 'meeting:pause');
    await must(host, 'meeting:resume');
    clock += 45 * 60_000;
    const slipName = `Court Name ${stamp}`;
    await must(rowan.socket, 'attendance:requestSlip', { name: slipName });
    await must(quilla.socket, 'meeting:leave');
    await must(quilla.socket, 'meeting:rate', { meetingId, rating: 5, helped: ['safety'] });
    await must(host, 'meeting:end');

    const probe = `probe-${stamp}`;
    const probed = new Promise<void>((resolve) =>
      monitor?.on('monitor', (_t: string, args: string[]) => args.includes(probe) && resolve()),
    );
    await haven.redis.client?.get(probe);
    await probed;
    monitor?.disconnect();

    const stored = await databaseText(haven);
    const logs = JSON.stringify(haven.logLines());
    const redis = redisCommands.join('\n');
    const secrets = [
      ...names,
      renamed,
      chatLine,
      alertText,
      slipName,
      quilla.member.id,
      rowan.member.id,
    ];
    for (const secret of secrets) {
      if (!before.includes(secret)) expect(stored, secret).not.toContain(secret);
      expect(logs, secret).not.toContain(secret);
      expect(redis, secret).not.toContain(secret);
    }
    // What is kept of the occurrence: numbers.
    const [occurrence] = await haven.haven.live.attendance(meetingId);
    expect(occurrence).toMatchObject({ totalAdmitted: 3, ratings: [0, 0, 0, 0, 1] });
  });
});
