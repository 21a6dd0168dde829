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
 *   P:call:<id>        hash  booth, user, recruiter, fair, expiresAt, org, recruiterName, softLimitMinutes
 *   P:due              zset  callId → expiresAt ms
 *   P:load:<recruiter> set   "call:<id>" / "conv:<id>" the recruiter is handling
 *   P:act:<booth>      set   active conversation ids
 *   P:svc:<booth>      list  recent service durations in ms (newest first)
 *   P:on:<booth>       zset  recruiterId → last seen ms (open consoles)
 *   P:softlimit        zset  conversationId → when its soft-limit warning is due
 *   P:seq              counter for join order
 *   P:acl              counter, bumped after every committed change to a booth, its representatives
 *                      or its fair: who may staff a booth, read from PostgreSQL, is cached until it moves
 *   P:v:<booth>        counter, bumped whenever what a waiting graduate sees of the booth changes
 *                      (order, tickets, held flags, recruiters present); a new service time alone
 *                      does not, so snapshots carry it from the next such change on
 *   P:w:<booth>        counter, bumped on every change of the booth's live figures (the above,
 *                      and conversations held, service times): what the console and lobby show
 *
 * Scripts that change a booth bump its counters and return the booths they changed, so the
 * caller knows what to re-broadcast without asking again.
 */

/** Bumps both counters of a booth; `bump_places` does so for every booth where a user waits. */
const BUMP = `
local function bump(p, booth)
  redis.call('INCR', p .. ':v:' .. booth)
  redis.call('INCR', p .. ':w:' .. booth)
end
local function bump_places(p, user, also)
  local booths = redis.call('SMEMBERS', p .. ':pl:' .. user)
  local seen = false
  for _, b in ipairs(booths) do
    bump(p, b)
    if b == also then seen = true end
  end
  if also and not seen then
    bump(p, also)
    booths[#booths + 1] = also
  end
  return booths
end
`;

