import {
  ZCreateSubsidyClaimSchema,
  ZCsvTableSchema,
  ZDecideSubsidyClaimSchema,
  ZIdParamsSchema,
  ZPaySubsidyClaimSchema,
  ZSubsidyClaimSchema,
  ZSubsidyListQuerySchema,
  ZSubsidyListSchema,
  ZSubsidyPaidRateSchema,
} from '@yunpin/shared';
import { defineRoute, type AnyRoute } from '../route.js';
import { exportClaims, getClaim, listClaims } from '../../domain/subsidies/list-claims.js';
import { createClaim } from '../../domain/subsidies/create-claim.js';
import { checkClaim } from '../../domain/subsidies/check-claim.js';
import { decideClaim } from '../../domain/subsidies/decide-claim.js';
import { payClaim } from '../../domain/subsidies/pay-claim.js';
import { subsidyPaidRate } from '../../domain/subsidies/paid-rate.js';

export function subsidyRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/subsidies/claims',
      summary: 'Subsidy claims the caller may see (office: its towns; employers and graduates: their own), with the ageing count',
      tag: 'subsidies',
      auth: 'user',
      query: ZSubsidyListQuerySchema,
      response: ZSubsidyListSchema,
      handler: ({ ctx, actor, query }) => listClaims(ctx, actor, query),
    }),
    defineRoute({
      method: 'get',
      path: '/subsidies/claims.csv',
      summary: 'Export the subsidy claims the caller may see',
      tag: 'subsidies',
      auth: 'user',
      query: ZSubsidyListQuerySchema,
      response: ZCsvTableSchema,
      produces: 'text/csv',
      handler: ({ ctx, actor, query }) => exportClaims(ctx, actor, query),
    }),
    defineRoute({
      method: 'post',
      path: '/subsidies/claims',
      summary: 'Claim a subsidy (hiring: from a countersigned offer; job search; internship); a duplicate is 409',
      tag: 'subsidies',
      auth: 'user',
      body: ZCreateSubsidyClaimSchema,
      response: ZSubsidyClaimSchema,
      status: 201,
      handler: ({ ctx, actor, body, meta }) => createClaim(ctx, { actor, input: body, meta }),
    }),
    defineRoute({
      method: 'get',
      path: '/subsidies/claims/:id',
      summary: 'One subsidy claim',
      tag: 'subsidies',
      auth: 'user',
      params: ZIdParamsSchema,
      response: ZSubsidyClaimSchema,
      handler: ({ ctx, actor, params }) => getClaim(ctx, actor, params.id),
    }),
    defineRoute({
      method: 'post',
      path: '/subsidies/claims/:id/check',
      summary: 'Check a claim’s eligibility (office)',
      tag: 'subsidies',
      auth: 'user',
      params: ZIdParamsSchema,
      response: ZSubsidyClaimSchema,
      handler: ({ ctx, actor, params, meta }) => checkClaim(ctx, { actor, id: params.id, meta }),
    }),
    defineRoute({
      method: 'post',
      path: '/subsidies/claims/:id/decision',
      summary: 'Approve an eligible claim or reject one with a reason (office)',
      tag: 'subsidies',
      auth: 'user',
      params: ZIdParamsSchema,
      body: ZDecideSubsidyClaimSchema,
      response: ZSubsidyClaimSchema,
      handler: ({ ctx, actor, params, body, meta }) => decideClaim(ctx, { actor, id: params.id, input: body, meta }),
    }),
    defineRoute({
      method: 'post',
      path: '/subsidies/claims/:id/payment',
      summary: 'Record the payment of an approved claim in the ledger; the same idempotency key records once (office)',
      tag: 'subsidies',
      auth: 'user',
      params: ZIdParamsSchema,
      body: ZPaySubsidyClaimSchema,
      response: ZSubsidyClaimSchema,
      handler: ({ ctx, actor, params, body, meta }) => payClaim(ctx, { actor, id: params.id, input: body, meta }),
    }),
    defineRoute({
      method: 'get',
      path: '/subsidies/paid-rate',
      summary: 'The "100% paid" rate by town: approved claims paid over approved claims',
      tag: 'subsidies',
      auth: 'user',
      response: ZSubsidyPaidRateSchema,
      handler: ({ ctx, actor }) => subsidyPaidRate(ctx, actor),
    }),
  ];
}
