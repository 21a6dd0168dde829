import { z } from 'zod';
import { ZAssignTownRegionSchema, ZIdParamsSchema, ZRegionSchema, ZTownSchema } from '@yunpin/shared';
import { defineRoute, type AnyRoute } from '../route.js';
import { listRegions, listTowns, toRegion, toTown } from '../../db/repositories/geography.js';
import { assignTownRegion } from '../../domain/district/assign-town-region.js';

export function districtRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/regions',
      summary: 'The five regions of the "1+5" model',
      tag: 'district',
      auth: 'public',
      response: z.object({ items: z.array(ZRegionSchema) }),
      handler: async ({ ctx }) => ({ items: (await listRegions(ctx.db)).map(toRegion) }),
    }),
    defineRoute({
      method: 'get',
      path: '/towns',
      summary: 'Towns, subdistricts and the development zone',
      tag: 'district',
      auth: 'public',
      response: z.object({ items: z.array(ZTownSchema) }),
      handler: async ({ ctx }) => ({ items: (await listTowns(ctx.db)).map(toTown) }),
    }),
    defineRoute({
      method: 'patch',
      path: '/towns/:id/region',
      summary: 'Move a town to another region',
      tag: 'district',
      auth: 'user',
      params: ZIdParamsSchema,
      body: ZAssignTownRegionSchema,
      response: ZTownSchema,
      handler: ({ ctx, actor, params, body, meta }) => assignTownRegion(ctx, { actor, townId: params.id, regionId: body.regionId, meta }),
    }),
  ];
}
