/**
 * Lua scripts of RedisStore. Each runs atomically inside Redis, which is what makes the join-code
 * uniqueness, the participant limit and compaction safe with many instances writing at once.
 * Key names built here (from the prefix in ARGV) must match redisKeys() in RedisStore.ts.
 */

/**
 * The start of a script that creates records under unique keys: returns 0 when any of KEYS[1..n]
 * exists, else sets each KEYS[i] to ARGV[i] and goes on with what follows.
 */
export function setAllIfNew(n: number): string {
  return `
for i = 1, ${n} do
  if redis.call('EXISTS', KEYS[i]) == 1 then return 0 end
end
for i = 1, ${n} do redis.call('SET', KEYS[i], ARGV[i]) end
`;
}

/**
 * KEYS: session, code, token, session tokens, sessions by creation time.
 * ARGV: session JSON, session id, token JSON, token hash, createdAt.
 */
export const CREATE_SESSION = `${setAllIfNew(3)}
redis.call('SADD', KEYS[4], ARGV[4])
redis.call('ZADD', KEYS[5], ARGV[5], ARGV[2])
return 1
`;

/**
 * KEYS: session, new code. ARGV: session JSON, session id, code key prefix.
 * A missing session is left alone (like an UPDATE that matches no row); a code owned by another
 * session is refused; the old code is released when it changes.
 */
export const UPDATE_SESSION = `
local old = redis.call('GET', KEYS[1])
if not old then return 1 end
local owner = redis.call('GET', KEYS[2])
if owner and owner ~= ARGV[2] then return 0 end
local oldKey = ARGV[3] .. cjson.decode(old).joinCode
if oldKey ~= KEYS[2] and redis.call('GET', oldKey) == ARGV[2] then redis.call('DEL', oldKey) end
redis.call('SET', KEYS[2], ARGV[2])
redis.call('SET', KEYS[1], ARGV[1])
return 1
`;

/**
 * KEYS: session participants, participant, token, session tokens.
 * ARGV: limit, participant id, createdAt, participant JSON, token JSON, token hash.
 * Returns 0 when the session is full, -1 when the id or token exists, 1 when added.
 */
export const ADD_PARTICIPANT = `
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
if redis.call('EXISTS', KEYS[2]) == 1 or redis.call('EXISTS', KEYS[3]) == 1 then return -1 end
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[2])
redis.call('SET', KEYS[2], ARGV[4])
redis.call('SET', KEYS[3], ARGV[5])
redis.call('SADD', KEYS[4], ARGV[6])
return 1
`;

/**
 * KEYS: participant, session participants. ARGV: participant JSON, session id, createdAt, id.
 * Only an existing participant of the same session is replaced (like UPDATE … WHERE).
 */
export const UPDATE_PARTICIPANT = `
local old = redis.call('GET', KEYS[1])
if not old or cjson.decode(old).sessionId ~= ARGV[2] then return 0 end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('ZADD', KEYS[2], 'XX', ARGV[3], ARGV[4])
return 1
`;

/**
 * KEYS: doc seq, doc log, session docs. ARGV: update bytes, doc name.
 * The counter and the stream entry change together, so sequence numbers have no holes; other
 * instances rely on that to notice a missed update (scale/DocSync.ts).
 */
export const APPEND_UPDATE = `
local seq = redis.call('INCR', KEYS[1])
redis.call('XADD', KEYS[2], seq .. '-0', 'u', ARGV[1])
redis.call('SADD', KEYS[3], ARGV[2])
return seq
`;

/**
 * KEYS: doc snapshot, doc log, session docs. ARGV: snapshot bytes, through seq, doc name.
 * Never replaces a snapshot with an older one (two compactions racing past an expired lock);
 * the updates up to `through` are in whichever snapshot is kept, so they are dropped either way.
 */
export const COMPACT_DOC = `
local current = tonumber(redis.call('HGET', KEYS[1], 'through') or '0')
local through = tonumber(ARGV[2])
if through > current then
  redis.call('HSET', KEYS[1], 'through', ARGV[2], 'data', ARGV[1])
end
redis.call('XTRIM', KEYS[2], 'MINID', through + 1)
redis.call('SADD', KEYS[3], ARGV[3])
return 1
`;

/**
 * KEYS: session, session audit. ARGV: entry JSON. Appends only while the session exists, so an
 * entry racing the session's deletion leaves nothing behind.
 */
export const APPEND_AUDIT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('RPUSH', KEYS[2], ARGV[1])
return 1
`;

/**
 * KEYS: session, session participants, session tokens, session docs, session control,
 * sessions by creation time, session audit, deletions. ARGV: prefix, session id, deletion JSON
 * (empty: none). Removes the session and everything that hangs off it (photos, private notes and dilemmas too); when the session existed
 * and a deletion is given, leaves its deletion record in the deletions hash.
 */
export const DELETE_SESSION = `
local p = ARGV[1]
local s = redis.call('GET', KEYS[1])
if s and ARGV[3] ~= '' then redis.call('HSET', KEYS[8], ARGV[2], ARGV[3]) end
redis.call('DEL', KEYS[7])
-- A damaged record (not JSON) is deleted all the same; only its join code cannot be found then.
local readable, rec = pcall(cjson.decode, s or '')
if readable and type(rec) == 'table' and type(rec.joinCode) == 'string' then
  local codeKey = p .. 'code:' .. rec.joinCode
  if redis.call('GET', codeKey) == ARGV[2] then redis.call('DEL', codeKey) end
end
for _, id in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do redis.call('DEL', p .. 'participant:' .. id) end
for _, h in ipairs(redis.call('SMEMBERS', KEYS[3])) do redis.call('DEL', p .. 'token:' .. h) end
for _, d in ipairs(redis.call('SMEMBERS', KEYS[4])) do
  redis.call('DEL', p .. 'doc:' .. d .. ':seq', p .. 'doc:' .. d .. ':log', p .. 'doc:' .. d .. ':snapshot')
end
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5])
-- Issue 16: the session's photos (redisPhotos.ts).
redis.call('DEL', p .. 'session:' .. ARGV[2] .. ':photos', p .. 'session:' .. ARGV[2] .. ':photo-data')
-- Issue 15: the case holder's private notes (redisNotes.ts).
redis.call('DEL', p .. 'session:' .. ARGV[2] .. ':notes')
-- Issue 16: the dilemma line (redisDilemmas.ts).
local dl = p .. 'session:' .. ARGV[2]
redis.call('DEL', dl .. ':dilemmas', dl .. ':dilemmas-revealed', dl .. ':dilemma-markers')
redis.call('ZREM', KEYS[6], ARGV[2])
return 1
`;
