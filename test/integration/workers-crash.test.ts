import type { ChildProcess } from 'node:child_process';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_NAMES, parseResumeJobId, resumeParsedJobId } from '@yunpin/shared';
import { ApiClient } from '../support/client.js';
import { createFixtures, PASSWORD, type Fixtures } from '../support/fixtures.js';
import { createEmployerStaff, createGraduates } from '../support/fair-fixtures.js';
import { TEST_REDIS_URL } from '../support/env.js';
import { killProcess as kill, startWorkerProcess } from '../support/workers.js';
import { startTestPlatform, type TestPlatform } from '../support/platform.js';
import { uploadFile } from '../support/uploads.js';
import { makeResumePdf, randomFixtureResume, type FixtureResume } from '../support/resume-fixtures.js';

const RESUMES = 8;
const LOCK_MS = 2000;

/** A long resume (many pages), so a parse is still running when the worker is killed. */
function longResume(seed: number): FixtureResume {
  const base = randomFixtureResume(seed, 'zh');
  const experience = Array.from({ length: 40 }, (_, i) => ({ ...base.experience[0]!, title: `${base.experience[0]!.title}（第${i + 1}段）`, description: `${base.experience[0]!.description}\n`.repeat(6) }));
  return { ...base, experience };
}

describe('workers: a worker killed mid-job', () => {
  let t: TestPlatform;
  let f: Fixtures;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    t = await startTestPlatform();
    f = await createFixtures(t.platform.ctx.db);
  });
  afterAll(async () => {
    for (const c of children) await kill(c);
    await t?.close();
  });

  it('runs the interrupted jobs again exactly once, to completion, with no duplicate results', async () => {
    const staff = await createEmployerStaff(t.platform.ctx.db, f.orgs.b, 1);
    const recruiter = new ApiClient(t.url);
    await recruiter.login(staff.recruiterLogin, PASSWORD);
    const job = await recruiter.post('/api/v1/jobs', {
      title: '软件开发工程师',
      description: '后端与数据开发',
      requirements: { skills: ['Java', 'Python'], preferredSkills: [], degree: 'bachelor', majors: [], languages: [] },
      townId: f.towns.b,
      salaryMin: 8000,
      salaryMax: 12000,
      headcount: 5,
      deadline: new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10),
    });
    await recruiter.post(`/api/v1/jobs/${job.body.id}/status`, { action: 'submit' });

    // Applications first, resumes after: each parsed resume then leads to one screening.
    const graduates = await createGraduates(t.platform.ctx.db, f, RESUMES, 5);
    const resumeIds: string[] = [];
    for (const [i, g] of graduates.entries()) {
      const client = new ApiClient(t.url);
      await client.login(g.login, PASSWORD);
      await client.post(`/api/v1/jobs/${job.body.id}/applications`, {});
      const up = await uploadFile(client, '/api/v1/me/resumes', await makeResumePdf(longResume(i + 1)), `long-${i}.pdf`);
      expect(up.status).toBe(201);
      resumeIds.push(up.body.id);
    }

    const resumes = new Queue(QUEUE_NAMES.resumes, { connection: { url: TEST_REDIS_URL }, prefix: t.redisPrefix });
    const results = new Queue(QUEUE_NAMES.results, { connection: { url: TEST_REDIS_URL }, prefix: t.redisPrefix });
    try {
      const first = await startWorkerProcess(t, { WORKER_LOCK_MS: String(LOCK_MS) });
      children.push(first);
      // Kill it the moment it holds a job.
      const deadline = Date.now() + 30_000;
      while ((await resumes.getActiveCount()) === 0) {
        if (Date.now() > deadline) throw new Error('no job became active');
        await new Promise((r) => setTimeout(r, 5));
      }
      const interrupted = (await resumes.getActive()).map((j) => j.id!);
      await kill(first);
      expect(interrupted.length).toBeGreaterThan(0);

      const second = await startWorkerProcess(t, { WORKER_LOCK_MS: String(LOCK_MS) });
      children.push(second);
      const db = t.platform.ctx.db;
      const finishBy = Date.now() + 60_000;
      for (;;) {
        const parsed = await db.selectFrom('resumes').select(['id']).where('id', 'in', resumeIds).where('status', '=', 'parsed').execute();
        const scored = await db.selectFrom('screenings').select(['application_id']).execute();
        if (parsed.length === RESUMES && scored.length >= RESUMES) break;
        if (Date.now() > finishBy) throw new Error(`not finished: ${parsed.length} parsed, ${scored.length} scored`);
        await new Promise((r) => setTimeout(r, 200));
      }

      // Every parse job completed; each interrupted one started exactly twice (killed, then rerun), the others once.
      for (const id of resumeIds) {
        const parseJob = await resumes.getJob(parseResumeJobId(id));
        expect(await parseJob!.getState()).toBe('completed');
        const expected = interrupted.includes(parseJob!.id!) ? 2 : 1;
        expect(parseJob!.attemptsStarted, `parse job ${parseJob!.id}`).toBeLessThanOrEqual(2);
        if (expected === 2) expect(parseJob!.stalledCounter + parseJob!.attemptsMade).toBeGreaterThanOrEqual(1);
        expect(await results.getJob(resumeParsedJobId(id))).toBeDefined();
      }
      const reran = await Promise.all(interrupted.map(async (jobId) => (await resumes.getJob(jobId))!.attemptsStarted));
      expect(reran.some((n) => n === 2)).toBe(true);

      // No duplicate results: one screening per application, every resume parsed once.
      const screenings = await db.selectFrom('screenings').select(['application_id']).execute();
      expect(screenings).toHaveLength(RESUMES);
      expect(new Set(screenings.map((s) => s.application_id)).size).toBe(RESUMES);
      const events = await db.selectFrom('application_events').select(['application_id']).where('to_status', '=', 'screened').execute();
      expect(events).toHaveLength(RESUMES);
    } finally {
      await resumes.close();
      await results.close();
    }
  });
});
