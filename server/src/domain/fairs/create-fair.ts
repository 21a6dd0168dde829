import { randomUUID } from 'node:crypto';
import { AppError, type TCreateFair, type TFair, type TFairHosts, type TSessionUser } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import { findFair, insertFair, type FairHosts } from '../../db/repositories/fairs.js';
import { existingRegionIds, existingTownIds } from '../../db/repositories/geography.js';
import { appendAudit } from '../../db/repositories/audit.js';
import { policy } from '../../policy.js';
import { presentFair } from './get-fair.js';

export interface CreateFairOptions {
  actor: TSessionUser;
  input: TCreateFair;
  meta: RequestMeta;
}

/** Checks that every co-host exists (the development zone is a town), dropping repeats. */
export async function validateFairHosts(ctx: AppContext, hosts: TFairHosts): Promise<FairHosts> {
  const townIds = [...new Set(hosts.townIds)];
  const regionIds = [...new Set(hosts.regionIds)];
  const [towns, regions] = await Promise.all([existingTownIds(ctx.db, townIds), existingRegionIds(ctx.db, regionIds)]);
  const details = [
    ...hosts.townIds.flatMap((id, i) => (towns.has(id) ? [] : [{ path: `hosts.townIds.${i}`, message: 'Unknown town' }])),
    ...hosts.regionIds.flatMap((id, i) => (regions.has(id) ? [] : [{ path: `hosts.regionIds.${i}`, message: 'Unknown region' }])),
  ];
  if (details.length) throw new AppError('validation_failed', 'Unknown co-host', { details });
  return { townIds, regionIds };
}

/** An organiser (within their scope) or an admin creates a fair as a draft. */
export async function createFair(ctx: AppContext, { actor, input, meta }: CreateFairOptions): Promise<TFair> {
  const hosts = await validateFairHosts(ctx, input.hosts);
  if (!policy.canCreateFair(actor, hosts.townIds, hosts.regionIds)) {
    throw AppError.forbidden(actor.role === 'organiser' ? 'A regional organiser may only create fairs hosted within their region' : 'Only organisers may create fairs');
  }
  const id = randomUUID();
  await ctx.db.transaction().execute(async (trx) => {
    await insertFair(
      trx,
      {
        id,
        title: input.title,
        description: input.description,
        level: input.level,
        starts_at: new Date(input.startsAt),
        ends_at: new Date(input.endsAt),
        capacity: input.capacity,
        priority_lanes: [...new Set(input.priorityLanes)],
        call_timeout_seconds: input.callTimeoutSeconds,
        created_by: actor.id,
      },
      hosts,
    );
    await appendAudit(trx, { actorId: actor.id, action: 'fair.created', entityType: 'fair', entityId: id, detail: { title: input.title, level: input.level, hosts }, ip: meta.ip });
  });
  const row = await findFair(ctx.db, id);
  if (!row) throw AppError.notFound('Fair');
  return presentFair(ctx, actor, row);
}
