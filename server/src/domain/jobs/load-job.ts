import { AppError, type TSessionUser } from '@yunpin/shared';
import type { AppContext } from '../../context.js';
import { findJobView, type JobView } from '../../db/repositories/jobs.js';
import { policy } from '../../policy.js';

/** A job the actor may read, or not_found (also when it exists but is not theirs to see). */
export async function loadReadableJob(ctx: AppContext, actor: TSessionUser | undefined, id: string): Promise<JobView> {
  const job = await findJobView(ctx.db, id);
  if (!job || !policy.canReadJob(actor, job)) throw AppError.notFound('Job');
  return job;
}

/** A job of the actor's own employer. */
export async function loadManagedJob(ctx: AppContext, actor: TSessionUser, id: string): Promise<JobView> {
  const job = await loadReadableJob(ctx, actor, id);
  if (!policy.canManageJob(actor, job)) throw AppError.forbidden("Only the employer's recruiters may change this job");
  return job;
}

/** Today's date in Asia/Shanghai, the district's calendar. */
export function districtToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
