import { sql } from 'kysely';
import type { AppContext } from '../../context.js';
import { enqueueScreening } from './screening-input.js';

const LIMIT = 10_000;

/**
 * Re-queues work that was accepted but whose job may never have reached Redis (a crash between the
 * database write and the enqueue, or a Redis without persistence that restarted): resumes still
 * parsing, and open applications not yet scored against their job's current requirements.
 * Job ids are deterministic, so work already queued is not queued twice.
 */
export async function requeuePendingWork(ctx: AppContext): Promise<{ resumes: number; screenings: number }> {
  const parsing = await ctx.db.selectFrom('resumes').select(['id', 'sha256', 'kind']).where('status', '=', 'parsing').limit(LIMIT).execute();
  for (const r of parsing) await ctx.jobs.enqueueParseResume({ resumeId: r.id, sha256: r.sha256, kind: r.kind });
  const unscreened = await ctx.db
    .selectFrom('applications as a')
    .innerJoin('jobs as j', 'j.id', 'a.job_id')
    .innerJoin('resumes as r', 'r.id', 'a.resume_id')
    .selectAll('a')
    .where('a.status', 'not in', ['withdrawn', 'hired', 'rejected'])
    .where('r.status', 'in', ['parsed', 'confirmed'])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('screenings as s')
            .select(sql`1`.as('one'))
            .whereRef('s.application_id', '=', 'a.id')
            .whereRef('s.requirements_version', '=', 'j.requirements_version')
            .whereRef('s.resume_id', '=', 'a.resume_id')
            .whereRef('s.resume_revision', '=', 'r.revision'),
        ),
      ),
    )
    .limit(LIMIT)
    .execute();
  const screenings = await enqueueScreening(ctx, unscreened);
  return { resumes: parsing.length, screenings };
}
