import { AppError, rankGraduatesForJob, rankJobsForGraduate, screeningCandidate, type TRecommendedGraduate, type TRecommendedJob, type TSessionUser } from '@yunpin/shared';
import type { AppContext } from '../../context.js';
import { listJobViews } from '../../db/repositories/jobs.js';
import { latestUsableResume, latestUsableResumes } from '../../db/repositories/resumes.js';
import { findGraduate } from '../../db/repositories/graduates.js';
import { policy } from '../../policy.js';
import { districtToday, loadReadableJob } from '../jobs/load-job.js';
import { screeningJob } from '../applications/screening-input.js';

const TOP = 20;
const CANDIDATE_POOL = 2000;

/**
 * Ranked open jobs for a graduate: match score first, then distance between towns, where the
 * development zone counts as near for every town (the "1+5" pairing). The graduate asks for their
 * own; a caseworker for a graduate of their towns.
 */
export async function recommendJobs(ctx: AppContext, actor: TSessionUser, graduateId: string | 'me'): Promise<TRecommendedJob[]> {
  let fileId = graduateId;
  if (graduateId === 'me') {
    const own = await ctx.db.selectFrom('graduate_profiles').select('id').where('user_id', '=', actor.id).executeTakeFirst();
    if (!own) throw AppError.notFound('Graduate file');
    fileId = own.id;
  }
  const file = await findGraduate(ctx.db, fileId);
  if (!file || !policy.canReadGraduate(actor, file)) throw AppError.notFound('Graduate file');
  const resume = await latestUsableResume(ctx.db, file.id);
  const candidate = screeningCandidate(resume ?? { parsed: null, text: file.job_intention ?? '' }, file);
  const home = file.hukou_town_id
    ? await ctx.db.selectFrom('towns').select(['id', 'region_id', 'is_dev_zone']).where('id', '=', file.hukou_town_id).executeTakeFirst()
    : undefined;
  const jobs = await listJobViews(ctx.db, { statuses: ['published'], openOn: districtToday(ctx.clock()) }, CANDIDATE_POOL);
  const byId = new Map(jobs.map((j) => [j.id, j]));
  const ranked = rankJobsForGraduate(
    candidate,
    home ? { id: home.id, regionId: home.region_id, isDevZone: home.is_dev_zone } : null,
    jobs.map((j) => ({ id: j.id, job: screeningJob(j), town: { id: j.town_id, regionId: j.town_region_id, isDevZone: j.town_is_dev_zone } })),
  );
  return ranked.slice(0, TOP).map((r) => {
    const j = byId.get(r.id)!;
    return {
      jobId: j.id,
      title: j.title,
      organisationName: j.organisation_name,
      townName: j.town_name,
      salaryMin: j.salary_min,
      salaryMax: j.salary_max,
      score: r.score,
      distance: r.distance,
      criteria: r.result.criteria,
    };
  });
}

/**
 * Ranked graduates for a job. The employer's recruiters see only graduates who agreed to be
 * discoverable; caseworkers and organisers see the files of the towns they cover.
 */
export async function recommendGraduates(ctx: AppContext, actor: TSessionUser, jobId: string): Promise<TRecommendedGraduate[]> {
  const job = await loadReadableJob(ctx, actor, jobId);
  const scope = policy.candidateScope(actor, job);
  if (!scope) throw AppError.forbidden('Only the employer and the office see recommended candidates');
  let q = ctx.db
    .selectFrom('graduate_profiles as g')
    .leftJoin('towns as t', 't.id', 'g.hukou_town_id')
    .select(['g.id', 'g.name', 'g.school', 'g.major', 'g.degree', 't.name as town_name'])
    .where('g.employment_status', '=', 'unemployed')
    .where((eb) => eb.exists(eb.selectFrom('resumes as r').select('r.id').whereRef('r.graduate_id', '=', 'g.id').where('r.status', 'in', ['parsed', 'confirmed'])));
  if ('discoverableOnly' in scope) q = q.where('g.discoverable', '=', true);
  else if (scope.townIds !== null) q = scope.townIds.length ? q.where('g.hukou_town_id', 'in', scope.townIds) : q.where('g.id', 'is', null);
  const graduates = await q.orderBy('g.updated_at', 'desc').limit(CANDIDATE_POOL).execute();
  const resumes = await latestUsableResumes(ctx.db, graduates.map((g) => g.id));
  const applied = new Set(
    (await ctx.db.selectFrom('applications').select('graduate_id').where('job_id', '=', jobId).where('status', '!=', 'withdrawn').execute()).map((a) => a.graduate_id),
  );
  const byId = new Map(graduates.map((g) => [g.id, g]));
  const ranked = rankGraduatesForJob(
    screeningJob(job),
    graduates.flatMap((g) => {
      const resume = resumes.get(g.id);
      return resume ? [{ id: g.id, candidate: screeningCandidate(resume, { major: g.major, degree: g.degree }) }] : [];
    }),
  );
  return ranked.slice(0, TOP).map((r) => {
    const g = byId.get(r.id)!;
    return { graduateId: g.id, name: g.name, school: g.school, major: g.major, degree: g.degree, townName: g.town_name, score: r.score, criteria: r.result.criteria, applied: applied.has(g.id) };
  });
}
