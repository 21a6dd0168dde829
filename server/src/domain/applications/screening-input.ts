import { screeningCandidate, type TParseResumeJob, type TScreenApplicationJob, type TScreeningJob } from '@yunpin/shared';
import type { AppContext } from '../../context.js';
import type { ApplicationRow } from '../../db/schema.js';
import { findJobView, type JobView } from '../../db/repositories/jobs.js';
import { openApplications } from '../../db/repositories/applications.js';

export function screeningJob(job: Pick<JobView, 'title' | 'description' | 'requirements'>): TScreeningJob {
  const r = job.requirements;
  return {
    title: job.title,
    description: job.description,
    skills: r.skills,
    preferredSkills: r.preferredSkills,
    degree: r.degree,
    majors: r.majors,
    languages: r.languages,
  };
}

const USABLE = new Set(['parsed', 'confirmed']);

/**
 * Queues screening for each open application that has a parsed resume, against its job's current
 * requirements. Job ids are deterministic, so queuing twice scores once.
 */
export async function enqueueScreening(ctx: AppContext, applications: ApplicationRow[]): Promise<number> {
  const withResume = applications.filter((a) => a.resume_id !== null && !['withdrawn', 'hired', 'rejected'].includes(a.status));
  if (!withResume.length) return 0;
  const resumeIds = [...new Set(withResume.map((a) => a.resume_id!))];
  const jobIds = [...new Set(withResume.map((a) => a.job_id))];
  const graduateIds = [...new Set(withResume.map((a) => a.graduate_id))];
  const [resumes, files, jobs] = await Promise.all([
    ctx.db.selectFrom('resumes').select(['id', 'status', 'parsed', 'text', 'revision']).where('id', 'in', resumeIds).execute(),
    ctx.db.selectFrom('graduate_profiles').select(['id', 'major', 'degree']).where('id', 'in', graduateIds).execute(),
    Promise.all(jobIds.map((id) => findJobView(ctx.db, id))),
  ]);
  const resumeById = new Map(resumes.map((r) => [r.id, r]));
  const fileById = new Map(files.map((f) => [f.id, f]));
  const jobById = new Map(jobs.filter((j): j is JobView => j !== undefined).map((j) => [j.id, j]));
  const payloads: TScreenApplicationJob[] = [];
  for (const a of withResume) {
    const resume = resumeById.get(a.resume_id!);
    const job = jobById.get(a.job_id);
    if (!resume || !USABLE.has(resume.status) || !job) continue;
    payloads.push({
      applicationId: a.id,
      requirementsVersion: job.requirements_version,
      resumeId: resume.id,
      resumeRevision: resume.revision,
      job: screeningJob(job),
      candidate: screeningCandidate(resume, fileById.get(a.graduate_id)),
    });
  }
  await ctx.jobs.enqueueScreenings(payloads);
  return payloads.length;
}

/**
 * A graduate's open applications that a resume goes with: those already pointing at it, and those
 * whose resume is missing, still parsing or unreadable (they take it once it parses).
 */
export async function applicationsAwaitingResume(ctx: AppContext, graduateId: string, resumeId: string): Promise<ApplicationRow[]> {
  const [open, unusable] = await Promise.all([
    openApplications(ctx.db, { graduateId }),
    ctx.db.selectFrom('resumes').select('id').where('graduate_id', '=', graduateId).where('status', 'in', ['parsing', 'failed']).where('id', '!=', resumeId).execute(),
  ]);
  const waiting = new Set(unusable.map((r) => r.id));
  return open.filter((a) => a.resume_id === null || a.resume_id === resumeId || waiting.has(a.resume_id));
}

/**
 * The applications a resume being parsed will be attached to (the graduate's open applications with
 * no usable resume, or already pointing at it), with their jobs as they stand: the parse job carries
 * them so the worker scores them straight after parsing.
 */
export async function inlineScreening(ctx: AppContext, graduateId: string, resumeId: string): Promise<Pick<TParseResumeJob, 'file' | 'screen'>> {
  const [file, awaiting] = await Promise.all([
    ctx.db.selectFrom('graduate_profiles').select(['major', 'degree']).where('id', '=', graduateId).executeTakeFirst(),
    applicationsAwaitingResume(ctx, graduateId, resumeId),
  ]);
  const targets = awaiting.slice(0, 200);
  const jobs = await Promise.all([...new Set(targets.map((a) => a.job_id))].map((id) => findJobView(ctx.db, id)));
  const jobById = new Map(jobs.filter((j): j is JobView => j !== undefined).map((j) => [j.id, j]));
  return {
    file: file ? { major: file.major, degree: file.degree } : null,
    screen: targets.flatMap((a) => {
      const job = jobById.get(a.job_id);
      return job ? [{ applicationId: a.id, requirementsVersion: job.requirements_version, job: screeningJob(job) }] : [];
    }),
  };
}
