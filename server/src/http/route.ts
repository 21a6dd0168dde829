import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import { AppError, type TCsvTable, type TPdfFile, type TSessionUser, type TSpreadsheetFile } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../context.js';
import type { ResolvedSession } from '../domain/auth/resolve-session.js';
import { sendCsv, sendPdf, sendXlsx } from './csv.js';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface HandlerInput<P, Q, B, A> {
  params: P;
  query: Q;
  body: B;
  actor: A;
  session: A extends TSessionUser ? ResolvedSession : ResolvedSession | undefined;
  meta: RequestMeta;
  ctx: AppContext;
  req: Request;
  res: Response;
}

/** One API operation: its schemas (validation and OpenAPI both come from them), access and handler. */
export interface RouteSpec<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined, R extends Schema | undefined, Auth extends 'public' | 'user'> {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  auth: Auth;
  params?: P;
  query?: Q;
  body?: B;
  response?: R;
  /** Status on success; 204 sends no body. */
  status?: number;
  /**
   * What a success sends: JSON (the default), CSV built from a `ZCsvTableSchema` result, or a PDF
   * from a `ZPdfFileSchema` result (shown inline, with a file name for saving), or an xlsx download from a
   * `ZSpreadsheetFileSchema` result.
   */
  produces?: 'application/json' | 'text/csv' | 'application/pdf' | 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  handler: (input: HandlerInput<Out<P>, Out<Q>, Out<B>, Auth extends 'user' ? TSessionUser : TSessionUser | undefined>) =>
    Promise<R extends z.ZodType ? z.input<R> : void>;
}

export type AnyRoute = RouteSpec<Schema | undefined, Schema | undefined, Schema | undefined, Schema | undefined, 'public' | 'user'>;

export function defineRoute<P extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, B extends Schema | undefined = undefined, R extends Schema | undefined = undefined, Auth extends 'public' | 'user' = 'user'>(
  spec: RouteSpec<P, Q, B, R, Auth>,
): AnyRoute {
  return spec as unknown as AnyRoute;
}

/** Zod issues as `{ path, message }` pairs, the `details` of a validation_failed error. */
export function issueDetails(error: z.ZodError, prefix: string): { path: string; message: string }[] {
  return error.issues.map((issue) => {
    const extra = issue.code === 'unrecognized_keys' ? issue.keys : [''];
    return extra.map((key) => ({
      path: [prefix, ...issue.path.map(String), ...(key ? [key] : [])].join('.'),
      message: issue.message,
    }));
  }).flat();
}

function parsePart(schema: Schema | undefined, value: unknown, part: string): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? (part === 'body' ? undefined : {}));
  if (!result.success) {
    throw new AppError('validation_failed', `Invalid request ${part}`, { details: issueDetails(result.error, part) });
  }
  return result.data;
}

export function requestMeta(req: Request): RequestMeta {
  return { ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null };
}

/** Turns a route spec into an Express handler: parse every part, require a session, call, send. */
export function toHandler(route: AnyRoute, ctx: AppContext): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const session = res.locals.session as ResolvedSession | undefined;
      if (route.auth === 'user' && !session) throw AppError.unauthenticated();
      if (route.body && req.body === undefined && Number(req.get('content-length') ?? 0) > 0) {
        throw new AppError('unsupported_media_type', 'Send the body as application/json');
      }
      const input = {
        params: parsePart(route.params, req.params, 'params'),
        query: parsePart(route.query, req.query, 'query'),
        body: parsePart(route.body, req.body, 'body'),
        actor: session?.user,
        session,
        meta: requestMeta(req),
        ctx,
        req,
        res,
      };
      const result = await (route.handler as (i: typeof input) => Promise<unknown>)(input);
      // A handler may answer with another success status (e.g. 200 instead of 201 for a repeat).
      const status = (res.locals.status as number | undefined) ?? route.status ?? 200;
      if (status === 204 || result === undefined) res.status(204).end();
      else if (route.produces === 'text/csv') sendCsv(res, status, result as TCsvTable);
      else if (route.produces === 'application/pdf') sendPdf(res, status, result as TPdfFile);
      else if (route.produces === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') sendXlsx(res, status, result as TSpreadsheetFile);
      else res.status(status).json(result);
    } catch (error) {
      next(error);
    }
  };
}
