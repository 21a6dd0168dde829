import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'yp_session';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Sessions are stored by the hash of their token, so a database leak yields no usable cookie. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
