import type { TFair, TFairListQuery, TPage, TSessionUser } from '@yunpin/shared';
import type { AppContext } from '../../context.js';
import { listFairs as listRows } from '../../db/repositories/fairs.js';
import { policy } from '../../policy.js';
import { presentFairs } from './get-fair.js';

/** Browses fairs by start time; drafts appear only to those who may manage them. */
export async function listFairs(ctx: AppContext, actor: TSessionUser | undefined, query: TFairListQuery): Promise<TPage<TFair>> {
  const page = await listRows(ctx.db, query, policy.draftFairScope(actor));
  return { ...page, items: await presentFairs(ctx, actor, page.items) };
}
