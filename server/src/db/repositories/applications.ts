import { sql, type Kysely } from 'kysely';
import type { TApplicationStatus, TPage, TScreeningResult } from '@yunpin/shared';
import type { ApplicationRow, Database } from '../schema.js';
import { paginate } from '../paginate.js';

/** An application with the names every view shows and its newest screening. */
export interface ApplicationView extends ApplicationRow {
  job_title: string;
  organisation_id: string;
  organisation_name: string;
  job_requirements_version: number;
  graduate_name: string;
  resume_status: string | null;
  screening_result: TScreeningResult | null;
  screening_score: number | null;
  screening_version: number | null;
  screening_resume_id: string | null;
  screening_resume_revision: number | null;
  resume_revision: number | null;
  screened_at: Date | null;
}

function latestScreenings(db: Kysely<Database>) {
  return db
    .selectFrom('screenings')
    .distinctOn('screenings.application_id')
    .select(['screenings.application_id', 'screenings.result', 'screenings.score', 'screenings.requirements_version', 'screenings.resume_id', 'screenings.resume_revision', 'screenings.screened_at'])
    .orderBy('screenings.application_id')
    .orderBy('screenings.screened_at', 'desc')
    .orderBy('screenings.requirements_version', 'desc');
}

function views(db: Kysely<Database>) {
  return db
    .selectFrom('applications as a')
    .innerJoin('jobs as j', 'j.id', 'a.job_id')
    .innerJoin('organisations as o', 'o.id', 'j.organisation_id')
    .innerJoin('graduate_profiles as g', 'g.id', 'a.graduate_id')
    .leftJoin('resumes as r', 'r.id', 'a.resume_id')
    .leftJoin(latestScreenings(db).as('s'), 's.application_id', 'a.id');
}

type ViewQuery = ReturnType<typeof views>;

function selectView(q: ViewQuery) {
  return q.selectAll('a').select([
    'j.title as job_title',
    'j.organisation_id',
    'o.name as organisation_name',
    'j.requirements_version as job_requirements_version',
    'g.name as graduate_name',
    'r.status as resume_status',
    's.result as screening_result',
    's.score as screening_score',
    's.requirements_version as screening_version',
    's.resume_id as screening_resume_id',
    's.resume_revision as screening_resume_revision',
    'r.revision as resume_revision',
    's.screened_at',
  ]);
}

export async function findApplicationView(db: Kysely<Database>, id: string): Promise<ApplicationView | undefined> {
  return (await selectView(views(db)).where('a.id', '=', id).executeTakeFirst()) as ApplicationView | undefined;
}

export async function findApplicationViews(db: Kysely<Database>, ids: string[]): Promise<ApplicationView[]> {
  if (!ids.length) return [];
  return (await selectView(views(db)).where('a.id', 'in', ids).execute()) as ApplicationView[];
}

export async function findApplicationFor(db: Kysely<Database>, jobId: string, graduateId: string): Promise<ApplicationRow | undefined> {
  return db.selectFrom('applications').selectAll().where('job_id', '=', jobId).where('graduate_id', '=', graduateId).executeTakeFirst();
}

export async function listJobApplications(
  db: Kysely<Database>,
  jobId: string,
  f: { status?: TApplicationStatus | undefined; sort: 'score' | 'newest'; page: number; pageSize: number },
): Promise<TPage<ApplicationView>> {
  let q = views(db).where('a.job_id', '=', jobId);
  q = f.status ? q.where('a.status', '=', f.status) : q.where('a.status', '!=', 'withdrawn');
  const page = await paginate(q, f, (b) => {
    const s = selectView(b);
    return (f.sort === 'score' ? s.orderBy(sql`s.score`, (ob) => ob.desc().nullsLast()) : s).orderBy('a.created_at', 'desc').orderBy('a.id');
  });
  return page as TPage<ApplicationView>;
}

/** All of a job's applications (the export), best score first. */
export async function allJobApplications(db: Kysely<Database>, jobId: string): Promise<ApplicationView[]> {
  return (await selectView(views(db))
    .where('a.job_id', '=', jobId)
    .orderBy(sql`s.score`, (ob) => ob.desc().nullsLast())
    .orderBy('a.created_at')
    .execute()) as ApplicationView[];
}

