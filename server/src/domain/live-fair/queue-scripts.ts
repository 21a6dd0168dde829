/**
 * Lua scripts for the fair queues. Each runs atomically in Redis, so two server nodes (or two
 * booths) acting at once can never call one graduate twice. ARGV[1] is always the key prefix.
 *
 * Keys (P = prefix):
 *   P:q:<booth>        zset  userId → rank (lane × 1e13 + join sequence)
 *   P:tk:<booth>       hash  userId → ticket (random, shown only to its owner)
 *   P:jn:<booth>       hash  userId → joined-at ms
 *   P:cd:<booth>       hash  userId → candidate summary JSON (for the recruiter console)
 *   P:ms:<booth>       set   userIds that already let one call lapse here
 *   P:pl:<user>        set   boothIds where the user is queued
 *   P:busy:<user>      string "call:<id>" or "conv:<id>" while the graduate is called or talking
 *   P:call:<id>        hash  booth, user, recruiter, fair, expiresAt
 *   P:due              zset  callId → expiresAt ms
 *   P:load:<recruiter> set   "call:<id>" / "conv:<id>" the recruiter is handling
 *   P:act:<booth>      set   active conversation ids
 *   P:svc:<booth>      list  recent service durations in ms (newest first)
 *   P:seq              counter for join order
 */

export const JOIN_SCRIPT = `
local p, booth, user, lane, now, ticket, summary = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4]), ARGV[5], ARGV[6], ARGV[7]
local q = p .. ':q:' .. booth
if redis.call('ZSCORE', q, user) then
  return {0, redis.call('HGET', p .. ':tk:' .. booth, user)}
end
local seq = redis.call('INCR', p .. ':seq')
redis.call('ZADD', q, lane * 10000000000000 + seq, user)
redis.call('HSET', p .. ':tk:' .. booth, user, ticket)
redis.call('HSET', p .. ':jn:' .. booth, user, now)
redis.call('HSET', p .. ':cd:' .. booth, user, summary)
redis.call('SADD', p .. ':pl:' .. user, booth)
return {1, ticket}
`;

/** Removes a user's place at a booth (all its bookkeeping). */
const REMOVE_PLACE = `
local function remove_place(p, booth, user)
  redis.call('ZREM', p .. ':q:' .. booth, user)
  redis.call('HDEL', p .. ':tk:' .. booth, user)
  redis.call('HDEL', p .. ':jn:' .. booth, user)
  redis.call('HDEL', p .. ':cd:' .. booth, user)
  redis.call('SREM', p .. ':ms:' .. booth, user)
  redis.call('SREM', p .. ':pl:' .. user, booth)
end
`;

export const LEAVE_SCRIPT = `${REMOVE_PLACE}
local p, booth, user = ARGV[1], ARGV[2], ARGV[3]
if not redis.call('ZSCORE', p .. ':q:' .. booth, user) then return 0 end
remove_place(p, booth, user)
return 1
`;

/**
 * Calls the first graduate at the booth who is not busy elsewhere (their places stay held),
 * unless the recruiter already handles K conversations and calls. Returns {1, user} or {0, reason}.
 */
export const CALL_NEXT_SCRIPT = `
local p, booth, recruiter, k, callId, expiresAt, fair, skipUser = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4]), ARGV[5], ARGV[6], ARGV[7], ARGV[8]
local load = p .. ':load:' .. recruiter
if redis.call('SCARD', load) >= k then return {0, 'recruiter_full'} end
local members = redis.call('ZRANGE', p .. ':q:' .. booth, 0, -1)
for _, user in ipairs(members) do
  if user ~= skipUser and redis.call('EXISTS', p .. ':busy:' .. user) == 0 then
    redis.call('SET', p .. ':busy:' .. user, 'call:' .. callId)
    redis.call('HSET', p .. ':call:' .. callId, 'booth', booth, 'user', user, 'recruiter', recruiter, 'fair', fair, 'expiresAt', expiresAt)
    redis.call('ZADD', p .. ':due', expiresAt, callId)
    redis.call('SADD', load, 'call:' .. callId)
    return {1, user}
  end
end
return {0, 'empty'}
`;

