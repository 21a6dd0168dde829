import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_NAMES, signOfferJobId } from '@yunpin/shared';
import { loginAs, type ApiClient } from '../support/client.js';
import { waitFor } from '../support/wait.js';
import { createFixtures, PASSWORD, type Fixtures } from '../support/fixtures.js';
import { insertTestApplication, insertTestJob } from '../support/job-fixtures.js';
import { TEST_REDIS_URL } from '../support/env.js';
import { startTestPlatform, type TestPlatform } from '../support/platform.js';
import { startTestWorkers } from '../support/workers.js';
import { appendIncrementalUpdate, latestCode, offerTerms, uploadPdf } from '../support/offer-fixtures.js';
import type { RunningWorkers } from '../../workers/src/run-workers.js';
import { recordCaseActivity } from '../../server/src/domain/cases/activity.js';

describe('offers: drafting, sending, signing with one-time codes, countersigning, verification', () => {
  let t: TestPlatform;
  let f: Fixtures;
  let workers: RunningWorkers;
  let esign: Queue;
  let recruiter: ApiClient;
  let admin: ApiClient;
  let graduate: ApiClient;
  let otherEmployer: ApiClient;
  let caseworker: ApiClient;
  let jobId: string;
  const as = (login: string) => loginAs(t.url, login, PASSWORD);

  /** A fresh application at the interview stage for graduate A (one application per job, so a new job each time). */
  async function interviewStage(): Promise<string> {
    const job = await insertTestJob(t.platform.ctx.db, { organisationId: f.orgs.a, townId: f.towns.a, title: 'Java 开发工程师' });
    const applicationId = await insertTestApplication(t.platform.ctx.db, job, f.graduates.a);
    await t.platform.ctx.db.updateTable('applications').set({ status: 'interview' }).where('id', '=', applicationId).execute();
    return applicationId;
  }
  async function sentOffer(): Promise<{ id: string; applicationId: string }> {
    const applicationId = await interviewStage();
    const draft = await recruiter.post('/api/v1/offers', offerTerms(applicationId));
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const sent = await recruiter.post(`/api/v1/offers/${draft.body.id}/send`, {});
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    return { id: draft.body.id as string, applicationId };
  }
  const offerOf = async (client: ApiClient, id: string) => (await client.get(`/api/v1/offers/${id}`)).body;
  const statusOf = async (id: string) => (await offerOf(recruiter, id)).status as string;

  beforeAll(async () => {
    t = await startTestPlatform();
    f = await createFixtures(t.platform.ctx.db);
    workers = startTestWorkers(t);
    esign = new Queue(QUEUE_NAMES.esign, { connection: { url: TEST_REDIS_URL }, prefix: t.redisPrefix });
    jobId = await insertTestJob(t.platform.ctx.db, { organisationId: f.orgs.a, townId: f.towns.a, title: 'Java 开发工程师' });
    [recruiter, admin, graduate, otherEmployer, caseworker] = await Promise.all([
      as(f.logins.recruiter),
      as(f.logins.employer_admin),
      as(f.logins.graduate),
      // employer B's staff: make one
      (async () => {
        const { createEmployerStaff } = await import('../support/fair-fixtures.js');
        const staff = await createEmployerStaff(t.platform.ctx.db, f.orgs.b, 1);
        return as(staff.recruiterLogin);
      })(),
      as(f.logins.caseworker),
    ]);
  });
  afterAll(async () => {
    await esign?.close();
    await workers?.close();
    await t?.close();
  });

  it('drafts from a template, previews, refuses bad terms, and sends version 1 with its hash', async () => {
    const template = await admin.post('/api/v1/employer/offer-templates', { name: '校招标准', probationMonths: 3, conditions: '缴纳五险一金；双休。', validDays: 7 });
    expect(template.status).toBe(201);
    const applicationId = await interviewStage();
    const { conditions: _unused, ...terms } = offerTerms(applicationId);
    const draft = await recruiter.post('/api/v1/offers', { ...terms, templateId: template.body.id });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    expect(draft.body).toMatchObject({ status: 'draft', conditions: '缴纳五险一金；双休。', latestSha256: null });
    expect(draft.body.reference).toMatch(/^OFR-\d{4}-\d{6}$/);
    // One offer in progress per application.
    expect((await recruiter.post('/api/v1/offers', offerTerms(applicationId))).status).toBe(409);
    // The graduate does not see drafts.
    expect((await graduate.get(`/api/v1/offers/${draft.body.id}`)).status).toBe(404);

    const preview = await recruiter.request('GET', `/api/v1/offers/${draft.body.id}/preview.pdf`);
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-type')).toBe('application/pdf');

    const edited = await recruiter.request('PATCH', `/api/v1/offers/${draft.body.id}`, { salaryMonthlyYuan: 9500 });
    expect(edited.body.salaryMonthlyYuan).toBe(9500);
    const sent = await recruiter.post(`/api/v1/offers/${draft.body.id}/send`, {});
    expect(sent.body.status).toBe('sent');
    expect(sent.body.versions).toEqual([expect.objectContaining({ version: 1, kind: 'rendered', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })]);
    expect(sent.body.events.map((e: { action: string }) => e.action)).toEqual(['offer.drafted', 'offer.edited', 'offer.sent']);
    // Sent means fixed: no edits, no second send.
    expect((await recruiter.request('PATCH', `/api/v1/offers/${draft.body.id}`, { salaryMonthlyYuan: 1 })).status).toBe(409);
    expect((await recruiter.post(`/api/v1/offers/${draft.body.id}/send`, {})).status).toBe(409);

    const application = (await recruiter.get(`/api/v1/applications/${applicationId}`)).body;
    expect(application.status).toBe('offer');
    const doc = await graduate.request('GET', `/api/v1/offers/${draft.body.id}/document.pdf`);
    expect(doc.status).toBe(200);
    expect(doc.headers.get('x-content-sha256')).toBe(sent.body.versions[0].sha256);
    const notice = await waitFor(async () => ((await graduate.get('/api/v1/account/notifications')).body.items as { subject: string }[]).find((m) => m.subject.includes('录用通知')), 'offer notice');
    expect(notice).toBeTruthy();

    // Bad input: changes nothing.
    for (const body of [
      { ...offerTerms(applicationId), salaryMonthlyYuan: -1 },
      { ...offerTerms(applicationId), startDate: '2026-13-40' },
      { ...offerTerms(applicationId), expiresAt: new Date(Date.now() - 60_000).toISOString() },
      { ...offerTerms(applicationId), extra: 1 },
    ]) {
      const res = await recruiter.post('/api/v1/offers', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    // An application not at the interview stage.
    const fresh = await insertTestApplication(t.platform.ctx.db, jobId, f.graduates.b);
    expect((await recruiter.post('/api/v1/offers', offerTerms(fresh))).status).toBe(409);
  });

  it('only that graduate signs, only that employer countersigns, and other parties cannot see it', async () => {
    const { id } = await sentOffer();
    expect((await otherEmployer.get(`/api/v1/offers/${id}`)).status).toBe(404);
    expect((await otherEmployer.post(`/api/v1/offers/${id}/accept/code`, {})).status).toBe(404);
    expect((await otherEmployer.post(`/api/v1/offers/${id}/revoke`, { reason: '不是我们的' })).status).toBe(404);
    expect((await recruiter.post(`/api/v1/offers/${id}/accept/code`, {})).status).toBe(403);
    expect((await recruiter.post(`/api/v1/offers/${id}/accept`, { code: '123456' })).status).toBe(403);
    expect((await graduate.post(`/api/v1/offers/${id}/countersign/code`, {})).status).toBe(403);
    expect((await graduate.post(`/api/v1/offers/${id}/revoke`, { reason: '我撤回' })).status).toBe(403);
    // Countersigning before the graduate signed.
    expect((await recruiter.post(`/api/v1/offers/${id}/countersign/code`, {})).status).toBe(409);
    // The town's caseworker reads it (the graduate's file is in town A) but signs nothing.
    expect((await caseworker.get(`/api/v1/offers/${id}`)).status).toBe(200);
    expect((await caseworker.post(`/api/v1/offers/${id}/accept/code`, {})).status).toBe(403);
    expect(await statusOf(id)).toBe('sent');
  });

  it('locks signing for the graduate after five wrong codes, even for the right code afterwards', async () => {
    const { id } = await sentOffer();
    const sent = await graduate.post(`/api/v1/offers/${id}/accept/code`, {});
    expect(sent.status).toBe(200);
    expect(sent.body.resendAfterSeconds).toBe(60);
    // A second code within the minute is refused.
    expect((await graduate.post(`/api/v1/offers/${id}/accept/code`, {})).status).toBe(429);
    const code = await latestCode(graduate, id);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 1; i <= 4; i += 1) {
      const res = await graduate.post(`/api/v1/offers/${id}/accept`, { code: wrong });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'otp_invalid', details: { triesLeft: 5 - i } });
    }
    const fifth = await graduate.post(`/api/v1/offers/${id}/accept`, { code: wrong });
    expect(fifth.status).toBe(423);
    expect(fifth.body.error.code).toBe('locked');
    const right = await graduate.post(`/api/v1/offers/${id}/accept`, { code });
    expect(right.status).toBe(423);
    const offer = await offerOf(graduate, id);
    expect(offer).toMatchObject({ status: 'sent', lockedForMe: true, can: { accept: false } });
    expect(offer.events.filter((e: { action: string }) => e.action === 'offer.otp_failed')).toHaveLength(4);
    expect(offer.events.at(-1).action).toBe('offer.locked');
    expect(await esign.getJob(signOfferJobId(id, 'graduate', 1))).toBeUndefined();
    // A malformed code is a validation error and does not count.
    expect((await graduate.post(`/api/v1/offers/${id}/accept`, { code: '12ab' })).status).toBe(400);
  });

  it('refuses to sign an expired offer and lists it as expired', async () => {
    const { id } = await sentOffer();
    expect((await graduate.post(`/api/v1/offers/${id}/accept/code`, {})).status).toBe(200);
    const code = await latestCode(graduate, id);
    // The expiry passes while the graduate holds a valid code.
    await t.platform.ctx.db.updateTable('offers').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', id).execute();
    expect((await offerOf(graduate, id)).status).toBe('expired');
    const res = await graduate.post(`/api/v1/offers/${id}/accept`, { code });
    expect(res.status).toBe(410);
    expect(res.body.error.code).toBe('expired');
    const listed = (await recruiter.get('/api/v1/offers?status=expired')).body.items.map((o: { id: string }) => o.id);
    expect(listed).toContain(id);
    expect((await recruiter.get('/api/v1/offers?status=sent')).body.items.map((o: { id: string }) => o.id)).not.toContain(id);
    expect((await graduate.post(`/api/v1/offers/${id}/decline`, {})).status).toBe(410);
    expect((await graduate.post(`/api/v1/offers/${id}/accept/code`, {})).status).toBe(410);
  });

  it('revokes single and in bulk; a revoked offer cannot be signed', async () => {
    const { id } = await sentOffer();
    await graduate.post(`/api/v1/offers/${id}/accept/code`, {});
    const code = await latestCode(graduate, id);
    expect((await recruiter.post(`/api/v1/offers/${id}/revoke`, { reason: 'x' })).status).toBe(400);
    const revoked = await recruiter.post(`/api/v1/offers/${id}/revoke`, { reason: '岗位调整' });
    expect(revoked.body).toMatchObject({ status: 'revoked', revokeReason: '岗位调整' });
    expect((await graduate.post(`/api/v1/offers/${id}/accept`, { code })).status).toBe(409);

    // Bulk: two drafts sent at once; then revoke them and a stranger's id together.
    const drafts: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const applicationId = await interviewStage();
      drafts.push((await recruiter.post('/api/v1/offers', offerTerms(applicationId))).body.id as string);
    }
    const bulkSent = await recruiter.post('/api/v1/offers/bulk-send', { ids: [...drafts, id] });
    expect(bulkSent.body.done.sort()).toEqual([...drafts].sort());
    expect(bulkSent.body.skipped).toEqual([{ id, reason: expect.stringContaining('revoked') }]);
    const stranger = '00000000-0000-4000-8000-000000000000';
    const bulkRevoked = await recruiter.post('/api/v1/offers/bulk-revoke', { ids: [...drafts, stranger], reason: '招聘计划取消' });
    expect(bulkRevoked.body.done.sort()).toEqual([...drafts].sort());
    expect(bulkRevoked.body.skipped).toEqual([{ id: stranger, reason: expect.any(String) }]);
    for (const d of drafts) expect(await statusOf(d)).toBe('revoked');
    // Another employer's bulk action touches nothing of ours.
    const theirs = await otherEmployer.post('/api/v1/offers/bulk-revoke', { ids: [drafts[0]], reason: '试图撤回' });
    expect(theirs.body.done).toEqual([]);

    const csv = await recruiter.request('GET', '/api/v1/offers.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
  });

  it('a double-submitted accept queues one job; both sides sign; the sealed PDF verifies and tampering is caught', async () => {
    const { id, applicationId } = await sentOffer();
    await graduate.post(`/api/v1/offers/${id}/accept/code`, {});
    const code = await latestCode(graduate, id);
    const [a, b] = await Promise.all([graduate.post(`/api/v1/offers/${id}/accept`, { code }), graduate.post(`/api/v1/offers/${id}/accept`, { code })]);
    expect([a.status, b.status]).toEqual([202, 202]);
    expect((await esign.getJobs(['waiting', 'active', 'completed', 'delayed'])).filter((j) => j.data.offerId === id)).toHaveLength(1);

    await waitFor(async () => ((await statusOf(id)) === 'accepted' ? true : undefined), 'graduate signature');
    const accepted = await offerOf(recruiter, id);
    expect(accepted.signatures).toEqual([expect.objectContaining({ role: 'graduate', otpVerified: true, documentSha256: accepted.versions[0].sha256 })]);
    expect(accepted.versions.map((v: { kind: string }) => v.kind)).toEqual(['rendered', 'graduate_signed']);

    await admin.post(`/api/v1/offers/${id}/countersign/code`, {});
    const employerCode = await latestCode(admin, id);
    const countersigned = await admin.post(`/api/v1/offers/${id}/countersign`, { code: employerCode });
    expect(countersigned.status).toBe(202);
    await waitFor(async () => ((await statusOf(id)) === 'completed' ? true : undefined), 'countersignature and seal');

    const done = await offerOf(graduate, id);
    expect(done.versions.map((v: { kind: string }) => v.kind)).toEqual(['rendered', 'graduate_signed', 'employer_signed', 'audit_page', 'sealed']);
    expect(done.signatures.map((s: { role: string }) => s.role).sort()).toEqual(['employer', 'graduate', 'platform']);
    expect((await recruiter.get(`/api/v1/applications/${applicationId}`)).body.status).toBe('hired');
    const file = await t.platform.ctx.db.selectFrom('graduate_profiles').select('employment_status').where('id', '=', f.graduates.a).executeTakeFirstOrThrow();
    expect(file.employment_status).toBe('employed');
    // The case file: "placed" crossed automatically from this offer, once however often its completion is recorded.
    const placed = async () => {
      const caseFile = (await caseworker.get(`/api/v1/cases/${f.graduates.a}`)).body as { checklist: { item: { id: string; key: string | null }; isCrossed: boolean; isAutomatic: boolean; source: string | null }[]; history: { itemId: string; action: string; source: string | null }[] };
      const entry = caseFile.checklist.find((c) => c.item.key === 'placed')!;
      return { entry, crossings: caseFile.history.filter((e) => e.itemId === entry.item.id && e.action === 'crossed') };
    };
    expect((await placed()).entry).toMatchObject({ isCrossed: true, isAutomatic: true, source: `offer:${id}` });
    await recordCaseActivity(t.platform.ctx.db, { applicationId }, { kind: 'offer_completed', refId: id, summary: '重试 retried', at: new Date() });
    expect((await placed()).crossings).toEqual([expect.objectContaining({ source: `offer:${id}` })]);

    const verified = (await graduate.get(`/api/v1/offers/${id}/verify`)).body;
    expect(verified).toMatchObject({ verdict: 'valid', allValid: true, sealed: true, modifiedAfterLastSignature: false, auditChainValid: true });
    expect(verified.signatures).toHaveLength(3);
    expect(verified.knownVersion).toMatchObject({ kind: 'sealed', latest: true });

    // The public page: the downloaded file is valid; one flipped byte or an appended update is not.
    const pdf = Buffer.from(await (await fetch(`${t.url}/api/v1/offers/${id}/document.pdf`, { headers: { cookie: graduate.cookie ?? '' } })).arrayBuffer());
    expect((await uploadPdf(t.url, pdf)).body).toMatchObject({ verdict: 'valid', sealed: true });
    const flipped = Buffer.from(pdf);
    const at = Math.floor(flipped.length / 3);
    flipped[at] = flipped[at]! ^ 0x01;
    const tampered = (await uploadPdf(t.url, flipped)).body;
    expect(tampered.verdict).toBe('invalid');
    expect(tampered.knownVersion).toBeNull();
    const appended = (await uploadPdf(t.url, appendIncrementalUpdate(pdf))).body;
    expect(appended).toMatchObject({ verdict: 'invalid', modifiedAfterLastSignature: true });
    // By hash: known, and an unknown one says so.
    expect((await fetch(`${t.url}/api/v1/verify/${done.latestSha256}`).then((r) => r.json() as Promise<{ verdict: string }>)).verdict).toBe('valid');
    expect((await fetch(`${t.url}/api/v1/verify/${'0'.repeat(64)}`).then((r) => r.json() as Promise<{ verdict: string }>)).verdict).toBe('unknown');
    expect((await fetch(`${t.url}/api/v1/verify/not-a-hash`)).status).toBe(400);

    // The trail is append-only.
    await expect(t.platform.ctx.db.deleteFrom('offer_events').where('offer_id', '=', id).execute()).rejects.toThrow(/append-only/);
  });
});
