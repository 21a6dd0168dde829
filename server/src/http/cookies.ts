import type { Response } from 'express';
import { serialize } from 'cookie';
import { SESSION_COOKIE } from '../domain/auth/session-tokens.js';

export interface CookiePolicy {
  isSecure: boolean;
}

export function setSessionCookie(res: Response, policy: CookiePolicy, token: string, expiresAt: Date): void {
  res.append(
    'Set-Cookie',
    serialize(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: policy.isSecure, path: '/', expires: expiresAt }),
  );
}

export function clearSessionCookie(res: Response, policy: CookiePolicy): void {
  res.append(
    'Set-Cookie',
    serialize(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure: policy.isSecure, path: '/', expires: new Date(0) }),
  );
}
