import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { Presence, type PresenceOptions } from '../../../server/chat/presence.ts';

// Presence against the machine's real Redis; every test gets its own key namespace, so
// sweeps and fake clocks in one test never touch another test's members.
const REDIS_URL = 'redis://127.0.0.1:6379';
const ROOT = `test-presence-${process.pid}-${Date.now()}`;
const redis = new Redis(REDIS_URL);
const clients: Redis[] = [redis];
let spaces = 0;

afterAll(async () => {
  const keys = await redis.keys(`${ROOT}:*`);
  if (keys.length > 0) await redis.del(...keys);
  for (const client of clients) client.disconnect();
});

const VISIBLE = { invisible: false, lastSeen: false };
const SEEN = { invisible: false, lastSeen: true };

/** A fake clock, so expiry is tested by moving time rather than by waiting for it. */
function clock(): { now: () => number; advance: (ms: number) => void } {
  let t = Date.now();
  return { now: () => t, advance: (ms) => (t += ms) };
}

function presence(options: Partial<PresenceOptions> = {}): Presence {
  return new Presence({ redis, namespace: `${ROOT}:${++spaces}`, ...options });
}

async function stateOf(p: Presence, userId: string): Promise<string | undefined> {
  return (await p.statesOf([userId])).get(userId)?.state;
}

describe('presence of one member', () => {
  it('counts several tabs as one: online until the last one closes', async () => {
    const p = presence();
    expect(await p.connect('m1', 'tab1', 'online', VISIBLE)).toEqual({
      state: 'online',
      changed: true,
    });
    expect(await p.connect('m1', 'tab2', 'online', VISIBLE)).toEqual({
      state: 'online',
      changed: false,
    });
    expect(await p.disconnect('m1', 'tab1', VISIBLE)).toEqual({ state: 'online', changed: false });
    expect(await stateOf(p, 'm1')).toBe('online');
    expect(await p.disconnect('m1', 'tab2', VISIBLE)).toEqual({ state: 'offline', changed: true });
    expect(await stateOf(p, 'm1')).toBe('offline');
  });

  it('reads away only when every live tab is away', async () => {
    const p = presence();
    await p.connect('m1', 'tab1', 'online', VISIBLE);
    expect(await p.connect('m1', 'tab2', 'away', VISIBLE)).toEqual({
      state: 'online',
      changed: false,
    });
    expect(await p.heartbeat('m1', 'tab1', 'away', VISIBLE)).toEqual({
      state: 'away',
      changed: true,
    });
    expect(await stateOf(p, 'm1')).toBe('away');
    expect(await p.heartbeat('m1', 'tab2', 'online', VISIBLE)).toEqual({
      state: 'online',
      changed: true,
    });
    // Closing the online tab leaves the away one.
    expect(await p.disconnect('m1', 'tab2', VISIBLE)).toEqual({ state: 'away', changed: true });
  });

  it('shows an invisible member as offline while they are connected', async () => {
    const p = presence();
    const invisible = { invisible: true, lastSeen: false };
    expect(await p.connect('m1', 'tab1', 'online', invisible)).toEqual({
      state: 'offline',
      changed: false,
    });
    expect(await stateOf(p, 'm1')).toBe('offline');
    expect(await p.heartbeat('m1', 'tab1', 'online', VISIBLE)).toEqual({
      state: 'online',
      changed: true,
    });
    expect(await p.heartbeat('m1', 'tab1', 'online', invisible)).toEqual({
      state: 'offline',
      changed: true,
    });
    expect(await stateOf(p, 'm1')).toBe('offline');
  });

  it('stores last seen only for members who opted in, and drops it when they opt out', async () => {
    const time = clock();
    const p = presence({ now: time.now });
    const seenKey = (ns: number, id: string) => `${ROOT}:${ns}:presence:seen:${id}`;
    await p.connect('shy', 'tab', 'online', VISIBLE);
    await p.connect('open', 'tab', 'online', SEEN);
    const seenAt = time.now();
    time.advance(5_000);
    await p.disconnect('shy', 'tab', VISIBLE);
    await p.disconnect('open', 'tab', SEEN);
    const states = await p.statesOf(['shy', 'open']);
    expect(states.get('open')).toEqual({ state: 'offline', lastSeen: seenAt + 5_000 });
    expect(states.get('shy')).toEqual({ state: 'offline', lastSeen: null });
    expect(await redis.exists(seenKey(spaces, 'shy'))).toBe(0);
    expect(await redis.exists(seenKey(spaces, 'open'))).toBe(1);

    // Going invisible does not keep last seen fresh: it stays where others last saw them.
    await p.connect('open', 'tab', 'online', { invisible: true, lastSeen: true });
    time.advance(5_000);
    await p.heartbeat('open', 'tab', 'online', { invisible: true, lastSeen: true });
    expect((await p.statesOf(['open'])).get('open')?.lastSeen).toBe(seenAt + 5_000);

    await p.heartbeat('open', 'tab', 'online', VISIBLE);
    expect(await redis.exists(seenKey(spaces, 'open'))).toBe(0);
    await p.connect('later', 'tab', 'online', SEEN);
    await p.forgetLastSeen('later');
    expect(await redis.exists(seenKey(spaces, 'later'))).toBe(0);
  });
});