/**
 * Ends a pending call. mode: 'accept' (graduate takes it: place consumed, conversation starts),
 * 'decline' (graduate refuses: place at this booth given up), 'return' (the recruiter puts them
 * back: place kept, no penalty), 'lapse' (expired or skipped: the place is kept once, a second
 * lapse gives it up). ARGV[4] must match the call's user or recruiter
 * (by ARGV[5] = 'user' | 'recruiter' | 'any'). Returns {1, booth, user, recruiter, fair, outcome} or {0, reason}.
 */
export const END_CALL_SCRIPT = `${REMOVE_PLACE}
local p, callId, mode, actor, actorKind, conv, now = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], tonumber(ARGV[7])
local key = p .. ':call:' .. callId
local call = redis.call('HGETALL', key)
if #call == 0 then return {0, 'no_call'} end
local c = {}
for i = 1, #call, 2 do c[call[i]] = call[i + 1] end
if actorKind == 'user' and c.user ~= actor then return {0, 'not_yours'} end
if actorKind == 'recruiter' and c.recruiter ~= actor then return {0, 'not_yours'} end
if mode == 'lapse' and actorKind == 'any' and tonumber(c.expiresAt) > now then return {0, 'not_due'} end
redis.call('DEL', key)
redis.call('ZREM', p .. ':due', callId)
redis.call('SREM', p .. ':load:' .. c.recruiter, 'call:' .. callId)
local outcome = mode
if mode == 'accept' then
  remove_place(p, c.booth, c.user)
  redis.call('SET', p .. ':busy:' .. c.user, 'conv:' .. conv)
  redis.call('SADD', p .. ':load:' .. c.recruiter, 'conv:' .. conv)
  redis.call('SADD', p .. ':act:' .. c.booth, conv)
else
  redis.call('DEL', p .. ':busy:' .. c.user)
  if mode == 'decline' then
    remove_place(p, c.booth, c.user)
  elseif mode == 'return' then
    outcome = 'kept'
  elseif redis.call('SISMEMBER', p .. ':ms:' .. c.booth, c.user) == 1 then
    remove_place(p, c.booth, c.user)
    outcome = 'dropped'
  else
    redis.call('SADD', p .. ':ms:' .. c.booth, c.user)
    outcome = 'kept'
  end
end
return {1, c.booth, c.user, c.recruiter, c.fair, outcome}
`;

/**
 * Releases a finished conversation: the graduate is free (their held places resume), the
 * recruiter's load drops, and the service time feeds the wait estimates.
 */
export const END_CONVERSATION_SCRIPT = `
local p, conv, booth, user, recruiter, durationMs = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6]
local removed = redis.call('SREM', p .. ':act:' .. booth, conv)
redis.call('SREM', p .. ':load:' .. recruiter, 'conv:' .. conv)
if redis.call('GET', p .. ':busy:' .. user) == 'conv:' .. conv then redis.call('DEL', p .. ':busy:' .. user) end
if removed == 1 and tonumber(durationMs) > 0 then
  redis.call('LPUSH', p .. ':svc:' .. booth, durationMs)
  redis.call('LTRIM', p .. ':svc:' .. booth, 0, 19)
end
return removed
`;

/** Moves a conversation to a colleague, who must have room for it. */
export const HAND_OFF_SCRIPT = `
local p, conv, from, to, k = ARGV[1], ARGV[2], ARGV[3], ARGV[4], tonumber(ARGV[5])
if redis.call('SISMEMBER', p .. ':load:' .. from, 'conv:' .. conv) == 0 then return {0, 'not_yours'} end
if redis.call('SCARD', p .. ':load:' .. to) >= k then return {0, 'recruiter_full'} end
redis.call('SREM', p .. ':load:' .. from, 'conv:' .. conv)
redis.call('SADD', p .. ':load:' .. to, 'conv:' .. conv)
return {1, 'ok'}
`;
