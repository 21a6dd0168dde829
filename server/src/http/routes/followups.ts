import { z } from 'zod';
import { ZConfirmFollowUpSchema, ZCsvTableSchema, ZFollowUpDetailSchema, ZFollowUpListQuerySchema, ZFollowUpSchema, ZIdParamsSchema } from '@yunpin/shared';
import { defineRoute, type AnyRoute } from '../route.js';
import { exportFollowUps, getFollowUp, listFollowUps } from '../../domain/followups/list-followups.js';
import { confirmFollowUp } from '../../domain/followups/confirm-followup.js';

export function followUpRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/followups',
      summary: 'Follow-up tasks after placements (office: its towns; employers and graduates: their own)',
      tag: 'followups',
      auth: 'user',
      query: ZFollowUpListQuerySchema,
      response: z.object({ items: z.array(ZFollowUpSchema) }),
      handler: async ({ ctx, actor, query }) => ({ items: await listFollowUps(ctx, actor, query) }),
    }),
    defineRoute({
      method: 'get',
      path: '/followups.csv',
      summary: 'Export the follow-up tasks the caller may see',
      tag: 'followups',
      auth: 'user',
      query: ZFollowUpListQuerySchema,
      response: ZCsvTableSchema,
      produces: 'text/csv',
      handler: ({ ctx, actor, query }) => exportFollowUps(ctx, actor, query),
    }),
    defineRoute({
      method: 'get',
      path: '/followups/:id',
      summary: 'One follow-up task with the graduate’s placement history',
      tag: 'followups',
      auth: 'user',
      params: ZIdParamsSchema,
      response: ZFollowUpDetailSchema,
      handler: ({ ctx, actor, params }) => getFollowUp(ctx, actor, params.id),
    }),
    defineRoute({
      method: 'post',
      path: '/followups/:id/confirm',
      summary: 'The graduate or the employer answers a follow-up; differing answers are flagged, a new job is recorded',
      tag: 'followups',
      auth: 'user',
      params: ZIdParamsSchema,
      body: ZConfirmFollowUpSchema,
      response: ZFollowUpDetailSchema,
      handler: ({ ctx, actor, params, body, meta }) => confirmFollowUp(ctx, { actor, id: params.id, input: body, meta }),
    }),
  ];
}
