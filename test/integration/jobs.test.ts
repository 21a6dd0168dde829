import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, loginAs } from '../support/client.js';
import { createFixtures, PASSWORD, type Fixtures } from '../support/fixtures.js';
import { createEmployerStaff, type EmployerStaff } from '../support/fair-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/platform.js';

const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

function jobBody(f: Fixtures, over: Record<string, unknown> = {}) {
  return {
    title: 'Java软件工程师',
    description: '负责后端服务开发，使用 Spring Boot 与 MySQL。',
    requirements: { skills: ['Java', 'Spring Boot'], preferredSkills: ['Docker'], degree: 'bachelor', majors: ['软件工程'], languages: [] },
    townId: f.towns.a,
    salaryMin: 8000,
    salaryMax: 12000,
    headcount: 3,
    deadline: future(30),
    ...over,
  };
}

describe('jobs: posting, review, search, applications and the pipeline', () => {
  let t: TestPlatform;
  let f: Fixtures;
  let staffB: EmployerStaff;
  const as = (login: string) => loginAs(t.url, login, PASSWORD);

  beforeAll(async () => {
    t = await startTestPlatform();
    f = await createFixtures(t.platform.ctx.db);
    staffB = await createEmployerStaff(t.platform.ctx.db, f.orgs.b, 1);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('sends an unverified employer’s job through review, and publishes a verified one’s at once', async () => {
    const recruiterA = await as(f.logins.recruiter);
    const created = await recruiterA.post('/api/v1/jobs', jobBody(f));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', employerVerified: false, requirementsVersion: 1, applicationCount: 0 });
    const id = created.body.id as string;

    // A draft is invisible to the public and to other employers.
    expect((await new ApiClient(t.url).get(`/api/v1/jobs/${id}`)).status).toBe(404);
    expect((await (await as(staffB.recruiterLogin)).get(`/api/v1/jobs/${id}`)).status).toBe(404);

    const submitted = await recruiterA.post(`/api/v1/jobs/${id}/status`, { action: 'submit' });
    expect(submitted.body.status).toBe('review');
    // Approving is an organiser's decision, not the employer's.
    expect((await recruiterA.post(`/api/v1/jobs/${id}/status`, { action: 'approve' })).status).toBe(403);

    const organiser = await as(f.logins.district_organiser);
    const queue = await organiser.get('/api/v1/jobs?status=review');
    expect(queue.body.items.map((j: { id: string }) => j.id)).toContain(id);
    const csv = await organiser.get('/api/v1/jobs.csv?status=review');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(String(csv.body)).toContain('Java软件工程师');

    const returned = await organiser.post(`/api/v1/jobs/${id}/status`, { action: 'return', note: '请补充岗位职责' });
    expect(returned.body).toMatchObject({ status: 'draft', reviewNote: '请补充岗位职责' });
    await recruiterA.post(`/api/v1/jobs/${id}/status`, { action: 'submit' });
    const approved = await organiser.post(`/api/v1/jobs/${id}/status`, { action: 'approve' });
    expect(approved.body).toMatchObject({ status: 'published', reviewNote: null });
    expect(approved.body.publishedAt).toEqual(expect.any(String));

    const recruiterB = await as(staffB.recruiterLogin);
    const verified = await recruiterB.post('/api/v1/jobs', jobBody(f, { title: 'Logistics Coordinator', description: 'Warehouse and transport planning.', townId: f.towns.b, requirements: { skills: ['物流管理', 'Excel'], degree: null, majors: [], preferredSkills: [], languages: ['english'] } }));
    const published = await recruiterB.post(`/api/v1/jobs/${verified.body.id}/status`, { action: 'submit' });
    expect(published.body.status).toBe('published');
    // Someone else's job cannot be changed even when it is public.
    expect((await recruiterA.patch(`/api/v1/jobs/${verified.body.id}`, { headcount: 9 })).status).toBe(403);
  });

  it('rejects bad job input with a clear code and stores nothing', async () => {
    const recruiterA = await as(f.logins.recruiter);
    const before = await recruiterA.get('/api/v1/jobs?scope=mine');
    const cases = [
      jobBody(f, { salaryMin: 9000, salaryMax: 5000 }),
      jobBody(f, { townId: '00000000-0000-4000-8000-000000000000' }),
      jobBody(f, { deadline: '2026-13-40' }),
      { ...jobBody(f), extra: true },
      jobBody(f, { requirements: { skills: ['Java'], degree: 'professor', majors: [] } }),
    ];
    for (const body of cases) {
      const res = await recruiterA.post('/api/v1/jobs', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    const graduate = await as(f.logins.graduate);
    expect((await graduate.post('/api/v1/jobs', jobBody(f))).status).toBe(403);
    const after = await recruiterA.get('/api/v1/jobs?scope=mine');
    expect(after.body.total).toBe(before.body.total);
  });

  it('finds jobs by Chinese and English words and by skill names in either language', async () => {
    const recruiterB = await as(staffB.recruiterLogin);
    const accounting = await recruiterB.post('/api/v1/jobs', jobBody(f, {
      title: 'Accountant',
      description: 'Bookkeeping, tax filing and monthly financial statements.',
      townId: f.towns.devZone,
      requirements: { skills: ['Accounting', 'Excel'], degree: 'bachelor', majors: ['Accounting'], preferredSkills: [], languages: [] },
    }));
    await recruiterB.post(`/api/v1/jobs/${accounting.body.id}/status`, { action: 'submit' });
    const anyone = new ApiClient(t.url);
    const titles = async (q: string) => (await anyone.get(`/api/v1/jobs?q=${encodeURIComponent(q)}`)).body.items.map((j: { title: string }) => j.title);
    expect(await titles('软件工程师')).toEqual(['Java软件工程师']);
    expect(await titles('java')).toEqual(['Java软件工程师']);
    expect(await titles('coordinator')).toEqual(['Logistics Coordinator']);
    // Employer B is a logistics company (上海乙物流有限公司): its accountant post is found too.
    expect((await titles('logistics')).sort()).toEqual(['Accountant', 'Logistics Coordinator']);
    expect(await titles('会计')).toEqual(['Accountant']);
    expect(await titles('accountant')).toEqual(['Accountant']);
    expect(await titles('焊工')).toEqual([]);
    const byTown = await anyone.get(`/api/v1/jobs?townId=${f.towns.devZone}`);
    expect(byTown.body.items.map((j: { title: string }) => j.title)).toEqual(['Accountant']);
    const bad = await anyone.get('/api/v1/jobs?pageSize=1000');
    expect(bad.status).toBe(400);
  });

  it('takes one application per graduate per job, lets them withdraw and apply again, and keeps the history', async () => {
    const anyone = new ApiClient(t.url);
    const job = (await anyone.get(`/api/v1/jobs?q=${encodeURIComponent('软件工程师')}`)).body.items[0];
    const graduate = await as(f.logins.graduate);
    const [first, second] = await Promise.all([
      graduate.post(`/api/v1/jobs/${job.id}/applications`, { coverNote: '期待加入' }),
      graduate.post(`/api/v1/jobs/${job.id}/applications`, { coverNote: '期待加入' }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    expect(first.body.id).toBe(second.body.id);
    expect(first.body).toMatchObject({ status: 'new', screeningState: 'waiting_resume', screening: null });
    const id = first.body.id as string;

    const withdrawn = await graduate.post(`/api/v1/applications/${id}/withdrawal`);
    expect(withdrawn.body.status).toBe('withdrawn');
    const again = await graduate.post(`/api/v1/jobs/${job.id}/applications`, {});
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ id, status: 'new' });

    const recruiterA = await as(f.logins.recruiter);
    const pipeline = await recruiterA.get(`/api/v1/jobs/${job.id}/applications`);
    expect(pipeline.body.items.map((a: { id: string }) => a.id)).toEqual([id]);
    const moved = await recruiterA.post(`/api/v1/applications/${id}/status`, { status: 'interview', note: '约面试' });
    expect(moved.body.status).toBe('interview');
    const detail = await recruiterA.get(`/api/v1/applications/${id}`);
    expect(detail.body.history.map((h: { toStatus: string }) => h.toStatus)).toEqual(['new', 'withdrawn', 'new', 'interview']);
    expect(detail.body.history.at(-1)).toMatchObject({ fromStatus: 'new', note: '约面试', actorName: 'recruiter' });

    // The graduate's caseworker (town A) follows the file; another employer sees nothing.
    expect((await (await as(f.logins.caseworker)).get(`/api/v1/applications/${id}`)).status).toBe(200);
    const recruiterB = await as(staffB.recruiterLogin);
    expect((await recruiterB.get(`/api/v1/applications/${id}`)).status).toBe(404);
    expect((await recruiterB.get(`/api/v1/jobs/${job.id}/applications`)).status).toBe(403);
    expect((await recruiterB.post(`/api/v1/applications/${id}/status`, { status: 'rejected' })).status).toBe(404);
    const bulk = await recruiterB.post('/api/v1/applications/bulk-status', { ids: [id], status: 'rejected' });
    expect(bulk.body).toEqual({ moved: [], skipped: [{ id, reason: 'not found' }] });
    // Only the graduate withdraws; the pipeline has no 'withdrawn' stage to move to.
    expect((await recruiterA.post(`/api/v1/applications/${id}/status`, { status: 'withdrawn' })).status).toBe(400);

    const csv = await recruiterA.get(`/api/v1/jobs/${job.id}/applications.csv`);
    expect(String(csv.body)).toContain('李明');
  });

  it('moves many applications at once and says why the others were skipped', async () => {
    const recruiterA = await as(f.logins.recruiter);
    const jobs = await recruiterA.get('/api/v1/jobs?scope=mine&status=published');
    const jobId = jobs.body.items[0].id as string;
    const apps = (await recruiterA.get(`/api/v1/jobs/${jobId}/applications`)).body.items;
    const res = await recruiterA.post('/api/v1/applications/bulk-status', { ids: [apps[0].id, '00000000-0000-4000-8000-000000000001'], status: 'interview' });
    expect(res.body.moved).toEqual([]);
    expect(res.body.skipped).toEqual([
      { id: apps[0].id, reason: 'already interview' },
      { id: '00000000-0000-4000-8000-000000000001', reason: 'not found' },
    ]);
    const offer = await recruiterA.post('/api/v1/applications/bulk-status', { ids: [apps[0].id], status: 'offer', note: '发放录用通知' });
    expect(offer.body.moved).toEqual([apps[0].id]);
  });

  it('lets only the graduate decide whether employers may find them', async () => {
    const graduate = await as(f.logins.graduate);
    const on = await graduate.patch(`/api/v1/graduates/${f.graduates.a}`, { discoverable: true });
    expect(on.body.discoverable).toBe(true);
    const caseworker = await as(f.logins.caseworker);
    const refused = await caseworker.patch(`/api/v1/graduates/${f.graduates.a}`, { discoverable: false });
    expect(refused.status).toBe(403);
  });

  it('shows queue health to organisers only', async () => {
    const organiser = await as(f.logins.district_organiser);
    const health = await organiser.get('/api/v1/system/queues');
    expect(health.status).toBe(200);
    expect(health.body.queues.map((q: { name: string }) => q.name)).toEqual(['notifications', 'resumes', 'screening', 'esign', 'results', 'office']);
    expect((await (await as(f.logins.recruiter)).get('/api/v1/system/queues')).status).toBe(403);
  });
});
