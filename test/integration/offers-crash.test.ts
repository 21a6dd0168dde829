import type { ChildProcess } from 'node:child_process';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_NAMES, offerSignedJobId } from '@yunpin/shared';
import { loginAs } from '../support/client.js';
import { waitFor } from '../support/wait.js';
import { createFixtures, PASSWORD, type Fixtures } from '../support/fixtures.js';
import { insertTestApplication, insertTestJob } from '../support/job-fixtures.js';
import { TEST_REDIS_URL } from '../support/env.js';
import { startTestPlatform, type TestPlatform } from '../support/platform.js';
import { killProcess, startTestWorkers, startWorkerProcess } from '../support/workers.js';
import { latestCode, offerTerms } from '../support/offer-fixtures.js';
import type { RunningWorkers } from '../../workers/src/run-workers.js';

const LOCK_MS = 2000;

describe('offers: the e-sign worker killed between signing and recording', () => {
  let t: TestPlatform;
  let f: Fixtures;
  let messages: RunningWorkers;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    t = await startTestPlatform();
    f = await createFixtures(t.platform.ctx.db);
    // Messages (the one-time codes) in this process; signing in separate worker processes below.
    messages = startTestWorkers(t);
    await messages.workers.find((w) => w.name === QUEUE_NAMES.esign)!.close();
  });
  afterAll(async () => {
    for (const c of children) await killProcess(c);
    await messages?.close();
    await t?.close();
  });

  // Four worker processes start one after another: slow on a loaded machine.
  it('ends with exactly one signature per signer, and the rerun writes the same bytes', { timeout: 180_000 }, async () => {
    const db = t.platform.ctx.db;
    const jobId = await insertTestJob(db, { organisationId: f.orgs.a, townId: f.towns.a, title: '数据分析师' });
    const applicationId = await insertTestApplication(db, jobId, f.graduates.a);
    await db.updateTable('applications').set({ status: 'interview' }).where('id', '=', applicationId).execute();
    const recruiter = await loginAs(t.url, f.logins.recruiter, PASSWORD);
    const graduate = await loginAs(t.url, f.logins.graduate, PASSWORD);
    const id = (await recruiter.post('/api/v1/offers', offerTerms(applicationId))).body.id as string;
    await recruiter.post(`/api/v1/offers/${id}/send`, {});
    await graduate.post(`/api/v1/offers/${id}/accept/code`, {});
    const code = await latestCode(graduate, id);

    // A worker that pauses after storing the signed version and before posting the result.
    let logged = '';
    const first = await startWorkerProcess(t, { WORKER_LOCK_MS: String(LOCK_MS), YP_ESIGN_PAUSE_MS: '60000' }, (text) => (logged += text));
    children.push(first);
    expect((await graduate.post(`/api/v1/offers/${id}/accept`, { code })).status).toBe(202);
    await waitFor(async () => (logged.includes('offer signed, recording') ? true : undefined), 'the signature to be made');
    const firstSha = /"versions":\["([0-9a-f]{64})"\]/.exec(logged)?.[1];
    expect(firstSha).toBeDefined();
    await killProcess(first);
    const results = new Queue(QUEUE_NAMES.results, { connection: { url: TEST_REDIS_URL }, prefix: t.redisPrefix });
    try {
      expect(await results.getJob(offerSignedJobId(id, 'graduate', 1))).toBeUndefined();
      expect((await recruiter.get(`/api/v1/offers/${id}`)).body.status).toBe('graduate_signing');

      // Another worker finds the job stalled and runs it again.
      const second = await startWorkerProcess(t, { WORKER_LOCK_MS: String(LOCK_MS) });
      children.push(second);
      await waitFor(async () => ((await recruiter.get(`/api/v1/offers/${id}`)).body.status === 'accepted' ? true : undefined), 'the signature to be recorded', 60_000);
      const signatures = await db.selectFrom('offer_signatures').selectAll().where('offer_id', '=', id).execute();
      expect(signatures).toHaveLength(1);
      expect(signatures[0]).toMatchObject({ role: 'graduate', result_sha256: firstSha });
      const versions = await db.selectFrom('offer_versions').select(['version', 'kind', 'sha256']).where('offer_id', '=', id).orderBy('version').execute();
      expect(versions.map((v) => v.kind)).toEqual(['rendered', 'graduate_signed']);
      expect(versions[1]!.sha256).toBe(firstSha);

      // The countersignature, killed the same way, then finished by the other worker: one each, sealed.
      await killProcess(second);
      logged = '';
      const third = await startWorkerProcess(t, { WORKER_LOCK_MS: String(LOCK_MS), YP_ESIGN_PAUSE_MS: '60000' }, (text) => (logged += text));
      children.push(third);
      await recruiter.post(`/api/v1/offers/${id}/countersign/code`, {});
      const employerCode = await latestCode(recruiter, id);
      expect((await recruiter.post(`/api/v1/offers/${id}/countersign`, { code: employerCode })).status).toBe(202);
      await waitFor(async () => (logged.includes('offer signed, recording') ? true : undefined), 'the countersignature to be made');
      await killProcess(third);
      const fourth = await startWorkerProcess(t, { WORKER_LOCK_MS: String(LOCK_MS) });
      children.push(fourth);
      await waitFor(async () => ((await recruiter.get(`/api/v1/offers/${id}`)).body.status === 'completed' ? true : undefined), 'the offer to complete', 60_000);
      const all = await db.selectFrom('offer_signatures').select(['role']).where('offer_id', '=', id).execute();
      expect(all.map((s) => s.role).sort()).toEqual(['employer', 'graduate', 'platform']);
      expect((await graduate.get(`/api/v1/offers/${id}/verify`)).body).toMatchObject({ verdict: 'valid', sealed: true });
    } finally {
      await results.close();
    }
  });
});
