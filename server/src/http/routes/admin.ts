import { AppError, pageOf, ZAuditEntrySchema, ZAuditListQuerySchema, ZPageQuerySchema, ZUserSummarySchema } from '@yunpin/shared';
import { defineRoute, type AnyRoute } from '../route.js';
import { listAudit, toAuditEntry } from '../../db/repositories/audit.js';
import { listUsers, toUserSummary } from '../../db/repositories/users.js';
import { policy } from '../../policy.js';

export function adminRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/audit',
      summary: 'The append-only audit log, newest first',
      tag: 'admin',
      auth: 'user',
      query: ZAuditListQuerySchema,
      response: pageOf(ZAuditEntrySchema),
      handler: async ({ ctx, actor, query }) => {
        if (!policy.canReadAudit(actor)) throw AppError.notFound('Route');
        const page = await listAudit(ctx.db, query);
        return { ...page, items: page.items.map(toAuditEntry) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/users',
      summary: 'All accounts',
      tag: 'admin',
      auth: 'user',
      query: ZPageQuerySchema,
      response: pageOf(ZUserSummarySchema),
      handler: async ({ ctx, actor, query }) => {
        if (!policy.canListUsers(actor)) throw AppError.notFound('Route');
        const page = await listUsers(ctx.db, query);
        return { ...page, items: page.items.map(toUserSummary) };
      },
    }),
  ];
}
