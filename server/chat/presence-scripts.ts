/**
 * The Lua behind server/chat/presence.ts. Each script is one atomic step, so two Haven
 * nodes changing the same member's connections never interleave between reading the
 * member's state and writing it back. Key layout and meaning: see presence.ts.
 *
 * A connection is live while its expiry (score, epoch ms) is later than `now`; the keys'
 * own TTLs only collect garbage, so a clock given by the caller (tests) still reads right.
 */

/** Shared helpers, prepended to every script. */
const PRELUDE = `
local function clock(given)
  local n = tonumber(given)
  if n then return n end
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

local function ms(n) return string.format('%.0f', n) end

-- What others see: offline with no live connection or when invisible, online if any
-- live connection is online, else away. Connection members are "o:<id>" or "a:<id>".
local function visible(conn, inv, now)
  local live = redis.call('ZRANGEBYSCORE', conn, '(' .. ms(now), '+inf')
  if #live == 0 or inv == '1' then return 'offline' end
  for _, m in ipairs(live) do
    if string.sub(m, 1, 2) == 'o:' then return 'online' end
  end
  return 'away'
end

-- The member's entry in the sweep index follows their earliest expiry, so a sweep finds
-- them as soon as any one connection lapses (an online tab lapsing can leave them away).
local function settle(conn, meta, members, uid, vis, inv, keep)
  local first = redis.call('ZRANGE', conn, 0, 0, 'WITHSCORES')
  if #first == 0 then
    redis.call('DEL', conn, meta)
    redis.call('ZREM', members, uid)
    return
  end
  redis.call('HSET', meta, 'vis', vis, 'inv', inv)
  redis.call('PEXPIRE', meta, keep)
  redis.call('ZADD', members, first[2], uid)
  redis.call('PEXPIRE', members, keep)
end

-- Last seen exists only for members who opted in: opting out deletes it at once. It moves
-- only while others could see the member, so turning invisible does not keep it fresh.
local function lastSeen(seen, optedIn, before, after, now, seenTtl)
  if optedIn ~= '1' then
    redis.call('DEL', seen)
  elseif before ~= 'offline' or after ~= 'offline' then
    redis.call('SET', seen, ms(now), 'PX', seenTtl)
  end
end
`;

/**
 * KEYS: conn, meta, seen, members.
 * ARGV: userId, connectionId, 'o'|'a', invisible, lastSeen, ttlMs, keepMs, seenTtlMs, now.
 */
export const CONNECT_LUA = `${PRELUDE}
local conn, meta, seen, members = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local uid, cid, st, inv, optedIn = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local ttl, keep, seenTtl = tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8])
local now = clock(ARGV[9])
local before = redis.call('HGET', meta, 'vis') or 'offline'
redis.call('ZREMRANGEBYSCORE', conn, '-inf', ms(now))
redis.call('ZREM', conn, 'o:' .. cid, 'a:' .. cid)
redis.call('ZADD', conn, ms(now + ttl), st .. ':' .. cid)
redis.call('PEXPIRE', conn, keep)
local after = visible(conn, inv, now)
settle(conn, meta, members, uid, after, inv, keep)
lastSeen(seen, optedIn, before, after, now, seenTtl)
return { after, before ~= after and 1 or 0 }
`;

/**
 * KEYS: conn, meta, seen, members.
 * ARGV: userId, connectionId, invisible, lastSeen, keepMs, seenTtlMs, now.
 */
export const DISCONNECT_LUA = `${PRELUDE}
local conn, meta, seen, members = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local uid, cid, inv, optedIn = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local keep, seenTtl = tonumber(ARGV[5]), tonumber(ARGV[6])
local now = clock(ARGV[7])
local before = redis.call('HGET', meta, 'vis') or 'offline'
redis.call('ZREMRANGEBYSCORE', conn, '-inf', ms(now))
redis.call('ZREM', conn, 'o:' .. cid, 'a:' .. cid)
local after = visible(conn, inv, now)
settle(conn, meta, members, uid, after, inv, keep)
lastSeen(seen, optedIn, before, after, now, seenTtl)
return { after, before ~= after and 1 or 0 }
`;

/**
 * KEYS: conn, meta, seen for each member in turn. ARGV: now.
 * Returns state, last seen ('' when none) for each member in turn. Reads only.
 */
export const STATES_LUA = `${PRELUDE}
local now = clock(ARGV[1])
local out = {}
for i = 1, #KEYS, 3 do
  local inv = redis.call('HGET', KEYS[i + 1], 'inv') or '0'
  out[#out + 1] = visible(KEYS[i], inv, now)
  out[#out + 1] = redis.call('GET', KEYS[i + 2]) or ''
end
return out
`;

/**
 * KEYS: members. ARGV: key prefix ("<ns>:presence:"), now, limit, keepMs.
 * Builds each due member's keys from the prefix (so this script, unlike the others, is
 * not Redis Cluster-safe). Returns the number of members looked at, then the ids of those
 * whose visible state changed. Last seen is left as the last beat wrote it.
 */
export const SWEEP_LUA = `${PRELUDE}
local members, prefix = KEYS[1], ARGV[1]
local now, limit, keep = clock(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local due = redis.call('ZRANGEBYSCORE', members, '-inf', ms(now), 'LIMIT', 0, limit)
local out = { #due }
for _, uid in ipairs(due) do
  local conn, meta = prefix .. 'conn:' .. uid, prefix .. 'member:' .. uid
  local before = redis.call('HGET', meta, 'vis') or 'offline'
  local inv = redis.call('HGET', meta, 'inv') or '0'
  redis.call('ZREMRANGEBYSCORE', conn, '-inf', ms(now))
  local after = visible(conn, inv, now)
  settle(conn, meta, members, uid, after, inv, keep)
  if before ~= after then out[#out + 1] = uid end
end
return out
`;
