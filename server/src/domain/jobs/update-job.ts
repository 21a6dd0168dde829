import { AppError, type TJob, type TSessionUser, type TUpdateJob } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import { countApplications, findJobView, toJob, updateJob as writeJob } from '../../db/repositories/jobs.js';
import { openApplications } from '../../db/repositories/applications.js';
import { appendAudit } from '../../db/repositories/audit.js';
import { enqueueScreening } from '../applications/screening-input.js';
import { jobSearchTokens } from './job-search-text.js';
import { loadManagedJob } from './load-job.js';
import { requireTown } from './create-job.js';

/**
 * The employer edits a job that is not closed. A change to what screening scores against (title,
 * description, requirements) bumps the requirements version and re-screens every open application;
 * for an unverified employer it also sends a published job back to review.
 */
export async function updateJob(ctx: AppContext, { actor, id, input, meta }: { actor: TSessionUser; id: string; input: TUpdateJob; meta: RequestMeta }): Promise<TJob> {
  const job = await loadManagedJob(ctx, actor, id);
  if (job.status === 'closed') throw AppError.conflict('This job is closed');
  const salaryMin = input.salaryMin ?? job.salary_min;
  const salaryMax = input.salaryMax ?? job.salary_max;
  if (salaryMax < salaryMin) throw new AppError('validation_failed', 'salaryMax must not be below salaryMin', { details: [{ path: 'body.salaryMax', message: 'below salaryMin' }] });
  const town = input.townId ? await requireTown(ctx, input.townId) : { name: job.town_name };
  const scoredChanged =
    (input.title !== undefined && input.title !== job.title) ||
    (input.description !== undefined && input.description !== job.description) ||
    (input.requirements !== undefined && JSON.stringify(input.requirements) !== JSON.stringify(job.requirements));
  const next = {
    title: input.title ?? job.title,
    description: input.description ?? job.description,
    requirements: input.requirements ?? job.requirements,
  };
  const backToReview = scoredChanged && job.status === 'published' && !job.employer_verified;
  await ctx.db.transaction().execute(async (trx) => {
    await writeJob(trx, id, {
      ...next,
      bumpRequirementsVersion: scoredChanged,
      town_id: input.townId ?? job.town_id,
      salary_min: salaryMin,
      salary_max: salaryMax,
      headcount: input.headcount ?? job.headcount,
      deadline: input.deadline ?? job.deadline,
      search_tokens: jobSearchTokens({ ...next, organisationName: job.organisation_name, townName: town.name }),
      ...(backToReview ? { status: 'review' as const, review_note: null } : {}),
    });
    await appendAudit(trx, { actorId: actor.id, action: 'job.updated', entityType: 'job', entityId: id, detail: { fields: Object.keys(input), rescreen: scoredChanged, backToReview }, ip: meta.ip });
  });
  if (scoredChanged) await enqueueScreening(ctx, await openApplications(ctx.db, { jobId: id }));
  const row = await findJobView(ctx.db, id);
  if (!row) throw AppError.notFound('Job');
  return toJob(row, (await countApplications(ctx.db, [id])).get(id) ?? 0);
}