export async function listGraduateApplications(db: Kysely<Database>, graduateId: string): Promise<ApplicationView[]> {
  return (await selectView(views(db)).where('a.graduate_id', '=', graduateId).orderBy('a.updated_at', 'desc').limit(500).execute()) as ApplicationView[];
}

/** Open applications (not withdrawn, not closed out) of a job, or of a graduate, for re-screening. */
export async function openApplications(db: Kysely<Database>, where: { jobId?: string; graduateId?: string; resumeId?: string }): Promise<ApplicationRow[]> {
  let q = db.selectFrom('applications').selectAll().where('status', 'not in', ['withdrawn', 'hired', 'rejected']);
  if (where.jobId) q = q.where('job_id', '=', where.jobId);
  if (where.graduateId) q = q.where('graduate_id', '=', where.graduateId);
  if (where.resumeId) q = q.where('resume_id', '=', where.resumeId);
  return q.execute();
}

/** Inserts the application unless it exists; returns whether it was created. */
export async function insertApplicationOnce(
  db: Kysely<Database>,
  a: { id: string; job_id: string; graduate_id: string; resume_id: string | null; cover_note: string },
): Promise<boolean> {
  const inserted = await db
    .insertInto('applications')
    .values(a)
    .onConflict((oc) => oc.columns(['job_id', 'graduate_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function updateApplication(
  db: Kysely<Database>,
  id: string,
  set: Partial<Pick<ApplicationRow, 'status' | 'resume_id' | 'cover_note' | 'review_requested_at' | 'review_request_reason' | 'explanation_requested_at'>>,
): Promise<void> {
  await db.updateTable('applications').set({ ...set, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function appendApplicationEvent(
  db: Kysely<Database>,
  e: { application_id: string; from_status: string | null; to_status: string; actor_id: string | null; note?: string },
): Promise<void> {
  await db.insertInto('application_events').values({ ...e, note: e.note ?? '' }).execute();
}

export async function listApplicationEvents(db: Kysely<Database>, applicationId: string) {
  return db
    .selectFrom('application_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.from_status', 'e.to_status', 'e.note', 'e.at', 'u.name as actor_name'])
    .where('e.application_id', '=', applicationId)
    .orderBy('e.id')
    .execute();
}

/** Stores a screening once; a job that ran twice inserts nothing the second time. */
export async function insertScreeningOnce(
  db: Kysely<Database>,
  s: { application_id: string; requirements_version: number; resume_id: string; resume_revision: number; result: TScreeningResult },
): Promise<boolean> {
  const inserted = await db
    .insertInto('screenings')
    .values({ ...s, scorer_version: s.result.version, score: s.result.score, result: JSON.stringify(s.result) })
    .onConflict((oc) => oc.columns(['application_id', 'requirements_version', 'resume_id', 'resume_revision', 'scorer_version']).doNothing())
    .returning('application_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export interface ScreeningCounts {
  total: number;
  screened: number;
  waitingResume: number;
}

/** How far screening of a job's open applications against its current requirements has got. */
export async function screeningCounts(db: Kysely<Database>, jobId: string, version: number): Promise<ScreeningCounts> {
  const row = await db
    .selectFrom('applications as a')
    .leftJoin('resumes as r', 'r.id', 'a.resume_id')
    .select([
      sql<number>`count(*) filter (where r.status in ('parsed', 'confirmed'))::int`.as('total'),
      sql<number>`count(*) filter (where r.status is null or r.status in ('parsing', 'failed'))::int`.as('waiting'),
      sql<number>`count(*) filter (where exists (select 1 from screenings s where s.application_id = a.id and s.requirements_version = ${version} and s.resume_id = a.resume_id and s.resume_revision = r.revision))::int`.as('screened'),
    ])
    .where('a.job_id', '=', jobId)
    .where('a.status', 'not in', ['withdrawn', 'hired', 'rejected'])
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), screened: Number(row.screened), waitingResume: Number(row.waiting) };
}
