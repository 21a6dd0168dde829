import { ZBalanceSchema, ZCsvTableSchema, ZDashboardSchema, ZGoalListItemSchema, ZGoalListQuerySchema, ZGoalParamsSchema } from '@yunpin/shared';
import { z } from 'zod';
import { defineRoute, type AnyRoute } from '../route.js';
import { exportGoal, getBalance, getDashboard, listGoal } from '../../domain/dashboard/dashboard.js';

export function dashboardRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/dashboard/goals',
      summary: 'The four 100% goals for the district (or the viewer’s region or towns), each region and each town',
      tag: 'dashboard',
      auth: 'user',
      response: ZDashboardSchema,
      handler: ({ ctx, actor }) => getDashboard(ctx, actor),
    }),
    defineRoute({
      method: 'get',
      path: '/dashboard/goals/:goal/graduates',
      summary: 'The list behind a goal’s number: files (or approved claims) done or pending, by town, region and group',
      tag: 'dashboard',
      auth: 'user',
      params: ZGoalParamsSchema,
      query: ZGoalListQuerySchema,
      response: z.object({ items: z.array(ZGoalListItemSchema) }),
      handler: async ({ ctx, actor, params, query, meta }) => ({ items: await listGoal(ctx, actor, params.goal, query, meta) }),
    }),
    defineRoute({
      method: 'get',
      path: '/dashboard/goals/:goal/graduates.csv',
      summary: 'Export the list behind a goal’s number (CSV)',
      tag: 'dashboard',
      auth: 'user',
      params: ZGoalParamsSchema,
      query: ZGoalListQuerySchema,
      response: ZCsvTableSchema,
      produces: 'text/csv',
      handler: ({ ctx, actor, params, query, meta }) => exportGoal(ctx, actor, params.goal, query, meta),
    }),
    defineRoute({
      method: 'get',
      path: '/dashboard/balance',
      summary: 'The "1+5" view: open jobs against graduates looking for work, per town and region',
      tag: 'dashboard',
      auth: 'user',
      response: ZBalanceSchema,
      handler: ({ ctx, actor }) => getBalance(ctx, actor),
    }),
  ];
}
