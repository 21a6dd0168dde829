import { AppError, ZLoginRequestSchema, ZRegisterSchema, ZSessionSchema } from '@yunpin/shared';
import { defineRoute, type AnyRoute } from '../route.js';
import { clearSessionCookie, setSessionCookie } from '../cookies.js';
import { logIn } from '../../domain/auth/log-in.js';
import { logOut } from '../../domain/auth/log-out.js';
import { registerUser } from '../../domain/auth/register-user.js';
import type { HttpOptions } from '../http-options.js';

export function authRoutes(options: HttpOptions): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/auth/session',
      summary: 'The current session, with the CSRF token for writes',
      tag: 'auth',
      auth: 'user',
      response: ZSessionSchema,
      handler: async ({ session }) => ({ user: session.user, csrfToken: session.csrfToken, expiresAt: session.expiresAt }),
    }),
    defineRoute({
      method: 'post',
      path: '/auth/register',
      summary: 'Register as a graduate or as an employer (with a new, unverified organisation)',
      tag: 'auth',
      auth: 'public',
      body: ZRegisterSchema,
      response: ZSessionSchema,
      status: 201,
      handler: async ({ ctx, body, meta, res }) => {
        const { token, session } = await registerUser(ctx, { input: body, meta, sessionTtlMs: options.sessionTtlMs });
        setSessionCookie(res, options.cookies, token, new Date(session.expiresAt));
        return session;
      },
    }),
    defineRoute({
      method: 'post',
      path: '/auth/login',
      summary: 'Log in with a phone number or email and a password',
      tag: 'auth',
      auth: 'public',
      body: ZLoginRequestSchema,
      response: ZSessionSchema,
      handler: async ({ ctx, body, meta, res }) => {
        const { token, session } = await logIn(ctx, { input: body, meta, sessionTtlMs: options.sessionTtlMs, rateLimit: options.loginRateLimit });
        setSessionCookie(res, options.cookies, token, new Date(session.expiresAt));
        return session;
      },
    }),
    defineRoute({
      method: 'post',
      path: '/auth/logout',
      summary: 'End the current session',
      tag: 'auth',
      auth: 'public',
      status: 204,
      handler: async ({ ctx, session, meta, res }) => {
        clearSessionCookie(res, options.cookies);
        if (!session) throw AppError.unauthenticated();
        await logOut(ctx, { tokenHash: session.tokenHash, userId: session.user.id }, meta);
      },
    }),
  ];
}
