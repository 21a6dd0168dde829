import { pageOf, ZGraduateListQuerySchema, ZGraduateProfileSchema, ZIdParamsSchema, ZUpdateGraduateProfileSchema } from '@yunpin/shared';
import { defineRoute, type AnyRoute } from '../route.js';
import { listGraduates } from '../../domain/graduates/list-graduates.js';
import { getGraduate } from '../../domain/graduates/get-graduate.js';
import { updateGraduate } from '../../domain/graduates/update-graduate.js';

export function graduateRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/graduates',
      summary: 'Graduate files in the towns the caller serves',
      tag: 'graduates',
      auth: 'user',
      query: ZGraduateListQuerySchema,
      response: pageOf(ZGraduateProfileSchema),
      handler: ({ ctx, actor, query, meta }) => listGraduates(ctx, actor, query, meta),
    }),
    defineRoute({
      method: 'get',
      path: '/graduates/:id',
      summary: 'One graduate file',
      tag: 'graduates',
      auth: 'user',
      params: ZIdParamsSchema,
      response: ZGraduateProfileSchema,
      handler: ({ ctx, actor, params, meta }) => getGraduate(ctx, actor, params.id, meta),
    }),
    defineRoute({
      method: 'patch',
      path: '/graduates/:id',
      summary: 'Update a graduate file',
      tag: 'graduates',
      auth: 'user',
      params: ZIdParamsSchema,
      body: ZUpdateGraduateProfileSchema,
      response: ZGraduateProfileSchema,
      handler: ({ ctx, actor, params, body, meta }) => updateGraduate(ctx, { actor, id: params.id, input: body, meta }),
    }),
  ];
}
