import type { TJob, TSessionUser } from '@yunpin/shared';
import type { AppContext } from '../../context.js';
import { countApplications, toJob } from '../../db/repositories/jobs.js';
import { policy } from '../../policy.js';
import { loadReadableJob } from './load-job.js';

export async function getJob(ctx: AppContext, actor: TSessionUser | undefined, id: string): Promise<TJob> {
  const job = await loadReadableJob(ctx, actor, id);
  const insider = actor !== undefined && (policy.canManageJob(actor, job) || policy.canReviewJob(actor, job));
  return toJob(job, insider ? ((await countApplications(ctx.db, [id])).get(id) ?? 0) : undefined);
}
