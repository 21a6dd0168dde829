import { z } from 'zod';
import {
  AppError,
  pageOf,
  ZApplyBoothSchema,
  ZBoothSchema,
  ZCreateFairSchema,
  ZCsvTableSchema,
  ZFairListQuerySchema,
  ZFairLiveSchema,
  ZFairSchema,
  ZFairStatusChangeSchema,
  ZIdParamsSchema,
  ZUpdateFairSchema,
} from '@yunpin/shared';
import { defineRoute, type AnyRoute } from '../route.js';
import type { HttpOptions } from '../http-options.js';
import { getFairLive } from '../../domain/fairs/get-fair-live.js';
import { listFairs } from '../../domain/fairs/list-fairs.js';
import { getFair } from '../../domain/fairs/get-fair.js';
import { createFair } from '../../domain/fairs/create-fair.js';
import { updateFair } from '../../domain/fairs/update-fair.js';
import { changeFairStatus } from '../../domain/fairs/change-fair-status.js';
import { registerForFair } from '../../domain/fairs/register-for-fair.js';
import { cancelFairRegistration } from '../../domain/fairs/cancel-fair-registration.js';
import { listFairBooths } from '../../domain/fairs/list-fair-booths.js';
import { applyForBooth } from '../../domain/fairs/apply-for-booth.js';
import { exportFairRegistrations } from '../../domain/fairs/export-fair-registrations.js';
import { exportFairBooths } from '../../domain/fairs/export-fair-booths.js';

export function fairRoutes(options: HttpOptions): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/fairs',
      summary: 'Browse job fairs by level, place, time and industry',
      tag: 'fairs',
      auth: 'public',
      query: ZFairListQuerySchema,
      response: pageOf(ZFairSchema),
      handler: ({ ctx, actor, query }) => listFairs(ctx, actor, query),
    }),
    defineRoute({
      method: 'post',
      path: '/fairs',
      summary: 'Create a fair (as a draft)',
      tag: 'fairs',
      auth: 'user',
      body: ZCreateFairSchema,
      response: ZFairSchema,
      status: 201,
      handler: ({ ctx, actor, body, meta }) => createFair(ctx, { actor, input: body, meta }),
    }),
    defineRoute({
      method: 'get',
      path: '/fairs/:id',
      summary: 'One fair with its figures',
      tag: 'fairs',
      auth: 'public',
      params: ZIdParamsSchema,
      response: ZFairSchema,
      handler: ({ ctx, actor, params }) => getFair(ctx, actor, params.id),
    }),
    defineRoute({
      method: 'patch',
      path: '/fairs/:id',
      summary: 'Edit a draft or published fair',
      tag: 'fairs',
      auth: 'user',
      params: ZIdParamsSchema,
      body: ZUpdateFairSchema,
      response: ZFairSchema,
      handler: ({ ctx, actor, params, body, meta }) => updateFair(ctx, { actor, id: params.id, input: body, meta }),
    }),
    defineRoute({
      method: 'post',
      path: '/fairs/:id/status',
      summary: 'Move a fair forward: draft → published → live → ended',
      tag: 'fairs',
      auth: 'user',
      params: ZIdParamsSchema,
      body: ZFairStatusChangeSchema,
      response: ZFairSchema,
      handler: ({ ctx, actor, params, body, meta }) => changeFairStatus(ctx, { actor, id: params.id, status: body.status, meta }),
    }),
    defineRoute({
      method: 'post',
      path: '/fairs/:id/registration',
      summary: 'Register for a fair (graduates; repeating it changes nothing)',
      tag: 'fairs',
      auth: 'user',
      params: ZIdParamsSchema,
      response: ZFairSchema,
      status: 201,
      handler: ({ ctx, actor, params, meta }) => registerForFair(ctx, { actor, fairId: params.id, meta }),
    }),
    defineRoute({
      method: 'delete',
      path: '/fairs/:id/registration',
      summary: 'Cancel one’s registration for a fair',
      tag: 'fairs',
      auth: 'user',
      params: ZIdParamsSchema,
      status: 204,
      handler: ({ ctx, actor, params, meta }) => cancelFairRegistration(ctx, { actor, fairId: params.id, meta }),
    }),
    defineRoute({
      method: 'get',
      path: '/fairs/:id/booths',
      summary: "A fair's booths: approved ones for everyone, applications for organisers and their employer",
      tag: 'booths',
      auth: 'public',
      params: ZIdParamsSchema,
      response: z.object({ items: z.array(ZBoothSchema) }),
      handler: ({ ctx, actor, params }) => listFairBooths(ctx, actor, params.id),
    }),
    defineRoute({
      method: 'post',
      path: '/fairs/:id/booths',
      summary: "Apply for the employer's booth at a fair",
      tag: 'booths',
      auth: 'user',
      params: ZIdParamsSchema,
      body: ZApplyBoothSchema,
      response: ZBoothSchema,
      status: 201,
      handler: ({ ctx, actor, params, body, meta }) => applyForBooth(ctx, { actor, fairId: params.id, input: body, meta }),
    }),
    defineRoute({
      method: 'get',
      path: '/fairs/:id/live',
      summary: 'Live figures of a fair for its organisers: visitors, queues and conversations per booth',
      tag: 'fairs',
      auth: 'user',
      params: ZIdParamsSchema,
      response: ZFairLiveSchema,
      handler: ({ ctx, actor, params }) => {
        const live = options.live;
        if (!live) throw new AppError('unavailable', 'Live figures are not available on this node');
        return getFairLive(ctx, { actor, fairId: params.id, readLive: (id) => live.fairLive(id) });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/fairs/:id/registrations.csv',
      summary: "Export a fair's registrations (CSV, UTF-8 with BOM)",
      tag: 'fairs',
      auth: 'user',
      params: ZIdParamsSchema,
      response: ZCsvTableSchema,
      produces: 'text/csv',
      handler: ({ ctx, actor, params }) => exportFairRegistrations(ctx, { actor, fairId: params.id }),
    }),
    defineRoute({
      method: 'get',
      path: '/fairs/:id/booths.csv',
      summary: "Export a fair's booth applications (CSV, UTF-8 with BOM)",
      tag: 'fairs',
      auth: 'user',
      params: ZIdParamsSchema,
      response: ZCsvTableSchema,
      produces: 'text/csv',
      handler: ({ ctx, actor, params }) => exportFairBooths(ctx, { actor, fairId: params.id }),
    }),
  ];
}
