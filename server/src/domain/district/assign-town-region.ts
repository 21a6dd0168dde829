import { AppError, type TSessionUser, type TTown } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import { findRegion, findTown, setTownRegion, toTown } from '../../db/repositories/geography.js';
import { appendAudit } from '../../db/repositories/audit.js';
import { policy } from '../../policy.js';

export interface AssignTownRegionOptions {
  actor: TSessionUser;
  townId: string;
  regionId: string;
  meta: RequestMeta;
}

/** Moves a town into another of the five regions; the development zone stays paired with all. */
export async function assignTownRegion(ctx: AppContext, { actor, townId, regionId, meta }: AssignTownRegionOptions): Promise<TTown> {
  if (!policy.canEditRegions(actor)) throw AppError.forbidden('Only district organisers may change regions');
  const town = await findTown(ctx.db, townId);
  if (!town) throw AppError.notFound('Town');
  if (town.is_dev_zone) throw AppError.conflict('The development zone is paired with every region and belongs to none');
  if (!(await findRegion(ctx.db, regionId))) {
    throw new AppError('validation_failed', 'Unknown region', { details: [{ path: 'regionId', message: 'Unknown region' }] });
  }
  await ctx.db.transaction().execute(async (trx) => {
    await setTownRegion(trx, townId, regionId);
    await appendAudit(trx, { actorId: actor.id, action: 'town.region_assigned', entityType: 'town', entityId: townId, detail: { from: town.region_id, to: regionId }, ip: meta.ip });
  });
  return toTown({ ...town, region_id: regionId });
}
