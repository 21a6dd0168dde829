import { AppError, type TFair, type TSessionUser } from '@yunpin/shared';
import type { AppContext } from '../../context.js';
import type { FairRow } from '../../db/schema.js';
import { figuresOfFairs, findFair, findFairHosts, toFair, type FairHosts } from '../../db/repositories/fairs.js';
import { policy } from '../../policy.js';

export interface LoadedFair {
  fair: FairRow;
  hosts: FairHosts;
}

/** Loads a fair the caller may see, or throws not_found (drafts look missing to everyone who may not manage them). */
export async function loadReadableFair(ctx: AppContext, actor: TSessionUser | undefined, id: string): Promise<LoadedFair> {
  const fair = await findFair(ctx.db, id);
  if (!fair) throw AppError.notFound('Fair');
  const hosts = await findFairHosts(ctx.db, id);
  if (!policy.canReadFair(actor, fair, hosts.townIds, hosts.regionIds)) throw AppError.notFound('Fair');
  return { fair, hosts };
}

/** Loads a fair the actor manages: 404 when they cannot see it, 403 when they can see but not manage it. */
export async function loadManageableFair(ctx: AppContext, actor: TSessionUser, id: string): Promise<LoadedFair> {
  const loaded = await loadReadableFair(ctx, actor, id);
  if (!policy.canManageFair(actor, loaded.fair, loaded.hosts.townIds, loaded.hosts.regionIds)) {
    throw AppError.forbidden('Only the organisers of this fair may change it');
  }
  return loaded;
}

/** Fairs in their API shape, with counts, industries and whether the caller is registered. */
export async function presentFairs(ctx: AppContext, actor: TSessionUser | undefined, rows: FairRow[]): Promise<TFair[]> {
  const figures = await figuresOfFairs(ctx.db, rows.map((r) => r.id), actor?.id ?? null);
  return rows.map((row) => {
    const f = figures.get(row.id);
    if (!f) throw new Error(`figures missing for fair ${row.id}`);
    return toFair(row, f);
  });
}

export async function presentFair(ctx: AppContext, actor: TSessionUser | undefined, row: FairRow): Promise<TFair> {
  const [fair] = await presentFairs(ctx, actor, [row]);
  if (!fair) throw AppError.notFound('Fair');
  return fair;
}

export async function getFair(ctx: AppContext, actor: TSessionUser | undefined, id: string): Promise<TFair> {
  const { fair } = await loadReadableFair(ctx, actor, id);
  return presentFair(ctx, actor, fair);
}