export const JOIN_SCRIPT = `${BUMP}
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
bump(p, booth)
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

export const LEAVE_SCRIPT = `${BUMP}${REMOVE_PLACE}
local p, booth, user = ARGV[1], ARGV[2], ARGV[3]
if not redis.call('ZSCORE', p .. ':q:' .. booth, user) then return 0 end
remove_place(p, booth, user)
bump(p, booth)
return 1
`;

/**
 * Calls the first graduate at the booth who is not busy elsewhere (their places stay held),
 * unless the recruiter already handles K conversations and calls. The call keeps what answering
 * it needs: the organisation's and recruiter's names and the booth's soft limit (ARGV[9..11]).
 * Returns {1, user, summary JSON, changed booths...} or {0, reason}.
 */
export const CALL_NEXT_SCRIPT = `${BUMP}
local p, booth, recruiter, k, callId, expiresAt, fair, skipUser = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4]), ARGV[5], ARGV[6], ARGV[7], ARGV[8]
local org, recruiterName, softLimitMinutes, acl = ARGV[9], ARGV[10], ARGV[11], ARGV[12]
-- The caller's booth access was read at staff-access generation acl ('' when read just now).
if acl ~= '' and (redis.call('GET', p .. ':acl') or '0') ~= acl then return {0, 'stale_access'} end
local load = p .. ':load:' .. recruiter
if redis.call('SCARD', load) >= k then return {0, 'recruiter_full'} end
local members = redis.call('ZRANGE', p .. ':q:' .. booth, 0, -1)
for _, user in ipairs(members) do
  if user ~= skipUser and redis.call('EXISTS', p .. ':busy:' .. user) == 0 then
    redis.call('SET', p .. ':busy:' .. user, 'call:' .. callId)
    redis.call('HSET', p .. ':call:' .. callId, 'booth', booth, 'user', user, 'recruiter', recruiter, 'fair', fair, 'expiresAt', expiresAt,
      'org', org, 'recruiterName', recruiterName, 'softLimitMinutes', softLimitMinutes)
    redis.call('ZADD', p .. ':due', expiresAt, callId)
    redis.call('SADD', load, 'call:' .. callId)
    -- Called here, held everywhere else: every booth where they wait changes.
    local reply = {1, user, redis.call('HGET', p .. ':cd:' .. booth, user) or ''}
    for _, b in ipairs(bump_places(p, user, booth)) do reply[#reply + 1] = b end
    return reply
  end
end
return {0, 'empty'}
`;

/**
 * Ends a pending call. mode: 'accept' (graduate takes it: place consumed, conversation starts),
 * 'decline' (graduate refuses: place at this booth given up), 'return' (the recruiter puts them
 * back: place kept, no penalty), 'lapse' (expired or skipped: the place is kept once, a second
 * lapse gives it up). ARGV[4] must match the call's user or recruiter
 * (by ARGV[5] = 'user' | 'recruiter' | 'any'). On accept, ARGV[8] (ms) is when the conversation's
 * soft-limit warning is due (P:softlimit, conversationId → ms).
 * Returns {1, booth, user, recruiter, fair, outcome, changed booths...} or {0, reason}.
 */
export const END_CALL_SCRIPT = `${BUMP}${REMOVE_PLACE}
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
local changed
if mode == 'accept' then
  -- Still busy (now talking): held elsewhere as before, so only this booth changes.
  remove_place(p, c.booth, c.user)
  redis.call('SET', p .. ':busy:' .. c.user, 'conv:' .. conv)
  redis.call('SADD', p .. ':load:' .. c.recruiter, 'conv:' .. conv)
  redis.call('SADD', p .. ':act:' .. c.booth, conv)
  if ARGV[8] and ARGV[8] ~= '' then redis.call('ZADD', p .. ':softlimit', ARGV[8], conv) end
  bump(p, c.booth)
  changed = {c.booth}
else
  -- Free again: every place they hold resumes.
  redis.call('DEL', p .. ':busy:' .. c.user)
  changed = bump_places(p, c.user, c.booth)
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
local reply = {1, c.booth, c.user, c.recruiter, c.fair, outcome}
for _, b in ipairs(changed) do reply[#reply + 1] = b end
return reply
`;

/**
 * Releases a finished conversation: the graduate is free (their held places resume), the
 * recruiter's load drops, its soft-limit warning is off, and the service time feeds the wait estimates.
 * Returns {removed (0/1), booths whose queue changed...}; the conversation's booth always
 * has its figures counter bumped.
 */
export const END_CONVERSATION_SCRIPT = `${BUMP}
local p, conv, booth, user, recruiter, durationMs = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6]
local removed = redis.call('SREM', p .. ':act:' .. booth, conv)
redis.call('SREM', p .. ':load:' .. recruiter, 'conv:' .. conv)
local reply = {removed}
if redis.call('GET', p .. ':busy:' .. user) == 'conv:' .. conv then
  redis.call('DEL', p .. ':busy:' .. user)
  for _, b in ipairs(bump_places(p, user, nil)) do reply[#reply + 1] = b end
end
redis.call('ZREM', p .. ':softlimit', conv)
if removed == 1 and tonumber(durationMs) > 0 then
  redis.call('LPUSH', p .. ':svc:' .. booth, durationMs)
  redis.call('LTRIM', p .. ':svc:' .. booth, 0, 19)
end
redis.call('INCR', p .. ':w:' .. booth)
return reply
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

/**
 * A recruiter's console opens (ARGV[5] = 'on', refreshed while open) or closes ('off') at a booth.
 * The booth changes (its capacity does) only when the recruiter was not counted before, or is no
 * longer. Returns 1 when it changed.
 */
export const PRESENCE_SCRIPT = `${BUMP}
local p, booth, user, now, mode, ttl = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4]), ARGV[5], tonumber(ARGV[6])
local key = p .. ':on:' .. booth
if mode == 'on' then
  local seen = redis.call('ZSCORE', key, user)
  redis.call('ZADD', key, now, user)
  if seen and tonumber(seen) >= now - ttl then return 0 end
else
  if redis.call('ZREM', key, user) == 0 then return 0 end
end
bump(p, booth)
return 1
`;

/** The booth's mean recent service time in whole seconds (at least 1), or '' before any. */
const AVERAGE_SERVICE = `
local function average_service_seconds(p, booth)
  local sum, count = 0, 0
  for _, s in ipairs(redis.call('LRANGE', p .. ':svc:' .. booth, 0, -1)) do
    local ms = tonumber(s)
    if ms and ms > 0 then
      sum = sum + ms
      count = count + 1
    end
  end
  if count == 0 then return '' end
  return tostring(math.max(1, math.floor(sum / count / 1000 + 0.5)))
end
`;

/**
 * One graduate's place at a booth, without reading the rest of the queue beyond those ahead:
 * what a graduate's own requests (joining, reloading their queues) answer with. ARGV: prefix,
 * booth, user, now, presence TTL ms. Returns {0} when the user has no place there, else
 * {1, v, waiting, present, averageServiceSeconds or '', ahead, busy, ticket, joinedAt, missed}:
 * `ahead` counts those ahead who can be called now (not busy: held and called graduates keep their
 * place but are skipped, as placeOf counts them), `busy` 1 when the user is held or called.
 */
export const PLACE_SCRIPT = `${AVERAGE_SERVICE}
local p, booth, user, now, ttl = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4]), tonumber(ARGV[5])
local q = p .. ':q:' .. booth
local rank = redis.call('ZRANK', q, user)
if not rank then return {0} end
local ahead = 0
if rank > 0 then
  for _, u in ipairs(redis.call('ZRANGE', q, 0, rank - 1)) do
    if redis.call('EXISTS', p .. ':busy:' .. u) == 0 then ahead = ahead + 1 end
  end
end
return {1, tonumber(redis.call('GET', p .. ':v:' .. booth) or '0'), redis.call('ZCARD', q), redis.call('ZCOUNT', p .. ':on:' .. booth, now - ttl, '+inf'),
  average_service_seconds(p, booth), ahead, redis.call('EXISTS', p .. ':busy:' .. user), redis.call('HGET', p .. ':tk:' .. booth, user) or '',
  redis.call('HGET', p .. ':jn:' .. booth, user) or '0', redis.call('SISMEMBER', p .. ':ms:' .. booth, user)}
`;

/**
 * Everything the booth's broadcasts and answers are built from, in one round trip.
 * ARGV: prefix, booth, now, presence TTL ms, channels, staff, then the counter values the caller
 * last broadcast on 'q', 's' and 'l' (-1 for none).
 * channels '' reads without publishing (staff '1' adds what the console shows). Otherwise it is
 * the channels about to be broadcast ('q' queue, 's' staff console, 'l' lobby): those whose
 * counter moved past what the caller last broadcast on them are returned; when none moved,
 * nothing else is read. Each node keeps its own last values, as each broadcasts to its own sockets.
 * Returns {v, w, channels, present, inConversation, averageServiceSeconds or '', n, then per
 * waiting graduate in call order: user, ticket, state, joinedAt, summary, callId, recruiter,
 * expiresAt} where state holds P (priority), H (held), C (called here), M (missed once);
 * the last four are '' unless staff data is read. A broadcast without the console skips what its
 * channels do not show (a lobby card: tickets '', joinedAt 0; the queue: joinedAt 0): at a busy
 * fair this script runs for every change of every booth on every node, and each read per waiting
 * graduate counts while Redis runs nothing else.
 */
export const BOOTH_VIEW_SCRIPT = `${AVERAGE_SERVICE}
local p, booth, now, ttl, channels, staff = ARGV[1], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4]), ARGV[5], ARGV[6] == '1'
local v = tonumber(redis.call('GET', p .. ':v:' .. booth) or '0')
local w = tonumber(redis.call('GET', p .. ':w:' .. booth) or '0')
local due = ''
if channels ~= '' then
  local last = {q = tonumber(ARGV[7]), s = tonumber(ARGV[8]), l = tonumber(ARGV[9])}
  for i = 1, #channels do
    local ch = string.sub(channels, i, i)
    local current = w
    if ch == 'q' then current = v end
    if (last[ch] or -1) < current then due = due .. ch end
  end
  if due == '' then return {v, w, ''} end
  staff = string.find(due, 's', 1, true) ~= nil
end
-- A broadcast reads only what its channels show: tickets for the queue ('q') and the console,
-- join times for the console; the lobby card ('l') needs neither. A plain read (no channels) reads all.
local needTicket = channels == '' or staff or string.find(due, 'q', 1, true) ~= nil
local needJoined = channels == '' or staff
local present = redis.call('ZCOUNT', p .. ':on:' .. booth, now - ttl, '+inf')
local act = redis.call('SCARD', p .. ':act:' .. booth)
local avg = average_service_seconds(p, booth)
local members = redis.call('ZRANGE', p .. ':q:' .. booth, 0, -1, 'WITHSCORES')
local n = #members / 2
local missed = {}
for _, u in ipairs(redis.call('SMEMBERS', p .. ':ms:' .. booth)) do missed[u] = true end
local reply = {v, w, due, present, act, avg, n}
local tk, jn, cd = p .. ':tk:' .. booth, p .. ':jn:' .. booth, p .. ':cd:' .. booth
for i = 1, #members, 2 do
  local user = members[i]
  local state = ''
  if tonumber(members[i + 1]) < 10000000000000 then state = 'P' end
  if missed[user] then state = state .. 'M' end
  local busy = redis.call('GET', p .. ':busy:' .. user)
  local callId, recruiter, expiresAt = '', '', ''
  if busy then
    local here = false
    if string.sub(busy, 1, 5) == 'call:' then
      local call = redis.call('HMGET', p .. ':call:' .. string.sub(busy, 6), 'booth', 'recruiter', 'expiresAt')
      if call[1] == booth then
        here = true
        if staff then
          callId, recruiter, expiresAt = string.sub(busy, 6), call[2] or '', call[3] or ''
        end
      end
    end
    if here then state = state .. 'C' else state = state .. 'H' end
  end
  reply[#reply + 1] = user
  if needTicket then reply[#reply + 1] = redis.call('HGET', tk, user) or '' else reply[#reply + 1] = '' end
  reply[#reply + 1] = state
  if needJoined then reply[#reply + 1] = redis.call('HGET', jn, user) or '0' else reply[#reply + 1] = '0' end
  if staff then reply[#reply + 1] = redis.call('HGET', cd, user) or '{}' else reply[#reply + 1] = '' end
  reply[#reply + 1] = callId
  reply[#reply + 1] = recruiter
  reply[#reply + 1] = expiresAt
end
return reply
`;
