import type { TScreenApplicationJob, TScreeningCandidate, TScreeningJob } from '@yunpin/shared';
import type { AppContext } from '../../context.js';
import type { ApplicationRow, GraduateRow, ResumeRow } from '../../db/schema.js';
import { findJobView, type JobView } from '../../db/repositories/jobs.js';

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

/**
 * What the scorer sees of a graduate: the resume (as corrected by the graduate) and the degree and
 * major of their file. Hardship, gender, age, ethnicity and hukou are never passed on.
 */
export function screeningCandidate(resume: Pick<ResumeRow, 'parsed' | 'text'>, file?: Pick<GraduateRow, 'major' | 'degree'>): TScreeningCandidate {
  const parsed = resume.parsed;
  const education = (parsed?.education ?? []).map((e) => ({ major: e.major, degree: e.degree }));
  if (file && (file.major || file.degree)) education.push({ major: file.major, degree: file.degree });
  return {
    skills: parsed?.skills ?? [],
    education,
    experience: (parsed?.experience ?? []).map((e) => ({ title: e.title, description: e.description })),
    languages: (parsed?.languages ?? []).map((l) => ({ language: l.language, level: l.level })),
    text: resume.text ?? '',
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