describe('expiry', () => {
  it('takes a tab that stops beating offline after the ttl; one sweep reports it', async () => {
    const time = clock();
    const p = presence({ ttlSeconds: 1, now: time.now });
    await p.connect('quiet', 'tab', 'online', VISIBLE);
    await p.connect('mixed', 'online-tab', 'online', VISIBLE);
    await p.connect('mixed', 'away-tab', 'away', VISIBLE);
    // Lapses that others cannot see are not news.
    await p.connect('hidden', 'tab', 'online', { invisible: true, lastSeen: false });
    await p.connect('steady', 'away-tab', 'away', VISIBLE);
    await p.connect('steady', 'online-tab', 'online', VISIBLE);
    time.advance(600);
    await p.heartbeat('mixed', 'away-tab', 'away', VISIBLE);
    await p.heartbeat('steady', 'online-tab', 'online', VISIBLE);
    expect(await p.sweepExpired()).toEqual([]);
    time.advance(500);
    const states = await p.statesOf(['quiet', 'mixed', 'steady']);
    expect(states.get('quiet')?.state).toBe('offline');
    expect(states.get('mixed')?.state).toBe('away');
    expect(states.get('steady')?.state).toBe('online');
    expect((await p.sweepExpired()).sort()).toEqual(['mixed', 'quiet']);
    expect(await p.sweepExpired()).toEqual([]);
    // Coming back after a lapse is a change worth telling others about.
    expect(await p.connect('quiet', 'tab2', 'online', VISIBLE)).toEqual({
      state: 'online',
      changed: true,
    });
  });

  it('lets Redis’s own clock and TTLs retire a crashed node’s members with no cleanup', async () => {
    const swept = presence({ ttlSeconds: 1 });
    const abandoned = presence({ ttlSeconds: 1 });
    const prefix = `${ROOT}:${spaces}:presence:`;
    await swept.connect('crashed', 'tab', 'online', VISIBLE);
    await abandoned.connect('crashed', 'tab', 'away', SEEN);
    const keys = (await redis.keys(`${prefix}*`)).sort();
    expect(keys).toEqual(
      ['conn:crashed', 'member:crashed', 'members', 'seen:crashed'].map((k) => prefix + k),
    );
    for (const key of keys) expect(await redis.pttl(key)).toBeGreaterThan(0);
    // Ids, states and times only.
    expect(await redis.zrange(`${prefix}conn:crashed`, '0', '-1')).toEqual(['a:tab']);
    expect(await redis.hgetall(`${prefix}member:crashed`)).toEqual({ vis: 'away', inv: '0' });

    // Each lapses a second after its own connect (the second connected a moment later).
    await expect.poll(() => stateOf(swept, 'crashed'), { timeout: 5_000 }).toBe('offline');
    await expect.poll(() => stateOf(abandoned, 'crashed'), { timeout: 5_000 }).toBe('offline');
    expect(await swept.sweepExpired()).toEqual(['crashed']);
    // Nobody swept here: Redis drops everything but the opted-in last seen on its own.
    await expect
      .poll(() => redis.keys(`${prefix}*`), { timeout: 10_000, interval: 250 })
      .toEqual([`${prefix}seen:crashed`]);
  });
});

