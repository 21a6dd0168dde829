import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { TJobStatus, TParsedResume } from '@yunpin/shared';
import type { Database } from '../../server/src/db/schema.js';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A job straight into the database (the API's own flow is tested in jobs.test.ts). */
export async function insertTestJob(db: Kysely<Database>, o: { organisationId: string; townId: string; status?: TJobStatus; title?: string }): Promise<string> {
  const id = randomUUID();
  const title = o.title ?? '测试岗位';
  await db
    .insertInto('jobs')
    .values({
      id,
      organisation_id: o.organisationId,
      title,
      description: '岗位职责',
      requirements: JSON.stringify({ skills: ['Java'], preferredSkills: [], degree: 'bachelor', majors: [], languages: [] }),
      town_id: o.townId,
      salary_min: 6000,
      salary_max: 9000,
      headcount: 2,
      deadline: inDays(30),
      status: o.status ?? 'published',
      published_at: (o.status ?? 'published') === 'published' ? new Date() : null,
      search_tokens: title,
    })
    .execute();
  return id;
}

export const PARSED_RESUME: TParsedResume = {
  contact: { name: '李明', phone: '13800000000', email: null },
  education: [{ school: '上海大学', major: '软件工程', degree: 'bachelor', startYear: 2022, endYear: 2026 }],
  skills: ['java'],
  experience: [],
  languages: [],
};

/** A resume that has already been parsed. */
export async function insertTestResume(db: Kysely<Database>, graduateId: string): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('resumes')
    .values({ id, graduate_id: graduateId, filename: 'resume.pdf', kind: 'pdf', size_bytes: 1000, sha256: randomUUID().replace(/-/g, '').padEnd(64, '0'), status: 'parsed', parsed: JSON.stringify(PARSED_RESUME), text: '李明 Java', parsed_at: new Date() })
    .execute();
  return id;
}

export async function insertTestApplication(db: Kysely<Database>, jobId: string, graduateId: string, resumeId: string | null = null): Promise<string> {
  const id = randomUUID();
  await db.insertInto('applications').values({ id, job_id: jobId, graduate_id: graduateId, resume_id: resumeId, cover_note: '' }).execute();
  return id;
}

/** An interview slot two days ahead, with its creator as the panel. */
export async function insertTestSlot(db: Kysely<Database>, jobId: string, interviewerId: string, booked = false): Promise<string> {
  const id = randomUUID();
  const startsAt = new Date(Date.now() + 2 * 86_400_000);
  await db
    .insertInto('interview_slots')
    .values({ id, job_id: jobId, starts_at: startsAt, ends_at: new Date(startsAt.getTime() + 1_800_000), interviewer_ids: [interviewerId], status: booked ? 'booked' : 'open', room_key: randomUUID(), created_by: interviewerId })
    .execute();
  return id;
}

/** A booked interview: a slot, and the application (moved to the interview stage) booked on it. */
export async function insertTestBooking(db: Kysely<Database>, jobId: string, applicationId: string, interviewerId: string): Promise<string> {
  const slotId = await insertTestSlot(db, jobId, interviewerId, true);
  await db.updateTable('applications').set({ status: 'interview' }).where('id', '=', applicationId).execute();
  const id = randomUUID();
  await db.insertInto('interview_bookings').values({ id, slot_id: slotId, application_id: applicationId }).execute();
  return id;
}
