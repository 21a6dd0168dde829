import { z } from 'zod';
import { ZChangePasswordSchema, ZNotificationSchema, ZSessionUserSchema, ZUpdateAccountSchema } from '@yunpin/shared';
import { defineRoute, type AnyRoute } from '../route.js';
import { updateAccount } from '../../domain/account/update-account.js';
import { changePassword } from '../../domain/account/change-password.js';
import type { HttpOptions } from '../http-options.js';

export function accountRoutes(options: HttpOptions): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/account',
      summary: 'The logged-in account',
      tag: 'account',
      auth: 'user',
      response: ZSessionUserSchema,
      handler: async ({ actor }) => actor,
    }),
    defineRoute({
      method: 'patch',
      path: '/account',
      summary: 'Change name, phone or email',
      tag: 'account',
      auth: 'user',
      body: ZUpdateAccountSchema,
      response: ZSessionUserSchema,
      handler: ({ ctx, actor, body, meta }) => updateAccount(ctx, { actor, input: body, meta }),
    }),
    defineRoute({
      method: 'post',
      path: '/account/password',
      summary: 'Change password; other sessions end',
      tag: 'account',
      auth: 'user',
      body: ZChangePasswordSchema,
      status: 204,
      handler: ({ ctx, actor, body, session, meta }) =>
        changePassword(ctx, { actor, input: body, currentTokenHash: session.tokenHash, meta }),
    }),
    defineRoute({
      method: 'get',
      path: '/account/notifications',
      summary: 'Messages sent to this account',
      tag: 'account',
      auth: 'user',
      response: z.object({ items: z.array(ZNotificationSchema) }),
      handler: async ({ actor }) => ({ items: await options.listNotifications(actor.id) }),
    }),
  ];
}
