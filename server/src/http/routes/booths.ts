import {
  pageOf,
  ZBoothInboxQuerySchema,
  ZBoothMessageSchema,
  ZBoothSchema,
  ZIdParamsSchema,
  ZLeaveBoothMessageSchema,
  ZPageQuerySchema,
  ZReplyBoothMessageSchema,
  ZReviewBoothSchema,
  ZSentBoothMessageSchema,
  ZSetRepresentativesSchema,
  ZSetRotaSchema,
  ZUpdateBoothSchema,
} from '@yunpin/shared';
import { defineRoute, type AnyRoute } from '../route.js';
import { getBooth } from '../../domain/fairs/get-booth.js';
import { updateBooth } from '../../domain/fairs/update-booth.js';
import { reviewBooth } from '../../domain/fairs/review-booth.js';
import { setBoothRepresentatives } from '../../domain/fairs/set-booth-representatives.js';
import { setBoothRota } from '../../domain/fairs/set-booth-rota.js';
import { leaveBoothMessage } from '../../domain/fairs/leave-booth-message.js';
import { listOrganisationInbox } from '../../domain/fairs/list-organisation-inbox.js';
import { replyBoothMessage } from '../../domain/fairs/reply-booth-message.js';
import { listSentBoothMessages } from '../../domain/fairs/list-sent-booth-messages.js';

export function boothRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/booths/:id',
      summary: 'One booth with representatives, rota and whether someone is on duty',
      tag: 'booths',
      auth: 'public',
      params: ZIdParamsSchema,
      response: ZBoothSchema,
      handler: ({ ctx, actor, params }) => getBooth(ctx, actor, params.id),
    }),
    defineRoute({
      method: 'patch',
      path: '/booths/:id',
      summary: "Edit the employer's booth: profile, jobs, conversation settings",
      tag: 'booths',
      auth: 'user',
      params: ZIdParamsSchema,
      body: ZUpdateBoothSchema,
      response: ZBoothSchema,
      handler: ({ ctx, actor, params, body, meta }) => updateBooth(ctx, { actor, id: params.id, input: body, meta }),
    }),
    defineRoute({
      method: 'put',
      path: '/booths/:id/representatives',
      summary: 'Name who staffs the booth (recruiters and administrators of the employer)',
      tag: 'booths',
      auth: 'user',
      params: ZIdParamsSchema,
      body: ZSetRepresentativesSchema,
      response: ZBoothSchema,
      handler: ({ ctx, actor, params, body, meta }) => setBoothRepresentatives(ctx, { actor, id: params.id, input: body, meta }),
    }),
    defineRoute({
      method: 'put',
      path: '/booths/:id/rota',
      summary: "Replace the booth's duty rota",
      tag: 'booths',
      auth: 'user',
      params: ZIdParamsSchema,
      body: ZSetRotaSchema,
      response: ZBoothSchema,
      handler: ({ ctx, actor, params, body, meta }) => setBoothRota(ctx, { actor, id: params.id, input: body, meta }),
    }),
    defineRoute({
      method: 'post',
      path: '/booths/:id/review',
      summary: 'Approve or reject a booth application',
      tag: 'booths',
      auth: 'user',
      params: ZIdParamsSchema,
      body: ZReviewBoothSchema,
      response: ZBoothSchema,
      handler: ({ ctx, actor, params, body, meta }) => reviewBooth(ctx, { actor, id: params.id, input: body, meta }),
    }),
    defineRoute({
      method: 'post',
      path: '/booths/:id/messages',
      summary: "Leave a message in the employer's 24365 inbox",
      tag: 'inbox',
      auth: 'user',
      params: ZIdParamsSchema,
      body: ZLeaveBoothMessageSchema,
      response: ZBoothMessageSchema,
      status: 201,
      handler: ({ ctx, actor, params, body, meta }) => leaveBoothMessage(ctx, { actor, boothId: params.id, input: body, meta }),
    }),
    defineRoute({
      method: 'get',
      path: '/organisations/:id/inbox',
      summary: "The employer's 24365 inbox, newest first",
      tag: 'inbox',
      auth: 'user',
      params: ZIdParamsSchema,
      query: ZBoothInboxQuerySchema,
      response: pageOf(ZBoothMessageSchema),
      handler: ({ ctx, actor, params, query }) => listOrganisationInbox(ctx, { actor, organisationId: params.id, query }),
    }),
    defineRoute({
      method: 'post',
      path: '/booth-messages/:id/reply',
      summary: 'Answer a message left at a booth',
      tag: 'inbox',
      auth: 'user',
      params: ZIdParamsSchema,
      body: ZReplyBoothMessageSchema,
      response: ZBoothMessageSchema,
      handler: ({ ctx, actor, params, body, meta }) => replyBoothMessage(ctx, { actor, id: params.id, input: body, meta }),
    }),
    defineRoute({
      method: 'get',
      path: '/account/booth-messages',
      summary: 'Messages one has left at booths, with replies',
      tag: 'inbox',
      auth: 'user',
      query: ZPageQuerySchema,
      response: pageOf(ZSentBoothMessageSchema),
      handler: ({ ctx, actor, query }) => listSentBoothMessages(ctx, actor, query),
    }),
  ];
}
