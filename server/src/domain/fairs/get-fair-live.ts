import { AppError, type TFairLive, type TSessionUser } from '@yunpin/shared';
import type { AppContext } from '../../context.js';
import { policy } from '../../policy.js';
import { loadReadableFair } from './get-fair.js';

export interface GetFairLiveOptions {
  actor: TSessionUser;
  fairId: string;
  /** Reads the live figures (queues in Redis, visitors across nodes) from the live layer. */
  readLive: (fairId: string) => Promise<TFairLive>;
}

/** The organisers' live view of a fair: visitors, queue lengths and conversations per booth. */
export async function getFairLive(ctx: AppContext, { actor, fairId, readLive }: GetFairLiveOptions): Promise<TFairLive> {
  const { fair, hosts } = await loadReadableFair(ctx, actor, fairId);
  if (!policy.canViewFairLive(actor, fair, hosts.townIds, hosts.regionIds)) throw AppError.notFound('Fair');
  return readLive(fair.id);
}
