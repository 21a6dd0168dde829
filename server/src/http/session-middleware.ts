import type { RequestHandler } from 'express';
import { parse } from 'cookie';
import { AppError } from '@yunpin/shared';
import type { AppContext } from '../context.js';
import { resolveSession } from '../domain/auth/resolve-session.js';
import { SESSION_COOKIE } from '../domain/auth/session-tokens.js';

/** Loads the session named by the cookie into `res.locals.session` (left unset when there is none). */
export function sessionMiddleware(ctx: AppContext): RequestHandler {
  return async (req, res, next) => {
    try {
      const token = parse(req.get('cookie') ?? '')[SESSION_COOKIE];
      if (token) {
        const session = await resolveSession(ctx, token);
        if (session) res.locals.session = session;
      }
      next();
    } catch (error) {
      next(error);
    }
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF for cookie-authenticated writes, in two layers: a browser's Origin must be ours,
 * and a request riding on a session must echo that session's token in X-CSRF-Token.
 */
export function csrfMiddleware(publicUrl: string): RequestHandler {
  const allowed = new URL(publicUrl).origin;
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.get('origin');
    if (origin && origin !== allowed && origin !== `${req.protocol}://${req.get('host') ?? ''}`) {
      return next(new AppError('csrf_failed', 'Cross-site request refused'));
    }
    const session = res.locals.session as { csrfToken: string } | undefined;
    if (session && req.get('x-csrf-token') !== session.csrfToken) {
      return next(new AppError('csrf_failed', 'Missing or wrong CSRF token; reload the page'));
    }
    next();
  };
}
