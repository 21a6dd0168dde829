import { sql, type Kysely } from 'kysely';
import type { TJob, TJobRequirements, TJobStatus, TPage } from '@yunpin/shared';
import type { Database } from '../schema.js';
import { paginate } from '../paginate.js';

/** A job row with its employer and town, as every read needs them. */
export interface JobView {
  id: string;
  organisation_id: string;
  organisation_name: string;
  employer_verified: boolean;
  industry: string | null;
  title: string;
  description: string;
  requirements: TJobRequirements;
  requirements_version: number;
  town_id: string;
  town_name: string;
  town_region_id: string | null;
  town_is_dev_zone: boolean;
  salary_min: number;
  salary_max: number;
  headcount: number;
  deadline: string;
  status: TJobStatus;
  review_note: string | null;
  published_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

function jobViews(db: Kysely<Database>) {
  return db
    .selectFrom('jobs')
    .innerJoin('organisations as o', 'o.id', 'jobs.organisation_id')
    .innerJoin('towns as t', 't.id', 'jobs.town_id');
}

type JobViewQuery = ReturnType<typeof jobViews>;

function selectJobView(q: JobViewQuery) {
  return q.select([
    'jobs.id',
    'jobs.organisation_id',
    'o.name as organisation_name',
    'o.is_verified as employer_verified',
    'o.industry',
    'jobs.title',
    'jobs.description',
    'jobs.requirements',
    'jobs.requirements_version',
    'jobs.town_id',
    't.name as town_name',
    't.region_id as town_region_id',
    't.is_dev_zone as town_is_dev_zone',
    'jobs.salary_min',
    'jobs.salary_max',
    'jobs.headcount',
    // A date column would arrive as a local-midnight Date from pg; the text form is exact.
    sql<string>`to_char(jobs.deadline, 'YYYY-MM-DD')`.as('deadline'),
    'jobs.status',
    'jobs.review_note',
    'jobs.published_at',
    'jobs.created_at',
    'jobs.updated_at',
  ]);
}

export function toJob(row: JobView, applicationCount?: number): TJob {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    employerVerified: row.employer_verified,
    industry: row.industry,
    title: row.title,
    description: row.description,
    requirements: row.requirements,
    requirementsVersion: row.requirements_version,
    townId: row.town_id,
    townName: row.town_name,
    salaryMin: row.salary_min,
    salaryMax: row.salary_max,
    headcount: row.headcount,
    deadline: row.deadline,
    status: row.status,
    reviewNote: row.review_note,
    publishedAt: row.published_at ? row.published_at.toISOString() : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    ...(applicationCount === undefined ? {} : { applicationCount }),
  };
}

export interface NewJobRow {
  id: string;
  organisation_id: string;
  title: string;
  description: string;
  requirements: TJobRequirements;
  town_id: string;
  salary_min: number;
  salary_max: number;
  headcount: number;
  deadline: string;
  created_by: string;
  search_tokens: string;
}

export async function insertJob(db: Kysely<Database>, row: NewJobRow): Promise<void> {
  await db.insertInto('jobs').values({ ...row, requirements: JSON.stringify(row.requirements) }).execute();
}

export interface JobChanges {
  title?: string;
  description?: string;
  requirements?: TJobRequirements;
  bumpRequirementsVersion?: boolean;
  town_id?: string;
  salary_min?: number;
  salary_max?: number;
  headcount?: number;
  deadline?: string;
  status?: TJobStatus;
  review_note?: string | null;
  published_at?: Date | null;
  search_tokens?: string;
}

export async function updateJob(db: Kysely<Database>, id: string, changes: JobChanges): Promise<void> {
  const { requirements, bumpRequirementsVersion, ...rest } = changes;
  await db
    .updateTable('jobs')
    .set({
      ...rest,
      ...(requirements ? { requirements: JSON.stringify(requirements) } : {}),
      ...(bumpRequirementsVersion ? { requirements_version: sql<number>`requirements_version + 1` } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export async function findJobView(db: Kysely<Database>, id: string): Promise<JobView | undefined> {
  return (await selectJobView(jobViews(db)).where('jobs.id', '=', id).executeTakeFirst()) as JobView | undefined;
}

export interface JobFilters {
  /** Space-joined search tokens; every one must match. */
  queryTokens?: string[];
  townId?: string;
  regionId?: string;
  degree?: string;
  industry?: string;
  salaryMin?: number;
  statuses?: TJobStatus[];
  organisationId?: string;
  /** Towns an organiser may review; undefined means all. */
  townIds?: string[];
  /** Published jobs whose deadline has not passed (the public listing). */
  openOn?: string;
}

function filtered(db: Kysely<Database>, f: JobFilters) {
  let q = jobViews(db);
  if (f.queryTokens?.length) q = q.where(sql<boolean>`jobs.search @@ plainto_tsquery('simple', ${f.queryTokens.join(' ')})`);
  if (f.townId) q = q.where('jobs.town_id', '=', f.townId);
  if (f.regionId) q = q.where('t.region_id', '=', f.regionId);
  if (f.degree) q = q.where(sql<boolean>`jobs.requirements->>'degree' = ${f.degree}`);
  if (f.industry) q = q.where('o.industry', '=', f.industry);
  if (f.salaryMin !== undefined) q = q.where('jobs.salary_max', '>=', f.salaryMin);
  if (f.statuses) q = q.where('jobs.status', 'in', f.statuses);
  if (f.organisationId) q = q.where('jobs.organisation_id', '=', f.organisationId);
  if (f.townIds) q = f.townIds.length ? q.where('jobs.town_id', 'in', f.townIds) : q.where(sql<boolean>`false`);
  if (f.openOn) q = q.where('jobs.deadline', '>=', f.openOn);
  return q;
}

export async function searchJobs(db: Kysely<Database>, f: JobFilters, page: { page: number; pageSize: number }): Promise<TPage<JobView>> {
  const tokens = f.queryTokens?.join(' ') ?? '';
  const result = await paginate(filtered(db, f), page, (q) => {
    const s = selectJobView(q);
    return (tokens
      ? s.orderBy(sql`ts_rank(jobs.search, plainto_tsquery('simple', ${tokens}))`, 'desc')
      : s
    ).orderBy('jobs.published_at', (ob) => ob.desc().nullsLast()).orderBy('jobs.created_at', 'desc').orderBy('jobs.id');
  });
  return result as TPage<JobView>;
}

/** Every job matching the filters (exports and recommendation), newest first, capped. */
export async function listJobViews(db: Kysely<Database>, f: JobFilters, limit = 5000): Promise<JobView[]> {
  return (await selectJobView(filtered(db, f)).orderBy('jobs.created_at', 'desc').limit(limit).execute()) as JobView[];
}

/** Open applications (not withdrawn) per job. */
export async function countApplications(db: Kysely<Database>, jobIds: string[]): Promise<Map<string, number>> {
  if (!jobIds.length) return new Map();
  const rows = await db
    .selectFrom('applications')
    .select(['job_id', sql<number>`count(*)::int`.as('n')])
    .where('job_id', 'in', jobIds)
    .where('status', '!=', 'withdrawn')
    .groupBy('job_id')
    .execute();
  return new Map(rows.map((r) => [r.job_id, Number(r.n)]));
}
