import { AppError, type TJob, type TJobAction, type TJobStatus, type TSessionUser } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import { countApplications, findJobView, toJob, updateJob } from '../../db/repositories/jobs.js';
import { appendAudit } from '../../db/repositories/audit.js';
import { policy } from '../../policy.js';
import { loadReadableJob } from './load-job.js';

/**
 * draft → review → published → closed. An employer submits: a verified employer's job is published
 * at once, an unverified one's waits for an organiser, who approves it or returns it with a note.
 * The employer may close a job at any time; a closed job takes no new applications.
 */
export async function changeJobStatus(ctx: AppContext, { actor, id, input, meta }: { actor: TSessionUser; id: string; input: TJobAction; meta: RequestMeta }): Promise<TJob> {
  const job = await loadReadableJob(ctx, actor, id);
  let to: TJobStatus;
  let note: string | null = job.review_note;
  switch (input.action) {
    case 'submit':
      if (!policy.canManageJob(actor, job)) throw AppError.forbidden("Only the employer's recruiters may submit this job");
      if (job.status !== 'draft') throw AppError.conflict(`A ${job.status} job cannot be submitted`);
      to = job.employer_verified ? 'published' : 'review';
      note = null;
      break;
    case 'close':
      if (!policy.canManageJob(actor, job)) throw AppError.forbidden("Only the employer's recruiters may close this job");
      if (job.status === 'closed') throw AppError.conflict('This job is already closed');
      to = 'closed';
      break;
    case 'approve':
    case 'return':
      if (!policy.canReviewJob(actor, job)) throw AppError.forbidden('Only organisers covering the job’s town may review it');
      if (job.status !== 'review') throw AppError.conflict('Only a job in review can be approved or returned');
      to = input.action === 'approve' ? 'published' : 'draft';
      note = input.action === 'return' ? input.note : null;
      break;
  }
  await ctx.db.transaction().execute(async (trx) => {
    await updateJob(trx, id, { status: to, review_note: note, ...(to === 'published' ? { published_at: ctx.clock() } : {}) });
    await appendAudit(trx, { actorId: actor.id, action: `job.${input.action}`, entityType: 'job', entityId: id, detail: { from: job.status, to, note }, ip: meta.ip });
  });
  const row = await findJobView(ctx.db, id);
  if (!row) throw AppError.notFound('Job');
  return toJob(row, policy.canManageJob(actor, row) || policy.canReviewJob(actor, row) ? ((await countApplications(ctx.db, [id])).get(id) ?? 0) : undefined);
}