describe('a node beating for all its connections at once', () => {
  it('keeps every beaten connection alive, lets the others lapse, and says what changed', async () => {
    const time = clock();
    const p = presence({ ttlSeconds: 1, now: time.now });
    const ids = Array.from({ length: 300 }, (_, i) => `beater-${i}`);
    await p.heartbeats(
      ids.map((userId) => ({ userId, connectionId: 'tab', state: 'online', settings: VISIBLE })),
    );
    await p.connect('silent', 'tab', 'online', VISIBLE);
    time.advance(700);
    const changes = await p.heartbeats(
      ids.map((userId, i) => ({
        userId,
        connectionId: 'tab',
        state: i === 7 ? 'away' : 'online',
        settings: VISIBLE,
      })),
    );
    // In the order asked: only the member who went away changed.
    expect(changes).toHaveLength(ids.length);
    expect(changes[7]).toEqual({ state: 'away', changed: true });
    expect(changes.filter((c) => c.changed)).toHaveLength(1);
    time.advance(700);
    const states = await p.statesOf([...ids, 'silent']);
    expect(states.get('silent')?.state).toBe('offline');
    expect(ids.filter((id) => states.get(id)?.state === 'offline')).toEqual([]);
    expect(states.get('beater-7')?.state).toBe('away');
    expect(await p.heartbeats([])).toEqual([]);
  });
});

describe('two nodes on one Redis', () => {
  it('agree on a member whose tabs are on different nodes', async () => {
    const other = new Redis(REDIS_URL);
    clients.push(other);
    const nodeA = presence();
    const nodeB = new Presence({ redis: other, namespace: `${ROOT}:${spaces}` });
    expect((await nodeA.connect('m1', 'on-a', 'online', VISIBLE)).changed).toBe(true);
    expect((await nodeB.connect('m1', 'on-b', 'away', VISIBLE)).changed).toBe(false);
    expect(await stateOf(nodeB, 'm1')).toBe('online');
    expect(await nodeA.disconnect('m1', 'on-a', VISIBLE)).toEqual({ state: 'away', changed: true });
    expect(await stateOf(nodeB, 'm1')).toBe('away');
    expect(await nodeB.disconnect('m1', 'on-b', VISIBLE)).toEqual({
      state: 'offline',
      changed: true,
    });
    expect(await stateOf(nodeA, 'm1')).toBe('offline');
  });

  it('report each lapsed member once when both sweep at the same moment', async () => {
    const other = new Redis(REDIS_URL);
    clients.push(other);
    const time = clock();
    const nodeA = presence({ ttlSeconds: 1, now: time.now });
    const nodeB = new Presence({
      redis: other,
      namespace: `${ROOT}:${spaces}`,
      ttlSeconds: 1,
      now: time.now,
    });
    const ids = Array.from({ length: 40 }, (_, i) => `m${i}`);
    await Promise.all(
      ids.map((id, i) => (i % 2 ? nodeA : nodeB).connect(id, 't', 'online', VISIBLE)),
    );
    time.advance(1_001);
    const [a, b] = await Promise.all([nodeA.sweepExpired(), nodeB.sweepExpired()]);
    expect([...a, ...b].sort()).toEqual([...ids].sort());
  });
});

it('answers for 500 members in one round trip', async () => {
  const p = presence();
  const ids = Array.from({ length: 500 }, (_, i) => `member-${i}`);
  const expected = ids.map((_, i) => (i < 250 ? 'online' : i < 350 ? 'away' : 'offline'));
  await Promise.all(
    ids.map((id, i) =>
      i < 250
        ? p.connect(id, 'tab', 'online', VISIBLE)
        : i < 350
          ? p.connect(id, 'tab', 'away', VISIBLE)
          : i < 400
            ? p.connect(id, 'tab', 'online', { invisible: true, lastSeen: false })
            : undefined,
    ),
  );
  await p.statesOf(ids.slice(0, 1)); // loads the script on this connection

  // Counted as this client sends them, so no other test file's traffic on the machine's
  // Redis can enter the count (tests that must see every client use helpers/redis-monitor.ts).
  const sent: string[] = [];
  const send = redis.sendCommand.bind(redis);
  redis.sendCommand = (command, stream) => {
    sent.push(command.name.toLowerCase());
    return send(command, stream);
  };
  const states = await p.statesOf(ids).finally(() => {
    redis.sendCommand = send;
  });

  expect(ids.map((id) => states.get(id)?.state)).toEqual(expected);
  expect(sent).toEqual(['evalsha']);
});
