import { AppError, type TBooth, type TSessionUser } from '@yunpin/shared';
import type { AppContext } from '../../context.js';
import type { FairRow } from '../../db/schema.js';
import { boothsOnDuty, findBooth, representativesOfBooths, rotaOfBooths, toBooth, type BoothWithOrganisation } from '../../db/repositories/booths.js';
import { findFair, findFairHosts, type FairHosts } from '../../db/repositories/fairs.js';
import { policy } from '../../policy.js';

export interface LoadedBooth {
  booth: BoothWithOrganisation;
  fair: FairRow;
  hosts: FairHosts;
}

/**
 * Loads a booth the caller may see, or throws not_found: approved booths of visible fairs are
 * public; others only for their own employer and the fair's organisers.
 */
export async function loadReadableBooth(ctx: AppContext, actor: TSessionUser | undefined, id: string): Promise<LoadedBooth> {
  const booth = await findBooth(ctx.db, id);
  const fair = booth && (await findFair(ctx.db, booth.fair_id));
  if (!booth || !fair) throw AppError.notFound('Booth');
  const hosts = await findFairHosts(ctx.db, fair.id);
  if (!policy.canReadFair(actor, fair, hosts.townIds, hosts.regionIds) || !policy.canReadBooth(actor, booth, fair, hosts)) {
    throw AppError.notFound('Booth');
  }
  return { booth, fair, hosts };
}

/** Loads a booth its employer administrator may change: 404 when unseen, 403 when seen but not theirs. */
export async function loadEditableBooth(ctx: AppContext, actor: TSessionUser, id: string): Promise<LoadedBooth> {
  const loaded = await loadReadableBooth(ctx, actor, id);
  if (!policy.canEditBooth(actor, loaded.booth)) throw AppError.forbidden("Only the employer's administrator may change its booth");
  if (loaded.fair.status === 'ended') throw AppError.conflict('This fair has ended');
  return loaded;
}

/** Booths in their API shape: representatives, rota, and whether someone is on the rota now. */
export async function presentBooths(ctx: AppContext, booths: BoothWithOrganisation[]): Promise<TBooth[]> {
  const ids = booths.map((b) => b.id);
  const [representatives, rota, onDuty] = await Promise.all([
    representativesOfBooths(ctx.db, ids),
    rotaOfBooths(ctx.db, ids),
    boothsOnDuty(ctx.db, ids, ctx.clock()),
  ]);
  return booths.map((booth) =>
    toBooth(booth, {
      representatives: representatives.get(booth.id) ?? [],
      rota: rota.get(booth.id) ?? [],
      isOnDuty: booth.status === 'approved' && onDuty.has(booth.id),
    }),
  );
}

export async function presentBooth(ctx: AppContext, booth: BoothWithOrganisation): Promise<TBooth> {
  const [presented] = await presentBooths(ctx, [booth]);
  if (!presented) throw AppError.notFound('Booth');
  return presented;
}

/** Reloads a booth after a change and presents it. */
export async function reloadBooth(ctx: AppContext, id: string): Promise<TBooth> {
  const booth = await findBooth(ctx.db, id);
  if (!booth) throw AppError.notFound('Booth');
  return presentBooth(ctx, booth);
}

export async function getBooth(ctx: AppContext, actor: TSessionUser | undefined, id: string): Promise<TBooth> {
  const { booth } = await loadReadableBooth(ctx, actor, id);
  return presentBooth(ctx, booth);
}
