import { randomUUID } from 'node:crypto';
import { AppError, type TCreateJob, type TJob, type TSessionUser } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import { findJobView, insertJob, toJob } from '../../db/repositories/jobs.js';
import { appendAudit } from '../../db/repositories/audit.js';
import { policy } from '../../policy.js';
import { jobSearchTokens } from './job-search-text.js';

export async function requireTown(ctx: AppContext, townId: string): Promise<{ name: string }> {
  const town = await ctx.db.selectFrom('towns').select('name').where('id', '=', townId).executeTakeFirst();
  if (!town) throw new AppError('validation_failed', 'Unknown town', { details: [{ path: 'body.townId', message: 'Unknown town' }] });
  return town;
}

/** A recruiter drafts a job for their own employer. */
export async function createJob(ctx: AppContext, { actor, input, meta }: { actor: TSessionUser; input: TCreateJob; meta: RequestMeta }): Promise<TJob> {
  if (!policy.canPostJob(actor)) throw AppError.forbidden("Only an employer's recruiters may post jobs");
  const organisationId = actor.organisationId!;
  const town = await requireTown(ctx, input.townId);
  const org = await ctx.db.selectFrom('organisations').select('name').where('id', '=', organisationId).executeTakeFirstOrThrow();
  const id = randomUUID();
  await ctx.db.transaction().execute(async (trx) => {
    await insertJob(trx, {
      id,
      organisation_id: organisationId,
      title: input.title,
      description: input.description,
      requirements: input.requirements,
      town_id: input.townId,
      salary_min: input.salaryMin,
      salary_max: input.salaryMax,
      headcount: input.headcount,
      deadline: input.deadline,
      created_by: actor.id,
      search_tokens: jobSearchTokens({ ...input, organisationName: org.name, townName: town.name }),
    });
    await appendAudit(trx, { actorId: actor.id, action: 'job.created', entityType: 'job', entityId: id, detail: { title: input.title }, ip: meta.ip });
  });
  const row = await findJobView(ctx.db, id);
  if (!row) throw AppError.notFound('Job');
  return toJob(row, 0);
}
