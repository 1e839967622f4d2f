import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { LivePresence } from '../../../server/chat/live-presence.ts';
import { Presence } from '../../../server/chat/presence.ts';
import { createLogger } from '../../../server/infra/logger.ts';
import type { HavenSocket } from '../../../server/realtime/socket-server.ts';
import type { MemberPresence } from '../../../shared/chat/schemas.ts';

// One node's LivePresence against the machine's real Redis, with a one-second TTL and beats
// every 200 ms: a connected member must stay online across many TTLs, all of this node's
// sockets beating together (node-killed.test.ts has a node that stops beating).
const redis = new Redis('redis://127.0.0.1:6379');
const NAMESPACE = `test-live-presence-${process.pid}-${Date.now()}`;
afterAll(async () => {
  const keys = await redis.keys(`${NAMESPACE}:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

type Deps = ConstructorParameters<typeof LivePresence>[0];

const nobody = async (userIds: readonly string[]) =>
  new Map(userIds.map((id) => [id, { groupIds: [], contactIds: [], hiddenFrom: [] }]));

function node(announced: MemberPresence[], more: Partial<Deps> = {}) {
  const presence = new Presence({ redis, namespace: NAMESPACE, ttlSeconds: 1 });
  const live = new LivePresence({
    presence,
    // Who hears of a member: only asked when a change is announced.
    audiencesOf: nobody,
    announcer: { announce: (_audience, p) => announced.push(p) },
    logger: createLogger('silent'),
    choicesOf: async () => new Map(),
    beatEveryMs: 200,
    ...more,
  });
  return { presence, live };
}

const socket = (id: string) => ({ id }) as unknown as HavenSocket;

describe('a node beating for its sockets', () => {
  it('keeps its members online across many TTLs, and offline once it closes', async () => {
    const announced: MemberPresence[] = [];
    const { presence, live } = node(announced);
    const members = Array.from({ length: 50 }, (_, i) => `member-${i}`);
    await Promise.all(members.map((m) => live.connected(socket(`tab-${m}`), m)));
    expect(announced.filter((p) => p.state === 'online')).toHaveLength(members.length);

    await sleep(2_500);
    const states = await presence.statesOf(members);
    expect(members.filter((m) => states.get(m)?.state !== 'online')).toEqual([]);

    // A node shutting down takes its members offline at once.
    await live.close();
    const after = await presence.statesOf(members);
    expect(members.filter((m) => after.get(m)?.state !== 'offline')).toEqual([]);
  }, 10_000);

  it('announces a reloading tab as offline, then online, however long each takes to tell', async () => {
    const announced: MemberPresence[] = [];
    // Telling reads who hears of the member first: the telling after the first is slow.
    let calls = 0;
    const { live } = node(announced, {
      audiencesOf: async (userIds) => {
        calls += 1;
        if (calls === 2) await sleep(200);
        return nobody(userIds);
      },
    });
    await live.connected(socket('old-tab'), 'reloader');
    const gone = live.disconnected(socket('old-tab'), 'reloader');
    const back = live.connected(socket('new-tab'), 'reloader');
    await Promise.all([gone, back]);
    expect(announced.map((p) => p.state)).toEqual(['online', 'offline', 'online']);
    await live.close();
  });

  it('reads its members’ privacy choices together: one read for a beat, not one a member', async () => {
    // A node with hundreds of members used to read each one's choices on its own as they
    // lapsed, all in the same beat: a burst of queries that stalled its chat (bench:chat).
    const reads: string[][] = [];
    const { live } = node([], {
      choicesOf: async (userIds) => {
        reads.push([...userIds]);
        return new Map();
      },
      choicesForMs: 300,
    });
    const members = Array.from({ length: 40 }, (_, i) => `reader-${i}`);
    await Promise.all(members.map((m) => live.connected(socket(`tab-${m}`), m)));
    // Lapsing every 300 ms, beating every 200: several beats re-read them.
    await vi.waitFor(() => expect(reads.length).toBeGreaterThanOrEqual(3), { timeout: 5_000 });
    await live.close();
    for (const read of reads) expect([...read].sort()).toEqual([...members].sort());
  });

  it('keeps a member who appears offline hidden while their choices cannot be read again', async () => {
    let reads = 0;
    const { presence, live } = node([], {
      choicesOf: async (userIds) => {
        reads += 1;
        if (reads > 1) throw new Error('database away');
        return new Map(userIds.map((id) => [id, { invisible: true, lastSeen: false }]));
      },
      choicesForMs: 100,
    });
    await live.connected(socket('tab-hidden'), 'hidden');
    // Lapsed and failing at every beat since: each beat asks again, and they stay hidden.
    await vi.waitFor(() => expect(reads).toBeGreaterThanOrEqual(4), { timeout: 5_000 });
    expect((await presence.statesOf(['hidden'])).get('hidden')?.state).toBe('offline');
    await live.close();
  });

  it('forgets the choices of members who left once they lapse', async () => {
    const { live } = node([], { choicesForMs: 100 });
    await live.connected(socket('tab-staying'), 'staying');
    await live.connected(socket('tab-leaving'), 'leaving');
    expect(live.keptChoices).toBe(2);
    await live.disconnected(socket('tab-leaving'), 'leaving');
    await vi.waitFor(() => expect(live.keptChoices).toBe(1), { timeout: 5_000 });
    await live.close();
  });
});

describe('a crashed node’s members going offline', () => {
  it('are announced together: one read of who hears of them, one of their last seen', async () => {
    // A node that dies takes hundreds of members with it; each used to cost three queries
    // of its own, one member after the other, on the node whose sweep found them.
    const presence = new Presence({ redis, namespace: NAMESPACE, ttlSeconds: 1 });
    const members = Array.from({ length: 40 }, (_, i) => `crashed-${i}`);
    // Connected through a node that never beats again (no LivePresence of its own).
    const seen = { invisible: false, lastSeen: true };
    await Promise.all(members.map((m) => presence.connect(m, `tab-${m}`, 'online', seen)));
    const reads: string[][] = [];
    const announced: MemberPresence[] = [];
    const { live, presence: sweeping } = node(announced, {
      audiencesOf: async (userIds) => {
        reads.push([...userIds]);
        return nobody(userIds);
      },
      // Its sweep must come within the one TTL of grace after they lapse (presence.ts).
      sweepEveryMs: 300,
    });
    const statesOf = vi.spyOn(sweeping, 'statesOf');
    await vi.waitFor(() => expect(announced).toHaveLength(members.length), { timeout: 8_000 });
    await live.close();
    expect(announced.every((p) => p.state === 'offline' && p.lastSeen !== null)).toBe(true);
    expect(reads.map((ids) => [...ids].sort())).toEqual([[...members].sort()]);
    expect(statesOf).toHaveBeenCalledTimes(1);
  }, 10_000);
});
