import { AppError, type TCsvTable, type TJob, type TJobSearchQuery, type TPage, type TSessionUser } from '@yunpin/shared';
import { searchQueryTokens } from '@yunpin/shared/node';
import type { AppContext } from '../../context.js';
import { countApplications, listJobViews, searchJobs as findJobs, toJob, type JobFilters } from '../../db/repositories/jobs.js';
import { policy, townScope } from '../../policy.js';
import { districtToday } from './load-job.js';

/** Turns a search query into filters the actor is allowed: the public listing, their own jobs, or a review queue. */
function filtersFor(ctx: AppContext, actor: TSessionUser | undefined, q: TJobSearchQuery): { filters: JobFilters; withCounts: boolean } {
  const tokens = q.q ? searchQueryTokens(q.q) : [];
  const base: JobFilters = {
    ...(tokens.length ? { queryTokens: tokens } : {}),
    ...(q.townId ? { townId: q.townId } : {}),
    ...(q.regionId ? { regionId: q.regionId } : {}),
    ...(q.degree ? { degree: q.degree } : {}),
    ...(q.industry ? { industry: q.industry } : {}),
    ...(q.salaryMin !== undefined ? { salaryMin: q.salaryMin } : {}),
  };
  if (q.scope === 'mine') {
    if (!actor || !policy.canPostJob(actor)) throw AppError.forbidden("Only an employer's recruiters have their own jobs");
    return { filters: { ...base, organisationId: actor.organisationId!, ...(q.status ? { statuses: [q.status] } : {}) }, withCounts: true };
  }
  if (q.status && q.status !== 'published') {
    if (!actor || !policy.canViewSystemHealth(actor)) throw AppError.forbidden('Only organisers list jobs that are not published');
    const scope = townScope(actor);
    return { filters: { ...base, statuses: [q.status], ...(scope === null ? {} : { townIds: scope }) }, withCounts: true };
  }
  return { filters: { ...base, statuses: ['published'], openOn: districtToday(ctx.clock()) }, withCounts: false };
}

/** Job search in Chinese and English over title, description, skills, majors, employer and town. */
export async function searchJobs(ctx: AppContext, actor: TSessionUser | undefined, q: TJobSearchQuery): Promise<TPage<TJob>> {
  const { filters, withCounts } = filtersFor(ctx, actor, q);
  const page = await findJobs(ctx.db, filters, q);
  const counts = withCounts ? await countApplications(ctx.db, page.items.map((j) => j.id)) : undefined;
  return { ...page, items: page.items.map((j) => toJob(j, counts ? (counts.get(j.id) ?? 0) : undefined)) };
}

/** The same list as a spreadsheet (organisers' review queue, an employer's jobs, the public listing). */
export async function exportJobs(ctx: AppContext, actor: TSessionUser, q: TJobSearchQuery): Promise<TCsvTable> {
  const { filters } = filtersFor(ctx, actor, q);
  const rows = await listJobViews(ctx.db, filters);
  const counts = await countApplications(ctx.db, rows.map((j) => j.id));
  return {
    filename: `jobs-${districtToday(ctx.clock())}.csv`,
    columns: ['职位 Title', '单位 Employer', '已认证 Verified', '镇街 Town', '月薪下限 Salary min', '月薪上限 Salary max', '人数 Headcount', '截止 Deadline', '状态 Status', '必备技能 Skills', '学历 Degree', '申请数 Applications'],
    rows: rows.map((j) => [
      j.title,
      j.organisation_name,
      j.employer_verified ? '是 yes' : '否 no',
      j.town_name,
      j.salary_min,
      j.salary_max,
      j.headcount,
      j.deadline,
      j.status,
      j.requirements.skills.join('、'),
      j.requirements.degree,
      counts.get(j.id) ?? 0,
    ]),
  };
}
