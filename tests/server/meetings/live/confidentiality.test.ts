import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signUpAs } from '../../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../../helpers/haven.ts';
import { openMonitor } from '../../../helpers/redis-monitor.ts';
import {
  closeSockets,
  joinAs,
  meetingInProgress,
  must,
  next,
  openMeetingSocket,
} from './helpers.ts';

let haven: TestHaven;
beforeAll(async () => {
  haven = await startTestHaven();
});
afterEach(() => closeSockets());
afterAll(async () => {
  await haven.close();
});

/** Every collection with its documents, as JSON, to compare and to search. */
async function databaseContents(): Promise<Record<string, string>> {
  const db = haven.mongo.connection.db;
  if (!db) throw new Error('no database');
  const contents: Record<string, string> = {};
  for (const { name } of await db.listCollections().toArray()) {
    contents[name] = JSON.stringify(await db.collection(name).find().toArray());
  }
  return contents;
}

describe('meeting chat and attendance stay confidential', () => {
  it('never writes chat to MongoDB, Redis or the logs, and forgets it when the meeting ends', async () => {
    const { facilitator, meetingId } = await meetingInProgress(haven);
    const host = await openMeetingSocket(haven, facilitator.client);
    await must(host, 'meeting:join', joinAs('Fran', meetingId));
    await must(host, 'meeting:updateSettings', { autoAdmit: true });
    const member = await signUpAs(haven, ['participant'], { displayName: 'Robin' });
    const guest = await openMeetingSocket(haven, member.client);
    await must(guest, 'meeting:join', joinAs('Robin', meetingId));

    const before = await databaseContents();
    const monitor = haven.redis.client ? await openMonitor(haven.redis.client) : undefined;
    const redisCommands: string[] = [];
    monitor?.on('monitor', (_time: string, args: string[]) => redisCommands.push(args.join(' ')));

    const secret = `I relapsed on Saturday ${Date.now()}`;
    const privateLine = `only for the facilitator ${Date.now()}`;
    const delivered = next(host, 'chat:message', (m) => m.text === secret);
    const { messageId } = await must(guest, 'chat:send', { text: secret, to: 'everyone' });
    expect((await delivered).fromName).toBe('Robin');
    const privately = next(host, 'chat:message', (m) => m.text === privateLine);
    await must(guest, 'chat:send', { text: privateLine, to: 'facilitators' });
    expect((await privately).to).toBe('facilitators');
    const deleted = next(guest, 'chat:deleted');
    await must(host, 'chat:delete', { messageId });
    expect(await deleted).toEqual({ messageId });
    await must(host, 'meeting:end');
    // A probe after everything else: once MONITOR shows it, it has shown all before it.
    const probe = `probe-${Date.now()}`;
    const probed = new Promise<void>((resolve) =>
      monitor?.on('monitor', (_t: string, args: string[]) => args.includes(probe) && resolve()),
    );
    await haven.redis.client?.get(probe);
    await probed;
    monitor?.disconnect();

    const after = await databaseContents();
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    // The mail outbox empties in the background (sign-up's confirmation emails leaving);
    // everything else is exactly as it was. Its contents are still searched below.
    const { mailoutboxes: _outboxAfter, ...restAfter } = after;
    const { mailoutboxes: _outboxBefore, ...restBefore } = before;
    expect(restAfter).toEqual(restBefore);
    const logs = JSON.stringify(haven.logLines());
    for (const text of [secret, privateLine]) {
      expect(logs).not.toContain(text);
      expect(JSON.stringify(after)).not.toContain(text);
      expect(redisCommands.join('\n')).not.toContain(text);
    }
    expect(logs).not.toContain('Robin');
  });

  it('keeps only anonymous counts of who was admitted to an occurrence', async () => {
    const { facilitator, meetingId } = await meetingInProgress(haven);
    const host = await openMeetingSocket(haven, facilitator.client);
    await must(host, 'meeting:join', joinAs('Fran', meetingId));
    await must(host, 'meeting:updateSettings', { autoAdmit: true });
    for (const name of ['Ana', 'Ben']) {
      const member = await signUpAs(haven, ['participant'], { displayName: name });
      await must(
        await openMeetingSocket(haven, member.client),
        'meeting:join',
        joinAs(name, meetingId),
      );
    }
    const counts = await haven.haven.live.attendance(meetingId);
    expect(counts).toHaveLength(1);
    expect(counts[0]).toMatchObject({ peakAdmitted: 3, totalAdmitted: 3 });
    const stored = JSON.stringify(
      await haven.mongo.connection.db?.collection('meetingattendances').find().toArray(),
    );
    for (const leak of ['Ana', 'Ben', 'Fran', facilitator.id]) expect(stored).not.toContain(leak);
  });
});
