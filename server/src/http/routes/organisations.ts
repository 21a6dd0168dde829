import { pageOf, ZIdParamsSchema, ZOrganisationListQuerySchema, ZOrganisationSchema, ZVerifyOrganisationSchema } from '@yunpin/shared';
import { defineRoute, type AnyRoute } from '../route.js';
import { listOrganisations } from '../../domain/organisations/list-organisations.js';
import { getOrganisation } from '../../domain/organisations/get-organisation.js';
import { verifyOrganisation } from '../../domain/organisations/verify-organisation.js';

export function organisationRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/organisations',
      summary: 'Employers in the towns the caller serves',
      tag: 'organisations',
      auth: 'user',
      query: ZOrganisationListQuerySchema,
      response: pageOf(ZOrganisationSchema),
      handler: ({ ctx, actor, query }) => listOrganisations(ctx, actor, query),
    }),
    defineRoute({
      method: 'get',
      path: '/organisations/:id',
      summary: 'One employer',
      tag: 'organisations',
      auth: 'user',
      params: ZIdParamsSchema,
      response: ZOrganisationSchema,
      handler: ({ ctx, actor, params }) => getOrganisation(ctx, actor, params.id),
    }),
    defineRoute({
      method: 'patch',
      path: '/organisations/:id/verification',
      summary: 'Verify or unverify an employer',
      tag: 'organisations',
      auth: 'user',
      params: ZIdParamsSchema,
      body: ZVerifyOrganisationSchema,
      response: ZOrganisationSchema,
      handler: ({ ctx, actor, params, body, meta }) => verifyOrganisation(ctx, { actor, id: params.id, isVerified: body.isVerified, meta }),
    }),
  ];
}
