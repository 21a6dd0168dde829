import type { ErrorRequestHandler } from 'express';
import { AppError } from '@yunpin/shared';
import type { Logger } from '../logger.js';

interface HttpishError {
  type?: string;
  status?: number;
  code?: string;
}

/** Maps anything thrown to the error envelope; unknown errors are logged and hidden. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = (error ?? {}) as HttpishError;
  if (e.type === 'entity.parse.failed') return new AppError('bad_request', 'Malformed JSON body');
  if (e.type === 'entity.too.large') return new AppError('payload_too_large', 'Request body is too large');
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') {
    return new AppError('unsupported_media_type', 'Unsupported body encoding');
  }
  // A unique constraint lost a race with a concurrent request: report it as the conflict it is.
  if (e.code === '23505') return AppError.conflict('This record already exists');
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) return new AppError('bad_request', 'Bad request');
  return new AppError('internal', 'Something went wrong on our side');
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const appError = toAppError(error);
    const log = (req as { log?: Logger }).log ?? logger;
    if (appError.status >= 500) log.error({ err: error }, 'request failed');
    if (appError.retryAfterSeconds !== undefined) res.set('Retry-After', String(appError.retryAfterSeconds));
    res.status(appError.status).json({ error: appError.toBody() });
  };
}
