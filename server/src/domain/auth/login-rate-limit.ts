import { createHash } from 'node:crypto';
import { AppError } from '@yunpin/shared';
import type { AppContext } from '../../context.js';

export interface LoginRateLimit {
  /** Failed attempts allowed per login name in one window. */
  perLogin: number;
  /** Failed attempts allowed per client address in one window. */
  perIp: number;
  windowSeconds: number;
}

export const DEFAULT_LOGIN_RATE_LIMIT: LoginRateLimit = { perLogin: 5, perIp: 30, windowSeconds: 15 * 60 };

function keys(ctx: AppContext, login: string, ip: string | null): { loginKey: string; ipKey: string } {
  const digest = createHash('sha256').update(login.trim().toLowerCase()).digest('hex').slice(0, 32);
  return {
    loginKey: `${ctx.redisPrefix}:ratelimit:login:${digest}`,
    ipKey: `${ctx.redisPrefix}:ratelimit:login-ip:${ip ?? 'unknown'}`,
  };
}

/** Throws 429 with Retry-After when this login or address has failed too often; shared by all nodes via Redis. */
export async function assertLoginAllowed(ctx: AppContext, limit: LoginRateLimit, login: string, ip: string | null): Promise<void> {
  const { loginKey, ipKey } = keys(ctx, login, ip);
  const [[, loginCount], [, ipCount], [, loginTtl], [, ipTtl]] = (await ctx.redis
    .multi()
    .get(loginKey)
    .get(ipKey)
    .ttl(loginKey)
    .ttl(ipKey)
    .exec()) as [[null, string | null], [null, string | null], [null, number], [null, number]];
  const blockedFor = Math.max(
    Number(loginCount ?? 0) >= limit.perLogin ? loginTtl : 0,
    Number(ipCount ?? 0) >= limit.perIp ? ipTtl : 0,
  );
  if (blockedFor > 0) {
    throw new AppError('rate_limited', 'Too many failed attempts; try again later', { retryAfterSeconds: blockedFor });
  }
}

export async function recordLoginFailure(ctx: AppContext, limit: LoginRateLimit, login: string, ip: string | null): Promise<void> {
  const { loginKey, ipKey } = keys(ctx, login, ip);
  await ctx.redis
    .multi()
    .incr(loginKey)
    .expire(loginKey, limit.windowSeconds, 'NX')
    .incr(ipKey)
    .expire(ipKey, limit.windowSeconds, 'NX')
    .exec();
}

export async function clearLoginFailures(ctx: AppContext, login: string, ip: string | null): Promise<void> {
  await ctx.redis.del(keys(ctx, login, ip).loginKey);
}
