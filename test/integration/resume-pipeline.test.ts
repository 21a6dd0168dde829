import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient} from '../support/client.js';
import { loginAs } from '../support/client.js';
import { waitFor } from '../support/wait.js';
import { createFixtures, PASSWORD, type Fixtures } from '../support/fixtures.js';
import { createEmployerStaff, createGraduates, type EmployerStaff } from '../support/fair-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/platform.js';
import { startTestWorkers } from '../support/workers.js';
import { uploadFile, uploadStreamed } from '../support/uploads.js';
import {
  DEMO_RESUME_EN,
  DEMO_RESUME_ZH,
  makeEncryptedPdf,
  makePdfWithJavaScript,
  makeResumeDocx,
  makeResumePdf,
  makeZipBombDocx,
  makeZipSlipDocx,
} from '../support/resume-fixtures.js';
import type { RunningWorkers } from '../../workers/src/run-workers.js';


async function countFiles(dir: string): Promise<number> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).length;
}

const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('resumes: upload, parse on the workers, screen, explain, recommend', () => {
  let t: TestPlatform;
  let f: Fixtures;
  let staffB: EmployerStaff;
  let workers: RunningWorkers;
  let graduate: ApiClient;
  let recruiter: ApiClient;
  let javaJobId: string;
  let resumeId: string;
  let applicationId: string;
  const as = (login: string) => loginAs(t.url, login, PASSWORD);
  const parsedResume = (client: ApiClient, id: string) =>
    waitFor(async () => {
      const r = (await client.get(`/api/v1/me/resumes/${id}`)).body;
      return r.status === 'parsing' ? undefined : r;
    }, `resume ${id} parsed`);
  const screened = (client: ApiClient, id: string, version = 1) =>
    waitFor(async () => {
      const a = (await client.get(`/api/v1/applications/${id}`)).body;
      return a.screeningState === 'done' && a.screening?.requirementsVersion === version ? a : undefined;
    }, `application ${id} screened`);

  beforeAll(async () => {
    t = await startTestPlatform();
    f = await createFixtures(t.platform.ctx.db);
    staffB = await createEmployerStaff(t.platform.ctx.db, f.orgs.b, 1);
    workers = startTestWorkers(t);
    graduate = await as(f.logins.graduate);
    recruiter = await as(staffB.recruiterLogin);
    const job = await recruiter.post('/api/v1/jobs', {
      title: '后端开发工程师',
      description: '负责就业服务平台后端开发，使用 Java、MySQL 与 Redis。',
      requirements: { skills: ['Java', 'MySQL', 'Redis'], preferredSkills: ['Docker', 'Kubernetes'], degree: 'bachelor', majors: ['软件工程', '计算机科学与技术'], languages: ['english'] },
      townId: f.towns.devZone,
      salaryMin: 9000,
      salaryMax: 15000,
      headcount: 2,
      deadline: future(20),
    });
    javaJobId = job.body.id;
    await recruiter.post(`/api/v1/jobs/${javaJobId}/status`, { action: 'submit' });
  });
  afterAll(async () => {
    await workers?.close();
    await t?.close();
  });

  it('parses a Chinese PDF into a structured profile, showing progress, and keeps one record per file', async () => {
    const pdf = await makeResumePdf(DEMO_RESUME_ZH);
    const up = await uploadFile(graduate, '/api/v1/me/resumes', pdf, '王晓明-简历.pdf');
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ status: 'parsing', kind: 'pdf', filename: '王晓明-简历.pdf', sizeBytes: pdf.byteLength });
    expect(up.body.progress).toBeGreaterThanOrEqual(0);
    resumeId = up.body.id;
    const done = await parsedResume(graduate, resumeId);
    expect(done).toMatchObject({ status: 'parsed', progress: 100 });
    expect(done.parsed.contact).toEqual({ name: '王晓明', phone: '13812345678', email: 'wangxm@example.com' });
    expect(done.parsed.skills).toEqual(expect.arrayContaining(['java', 'python', 'mysql', 'redis', 'docker', 'data_analysis']));
    expect(done.parsed.education[0]).toMatchObject({ school: '华东师范大学', major: '软件工程', degree: 'master' });
    expect(done.parsed.languages).toEqual(expect.arrayContaining([expect.objectContaining({ language: 'english', level: 'CET-6' })]));

    const again = await uploadFile(graduate, '/api/v1/me/resumes', pdf, 'copy.pdf');
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(resumeId);
    expect((await graduate.get('/api/v1/me/resumes')).body.items).toHaveLength(1);
  });

  it('parses an English DOCX', async () => {
    const docx = await makeResumeDocx(DEMO_RESUME_EN);
    const up = await uploadFile(graduate, '/api/v1/me/resumes', docx, 'emily.docx');
    expect(up.status).toBe(201);
    const done = await parsedResume(graduate, up.body.id);
    expect(done.status).toBe('parsed');
    expect(done.parsed.contact.name).toBe('Emily Chen');
    expect(done.parsed.education[0]).toMatchObject({ school: 'Fudan University', degree: 'master' });
  });

  it('refuses hostile and wrong files with a clear code and stores nothing', async () => {
    const before = (await graduate.get('/api/v1/me/resumes')).body.items.length;
    const blobDir = path.join(t.dataDir, 'blobs');
    const blobsBefore = await countFiles(blobDir);
    const pdf = await makeResumePdf(DEMO_RESUME_ZH);
    const cases: [string, Uint8Array, string, number, string, string?][] = [
      ['pdf named docx', pdf, 'resume.docx', 415, 'file_type_mismatch'],
      ['docx named pdf', await makeResumeDocx(DEMO_RESUME_EN), 'resume.pdf', 415, 'file_type_mismatch'],
      ['pdf sent with the docx type', pdf, 'resume.pdf', 415, 'file_type_mismatch', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['plain text', new TextEncoder().encode('hello'), 'resume.txt', 415, 'unsupported_media_type'],
      ['zip bomb', makeZipBombDocx('ratio'), 'bomb.docx', 422, 'docx_zip_bomb'],
      ['zip bomb by total size', makeZipBombDocx('total-size'), 'bomb2.docx', 422, 'docx_zip_bomb'],
      ['zip slip', makeZipSlipDocx(), 'slip.docx', 422, 'zip_path_escape'],
      ['encrypted pdf', makeEncryptedPdf({ userPassword: 'secret' }), 'locked.pdf', 422, 'pdf_encrypted'],
    ];
    for (const [what, bytes, name, status, code, mime] of cases) {
      const res = await uploadFile(graduate, '/api/v1/me/resumes', bytes, name, mime);
      expect(res.status, what).toBe(status);
      expect(res.body.error.code, what).toBe(code);
      expect(res.body.error.message, what).toMatch(/[\u4e00-\u9fff]/);
    }
    const encrypted = await uploadFile(graduate, '/api/v1/me/resumes', makeEncryptedPdf({ userPassword: 'secret' }), 'locked.pdf');
    expect(encrypted.body.error.message).toMatch(/password/i);

    // Over 10 MB: refused from the declared length, and while streaming when no length is declared.
    const declared = await uploadFile(graduate, '/api/v1/me/resumes', new Uint8Array(11 * 1024 * 1024), 'huge.pdf');
    expect(declared.status).toBe(413);
    expect(declared.body.error.code).toBe('payload_too_large');
    const streamed = await uploadStreamed(graduate, '/api/v1/me/resumes', 12 * 1024 * 1024);
    expect(streamed.status).toBe(413);
    expect(streamed.body.error.code).toBe('payload_too_large');

    // Only graduates upload.
    expect((await uploadFile(recruiter, '/api/v1/me/resumes', pdf, 'x.pdf')).status).toBe(403);

    expect((await graduate.get('/api/v1/me/resumes')).body.items).toHaveLength(before);
    expect(await countFiles(blobDir)).toBe(blobsBefore);
  });

  it('reads a PDF carrying JavaScript as text only, and says the script was ignored', async () => {
    const other = (await createGraduates(t.platform.ctx.db, f, 1, 7))[0]!;
    const client = await as(other.login);
    const up = await uploadFile(client, '/api/v1/me/resumes', await makePdfWithJavaScript(), 'js.pdf');
    expect(up.status).toBe(201);
    const done = await parsedResume(client, up.body.id);
    expect(done.status).toBe('parsed');
    expect(done.warnings).toContain('pdf_javascript_ignored');
    expect(done.parsed.contact.name).toBe('王晓明');
  });

  it('screens an application on the workers; the recruiter sees why, the graduate on request', async () => {
    const applied = await graduate.post(`/api/v1/jobs/${javaJobId}/applications`, { resumeId, coverNote: '' });
    expect(applied.status).toBe(201);
    applicationId = applied.body.id;
    const seen = await screened(recruiter, applicationId);
    expect(seen.status).toBe('screened');
    expect(seen.screening.score).toBeGreaterThan(60);
    const skills = seen.screening.criteria.find((c: { key: string }) => c.key === 'skills');
    expect(skills.matched).toEqual(expect.arrayContaining(['Java', 'MySQL', 'Redis']));
    const sum = seen.screening.criteria.reduce((s: number, c: { points: number }) => s + c.points, 0);
    expect(sum).toBeCloseTo(seen.screening.score, 5);
    expect(seen.history.map((h: { toStatus: string }) => h.toStatus)).toEqual(['new', 'screened']);

    const mine = (await graduate.get(`/api/v1/applications/${applicationId}`)).body;
    expect(mine.screeningState).toBe('done');
    expect(mine.screening).toBeNull();
    const explained = await graduate.post(`/api/v1/applications/${applicationId}/explanation`);
    expect(explained.body.screening.score).toBe(seen.screening.score);
    expect(explained.body.screening.criteria.every((c: { explanationZh: string; explanationEn: string }) => c.explanationZh && c.explanationEn)).toBe(true);

    // A person reviews on request; the request shows until someone moves the application.
    const asked = await graduate.post(`/api/v1/applications/${applicationId}/review-request`, { reason: '我有三年 Docker 经验，简历未体现' });
    expect(asked.body.reviewRequestedAt).toEqual(expect.any(String));
    const listed = (await recruiter.get(`/api/v1/jobs/${javaJobId}/applications`)).body.items[0];
    expect(listed.reviewRequestReason).toContain('Docker');
    const moved = await recruiter.post(`/api/v1/applications/${applicationId}/status`, { status: 'interview', note: '人工复核后邀请面试' });
    expect(moved.body).toMatchObject({ status: 'interview', reviewRequestedAt: null });
  });

  it('never lets hardship or hukou change a score', async () => {
    const [twin] = await createGraduates(t.platform.ctx.db, f, 1, 8);
    // Same resume, but a different hukou town and no hardship flag (the fixture graduate has both set differently).
    const client = await as(twin!.login);
    const up = await uploadFile(client, '/api/v1/me/resumes', await makeResumePdf(DEMO_RESUME_ZH), 'twin.pdf');
    await parsedResume(client, up.body.id);
    await t.platform.ctx.db.updateTable('graduate_profiles').set({ major: '软件工程', degree: 'bachelor', hardship_sealed: await t.platform.ctx.fieldCrypto.sealFlag(false), hukou_town_id: f.towns.b }).where('user_id', '=', (await t.platform.ctx.db.selectFrom('users').select('id').where('phone', '=', twin!.login).executeTakeFirstOrThrow()).id).execute();
    const applied = await client.post(`/api/v1/jobs/${javaJobId}/applications`, {});
    const theirs = await screened(recruiter, applied.body.id);
    const ours = await screened(recruiter, applicationId);
    expect(theirs.screening.criteria).toEqual(ours.screening.criteria);
    expect(theirs.screening.score).toBe(ours.screening.score);
  });

  it('re-screens every open application in bulk when the requirements change, with progress', async () => {
    const job = (await recruiter.get(`/api/v1/jobs/${javaJobId}`)).body;
    const changed = await recruiter.patch(`/api/v1/jobs/${javaJobId}`, { requirements: { ...job.requirements, skills: ['Java', 'MySQL', 'Redis', 'Python'] } });
    expect(changed.body.requirementsVersion).toBe(2);
    const progress = await waitFor(async () => {
      const p = (await recruiter.get(`/api/v1/jobs/${javaJobId}/screening`)).body;
      return p.total > 0 && p.screened === p.total ? p : undefined;
    }, 'bulk re-screen');
    expect(progress).toMatchObject({ requirementsVersion: 2, total: 2, screened: 2 });
    const rescored = await screened(recruiter, applicationId, 2);
    expect(rescored.screening.criteria.find((c: { key: string }) => c.key === 'skills').matched).toContain('Python');
    // A person's decision stands: re-screening moved nothing.
    expect(rescored.status).toBe('interview');
  });

  it('re-screens after the graduate corrects the parsed profile', async () => {
    const resume = (await graduate.get(`/api/v1/me/resumes/${resumeId}`)).body;
    const before = (await recruiter.get(`/api/v1/applications/${applicationId}`)).body.screening;
    // The graduate removes their experience entries: the experience criterion must be scored from the correction.
    const corrected = { ...resume.parsed, experience: [] };
    const confirmed = await graduate.put(`/api/v1/me/resumes/${resumeId}/confirmation`, { parsed: corrected });
    expect(confirmed.body.status).toBe('confirmed');
    const after = await waitFor(async () => {
      const a = (await recruiter.get(`/api/v1/applications/${applicationId}`)).body;
      return a.screening && a.screening.screenedAt !== before.screenedAt && a.screeningState === 'done' ? a.screening : undefined;
    }, 're-screen after confirmation');
    const experience = (r: { criteria: { key: string; points: number; explanationEn: string }[] }) => r.criteria.find((c) => c.key === 'experience')!;
    expect(experience(before).points).toBeGreaterThan(0);
    expect(experience(after).points).toBe(0);
    expect(experience(after).explanationEn).toContain('no work, internship or project experience');
    // Bad corrections are refused and change nothing.
    const bad = await graduate.put(`/api/v1/me/resumes/${resumeId}/confirmation`, { parsed: { ...corrected, education: 'none' } });
    expect(bad.status).toBe(400);
  });

  it('recommends jobs to the graduate and discoverable graduates to the employer', async () => {
    const jobs = (await graduate.get('/api/v1/me/recommended-jobs')).body.items;
    expect(jobs[0]).toMatchObject({ jobId: javaJobId, distance: 1 });
    // Not discoverable yet: the employer does not see the graduate among recommended candidates.
    const hidden = (await recruiter.get(`/api/v1/jobs/${javaJobId}/recommended-graduates`)).body.items;
    expect(hidden.map((g: { graduateId: string }) => g.graduateId)).not.toContain(f.graduates.a);
    await graduate.patch(`/api/v1/graduates/${f.graduates.a}`, { discoverable: true });
    const shown = (await recruiter.get(`/api/v1/jobs/${javaJobId}/recommended-graduates`)).body.items;
    expect(shown.find((g: { graduateId: string }) => g.graduateId === f.graduates.a)).toMatchObject({ applied: true });
    // The caseworker of town A sees the town's graduates whether or not they are discoverable.
    const caseworker = await as(f.logins.caseworker);
    const theirs = (await caseworker.get(`/api/v1/jobs/${javaJobId}/recommended-graduates`)).body.items;
    expect(theirs.map((g: { graduateId: string }) => g.graduateId)).toEqual([f.graduates.a]);
    expect((await graduate.get(`/api/v1/jobs/${javaJobId}/recommended-graduates`)).status).toBe(403);
  });

  it('reports queue health and counts in /metrics', async () => {
    const organiser = await as(f.logins.district_organiser);
    const health = (await organiser.get('/api/v1/system/queues')).body;
    const resumes = health.queues.find((q: { name: string }) => q.name === 'resumes');
    expect(resumes.completed).toBeGreaterThanOrEqual(3);
    expect(health.workersOnline).toBeGreaterThanOrEqual(1);
    const metrics = await fetch(`${t.url}/metrics`).then((r) => r.text());
    expect(metrics).toMatch(/yunpin_queue_jobs\{queue="resumes",state="completed"\} [1-9]/);
  });
});
