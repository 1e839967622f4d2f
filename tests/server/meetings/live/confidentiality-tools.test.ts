import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestHaven, type TestHaven } from '../../../helpers/haven.ts';
import { openMonitor } from '../../../helpers/redis-monitor.ts';
import { closeSockets, databaseText, must, next, roomWith } from './helpers.ts';

/**
 * After a meeting that used every recovery-meeting tool (a rename, chat, a help alert, a
 * check-in round, a pause, breakout rooms, an attendance slip, feedback), nothing in MongoDB, Redis or the
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
    const { meetingId, host, hostRoom, people } = await roomWith(haven, names);
    const [quilla, rowan] = people as [(typeof people)[0], (typeof people)[0]];
    // Accounts hold members' own names; the meeting must add none of its own.
    const before = await databaseText(haven);
    const monitor = haven.redis.client ? await openMonitor(haven.redis.client) : undefined;
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
    await must(host, 'breakout:open', {
      rooms: 2,
      assign: 'manual',
      assignments: [
        { peerId: quilla.peerId, room: 1 },
        { peerId: rowan.peerId, room: 2 },
      ],
      minutes: 15,
    });
    const breakoutLine = `in our small group ${stamp}`;
    await must(rowan.socket, 'chat:send', { text: breakoutLine, to: 'everyone' });
    const broadcast = `five minutes left ${stamp}`;
    await must(host, 'breakout:broadcast', { text: broadcast });
    await must(host, 'breakout:move', { peerId: hostRoom.self.peerId, room: 2 });
    await must(host, 'breakout:close');
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
      breakoutLine,
      broadcast,
      slipName,
      quilla.member.id,
      rowan.member.id,
    ];
    for (const secret of secrets) {
      if (!before.includes(secret)) expect(stored, secret).not.toContain(secret);
      expect(logs, secret).not.toContain(secret);
      expect(redis, secret).not.toContain(secret);
    }
    // Nor who was in which breakout room (peer ids appear in logs, never in storage).
    for (const peerId of [quilla.peerId, rowan.peerId]) {
      expect(stored, peerId).not.toContain(peerId);
      expect(redis, peerId).not.toContain(peerId);
    }
    // What is kept of the occurrence: numbers.
    const [occurrence] = await haven.haven.live.attendance(meetingId);
    expect(occurrence).toMatchObject({ totalAdmitted: 3, ratings: [0, 0, 0, 0, 1] });
  });
});
