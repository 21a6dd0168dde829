import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeNationalId } from '@yunpin/shared';
import { ApiClient, loginAs } from '../support/client.js';
import { TEST_REDIS_URL } from '../support/env.js';
import { createFixtures, PASSWORD, type Fixtures } from '../support/fixtures.js';
import { insertTestApplication, insertTestJob, insertTestResume } from '../support/job-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/platform.js';
import { uploadFile } from '../support/uploads.js';
import { DEMO_RESUME_ZH, makeResumeDocx } from '../support/resume-fixtures.js';
import { makeRegistryCsv, registryRow, uploadRegistry } from '../support/registry-fixtures.js';
import { insertDueFollowUp } from '../support/placement-fixtures.js';

/** The canary: a national ID that must never appear in logs, jobs or responses to those who may not see it. */
const CANARY_ID = makeNationalId('310117', '20040229', 777);
const IMPORTED_ID = makeNationalId('310117', '20031111', 778);

/** Every value stored under the test's Redis prefix: BullMQ job data, events, and anything else. */
async function redisDump(prefix: string): Promise<{ keys: string[]; text: string }> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== '0');
    const parts: string[] = [];
    for (const key of keys) {
      const type = await redis.type(key);
      if (type === 'string') parts.push((await redis.get(key)) ?? '');
      else if (type === 'hash') parts.push(JSON.stringify(await redis.hgetall(key)));
      else if (type === 'list') parts.push(JSON.stringify(await redis.lrange(key, 0, -1)));
      else if (type === 'set') parts.push(JSON.stringify(await redis.smembers(key)));
      else if (type === 'zset') parts.push(JSON.stringify(await redis.zrange(key, 0, -1)));
      else if (type === 'stream') parts.push(JSON.stringify(await redis.xrange(key, '-', '+')));
    }
    return { keys, text: parts.join('\n') };
  } finally {
    redis.disconnect();
  }
}

describe('registry privacy', () => {
  let t: TestPlatform;
  let f: Fixtures;
  let caseworker: ApiClient;
  let admin: ApiClient;
  const audit = (action: string) => t.platform.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();

  beforeAll(async () => {
    t = await startTestPlatform({ captureLogs: true });
    f = await createFixtures(t.platform.ctx.db);
    caseworker = await loginAs(t.url, f.logins.caseworker, PASSWORD);
    admin = await loginAs(t.url, f.logins.admin, PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('stores the national ID sealed, shows it masked, and reveals it only to the town’s caseworker or an admin, audited', async () => {
    const set = await caseworker.put(`/api/v1/registry/graduates/${f.graduates.a}/national-id`, { nationalId: CANARY_ID.toLowerCase() });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    const masked = `${CANARY_ID.slice(0, 4)}**********${CANARY_ID.slice(-4)}`;
    expect(set.body).toEqual({ nationalIdMasked: masked });
    const row = await t.platform.ctx.db.selectFrom('graduate_profiles').selectAll().where('id', '=', f.graduates.a).executeTakeFirstOrThrow();
    expect(row.national_id_sealed).not.toContain(CANARY_ID);
    expect(row.national_id_sealed).not.toContain(CANARY_ID.slice(6, 14));
    expect(row.national_id_hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await caseworker.get(`/api/v1/graduates/${f.graduates.a}`)).body.nationalIdMasked).toBe(masked);

    const bad = await caseworker.put(`/api/v1/registry/graduates/${f.graduates.a}/national-id`, { nationalId: CANARY_ID.slice(0, 17) + (CANARY_ID[17] === '1' ? '2' : '1') });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('校验位');
    const taken = await admin.put(`/api/v1/registry/graduates/${f.graduates.b}/national-id`, { nationalId: CANARY_ID });
    expect(taken.status).toBe(409);

    const revealed = await caseworker.post(`/api/v1/registry/graduates/${f.graduates.a}/national-id/reveal`);
    expect(revealed.body).toEqual({ nationalId: CANARY_ID });
    const entries = await audit('graduate.national_id_revealed');
    expect(entries).toEqual([expect.objectContaining({ actor_id: f.userIds.caseworker, entity_id: f.graduates.a })]);
    expect(JSON.stringify(entries)).not.toContain(CANARY_ID);
    for (const role of ['graduate', 'regional_organiser', 'district_organiser'] as const) {
      const other = await loginAs(t.url, f.logins[role], PASSWORD);
      expect((await other.post(`/api/v1/registry/graduates/${f.graduates.a}/national-id/reveal`)).status).toBe(403);
    }
    expect((await (await loginAs(t.url, f.logins.recruiter, PASSWORD)).post(`/api/v1/registry/graduates/${f.graduates.a}/national-id/reveal`)).status).toBe(404);
    expect(await audit('graduate.national_id_revealed')).toHaveLength(1);
  });

  it('records hardship only with a consent, logs every read, and withdraws consents when cleared', async () => {
    const noConsent = await admin.patch(`/api/v1/graduates/${f.graduates.b}`, { isHardship: true });
    expect(noConsent.status).toBe(409);
    const before = (await audit('graduate.hardship_read')).length;
    const recorded = await caseworker.post(`/api/v1/registry/graduates/${f.graduates.a}/hardship`, { isHardship: true, givenBy: '李明（本人）', basis: 'written_form', consentedAt: '2026-03-01T09:00:00+08:00', note: '低保家庭证明已核验' });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    expect(recorded.body).toMatchObject({ isHardship: true, consents: [{ givenBy: '李明（本人）', basis: 'written_form', recordedBy: f.userIds.caseworker, withdrawnAt: null }] });
    const read = await caseworker.get(`/api/v1/registry/graduates/${f.graduates.a}/hardship`);
    expect(read.body.consents).toHaveLength(1);
    await caseworker.get(`/api/v1/graduates/${f.graduates.a}`);
    await caseworker.get('/api/v1/graduates');
    const reads = await audit('graduate.hardship_read');
    expect(reads.length - before).toBe(3);
    expect(reads.at(-1)!.detail).toEqual({ graduateIds: [f.graduates.a] });
    const organiser = await loginAs(t.url, f.logins.regional_organiser, PASSWORD);
    // Organisers may not see the record at all, so to them it is not there.
    expect((await organiser.post(`/api/v1/registry/graduates/${f.graduates.a}/hardship`, { isHardship: false })).status).toBe(404);
    expect((await caseworker.get(`/api/v1/registry/graduates/${f.graduates.b}/hardship`)).status).toBe(404);
    const cleared = await admin.post(`/api/v1/registry/graduates/${f.graduates.b}/hardship`, { isHardship: false });
    expect(cleared.body).toEqual({ isHardship: false, consents: [] });
  });

  it('shows a named person\'s hardship to caseworkers and admins only, logging each read; organisers see counts only', async () => {
    const organiser = await loginAs(t.url, f.logins.district_organiser, PASSWORD);
    // Organisers: no flag on a file or in the caseload, no hardship filter, no consent record, no low-income list.
    const file = await organiser.get(`/api/v1/graduates/${f.graduates.a}`);
    expect(file.status).toBe(200);
    expect(file.body).not.toHaveProperty('isHardship');
    const load = await organiser.get('/api/v1/caseload');
    expect(load.status).toBe(200);
    expect(JSON.stringify(load.body)).not.toContain('isHardship');
    expect((await organiser.get('/api/v1/caseload?priority=hardship')).status).toBe(403);
    expect((await organiser.get(`/api/v1/registry/graduates/${f.graduates.a}/hardship`)).status).toBe(404);
    const board = await organiser.get('/api/v1/dashboard/goals');
    expect(board.body.lowIncomeListable).toBe(false);
    expect(board.body.scope.lowIncome.employment.total).toBeGreaterThanOrEqual(1);
    const list = await organiser.get('/api/v1/dashboard/goals/employment/graduates?state=pending&group=low_income');
    expect(list.status).toBe(403);
    expect(list.body.error.code).toBe('forbidden');

    // Caseworkers: the caseload, the case file and the low-income list show it, and each read is logged with whose.
    const reads = async () => (await audit('graduate.hardship_read')).filter((r) => r.actor_id === f.userIds.caseworker);
    const before = (await reads()).length;
    const caseload = await caseworker.get('/api/v1/caseload');
    expect(caseload.body.items.find((i: { id: string }) => i.id === f.graduates.a).isHardship).toBe(true);
    const caseFile = await caseworker.get(`/api/v1/cases/${f.graduates.a}`);
    expect(caseFile.body.graduate.isHardship).toBe(true);
    expect((await caseworker.get('/api/v1/dashboard/goals')).body.lowIncomeListable).toBe(true);
    const lowIncome = await caseworker.get('/api/v1/dashboard/goals/employment/graduates?state=pending&group=low_income');
    expect(lowIncome.status).toBe(200);
    const logged = (await reads()).slice(before);
    expect(logged).toHaveLength(3);
    expect(logged.map((r) => r.detail as { graduateIds: string[] }).every((d) => d.graduateIds.includes(f.graduates.a))).toBe(true);
    expect(new Set(logged.flatMap((r) => (r.detail as { graduateIds: string[] }).graduateIds))).toEqual(new Set([...caseload.body.items.map((i: { id: string }) => i.id), ...lowIncome.body.items.map((i: { graduateId: string }) => i.graduateId)]));
  });

  it('keeps the national ID and hardship out of logs, job payloads and answers to those who may not see them', async () => {
    // Work that reaches the logs and the queues: an import with a bad and a good row, a resume upload, failed reads.
    const rows = [registryRow(1, { nationalId: IMPORTED_ID }), registryRow(2, { nationalId: IMPORTED_ID.slice(0, 16) })];
    await uploadRegistry(admin, makeRegistryCsv(rows, { hasBom: true }), 'canary.csv', 'commit');
    await uploadRegistry(admin, makeRegistryCsv(rows.slice(0, 1), { hasBom: true }), 'canary.csv', 'commit');
    const graduate = await loginAs(t.url, f.logins.graduate, PASSWORD);
    expect((await uploadFile(graduate, '/api/v1/me/resumes', await makeResumeDocx(DEMO_RESUME_ZH), 'resume.docx')).status).toBe(201);
    await caseworker.put(`/api/v1/registry/graduates/${f.graduates.a}/national-id`, { nationalId: 'not-an-id' });

    const own = await graduate.get(`/api/v1/graduates/${f.graduates.a}`);
    expect(own.status).toBe(200);
    expect(own.body).not.toHaveProperty('isHardship');
    expect(JSON.stringify(own.body)).not.toContain(CANARY_ID);
    const refusals: { client: ApiClient; path: string }[] = [];
    for (const role of ['recruiter', 'employer_admin'] as const) {
      const employer = await loginAs(t.url, f.logins[role], PASSWORD);
      for (const path of [`/graduates/${f.graduates.a}`, '/graduates', '/registry/census', `/registry/graduates/${f.graduates.a}/hardship`, '/registry/census.csv']) refusals.push({ client: employer, path });
    }
    refusals.push({ client: graduate, path: `/registry/graduates/${f.graduates.a}/hardship` });
    refusals.push({ client: graduate, path: '/registry/census' });
    refusals.push({ client: new ApiClient(t.url), path: `/graduates/${f.graduates.a}` });
    for (const { client, path } of refusals) {
      const res = await client.get(`/api/v1${path}`);
      expect([401, 404], path).toContain(res.status);
      expect(JSON.stringify(res.body)).not.toContain(CANARY_ID.slice(-4));
    }
    // The caseworker of town A does not see town B's files at all.
    await admin.put(`/api/v1/registry/graduates/${f.graduates.b}/national-id`, { nationalId: makeNationalId('310117', '20020101', 5) });
    expect((await caseworker.get(`/api/v1/graduates/${f.graduates.b}`)).status).toBe(404);
    const census = await caseworker.get('/api/v1/registry/census?pageSize=200');
    expect(census.body.items.map((e: { id: string }) => e.id)).not.toContain(f.graduates.b);

    const logs = t.logs.join('\n');
    expect(t.logs.length).toBeGreaterThan(10);
    for (const secret of [CANARY_ID, IMPORTED_ID, IMPORTED_ID.slice(0, 16)]) expect(logs).not.toContain(secret);
    expect(logs).not.toMatch(/is_?hardship/i);
    const redis = await redisDump(t.redisPrefix);
    expect(redis.keys.some((k) => k.includes(':resume'))).toBe(true);
    for (const secret of [CANARY_ID, IMPORTED_ID]) expect(redis.text).not.toContain(secret);
    expect(redis.text).not.toMatch(/hardship/i);
    const stored = await t.platform.ctx.db.selectFrom('graduate_profiles').select('national_id_sealed').where('national_id_sealed', 'is not', null).execute();
    expect(stored.length).toBeGreaterThanOrEqual(3);
    for (const s of stored) expect(s.national_id_sealed).toMatch(/^v1\./);

    // Hardship is sealed in the row too: A has it, B not, and nothing in the column tells them apart.
    const sealedHardship = async (id: string) => (await t.platform.ctx.db.selectFrom('graduate_profiles').select('hardship_sealed').where('id', '=', id).executeTakeFirstOrThrow()).hardship_sealed;
    const [yes, no] = [await sealedHardship(f.graduates.a), await sealedHardship(f.graduates.b)];
    expect(yes).not.toBe(no);
    for (const sealed of [yes, no]) {
      expect(sealed).toMatch(/^v1c\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{2}$/);
      for (const plain of ['true', 'false', 't', 'f', '1', '0', 'yes', 'no', '是', '否']) expect(sealed.split('.')).not.toContain(plain);
    }
    expect([await t.platform.ctx.fieldCrypto.openFlag(yes), await t.platform.ctx.fieldCrypto.openFlag(no)]).toEqual([true, false]);
    // Writing the same status again stores a new value (a fresh IV): equal statuses never look equal.
    await caseworker.post(`/api/v1/registry/graduates/${f.graduates.a}/hardship`, { isHardship: true, givenBy: '李明（本人）', basis: 'in_person', consentedAt: '2026-03-02T09:00:00+08:00' });
    await admin.patch(`/api/v1/graduates/${f.graduates.b}`, { isHardship: false });
    const [yesAgain, noAgain] = [await sealedHardship(f.graduates.a), await sealedHardship(f.graduates.b)];
    expect(yesAgain).not.toBe(yes);
    expect(noAgain).not.toBe(no);
    expect(await t.platform.ctx.fieldCrypto.openFlags([yesAgain, noAgain])).toEqual([true, false]);
    expect((await caseworker.get(`/api/v1/registry/graduates/${f.graduates.a}/hardship`)).body.isHardship).toBe(true);
  });

  it('erases a file at the graduate’s request with its case file, keeps the signed contract and funded subsidies, and records both', async () => {
    const db = t.platform.ctx.db;
    const graduate = await loginAs(t.url, f.logins.graduate, PASSWORD);
    await insertTestResume(db, f.graduates.a);
    const open = await insertTestApplication(db, await insertTestJob(db, { organisationId: f.orgs.a, townId: f.towns.a }), f.graduates.a);
    const signedJob = await insertTestJob(db, { organisationId: f.orgs.a, townId: f.towns.a });
    const signed = await insertTestApplication(db, signedJob, f.graduates.a);
    await db.updateTable('applications').set({ status: 'hired' }).where('id', '=', signed).execute();
    const offerId = randomUUID();
    await db
      .insertInto('offers')
      .values({ id: offerId, reference: `YP-TEST-${offerId.slice(0, 8)}`, application_id: signed, organisation_id: f.orgs.a, status: 'completed', position: '开发工程师', salary_monthly_yuan: 9000, start_date: '2026-09-01', probation_months: 3, location: '泗泾镇', expires_at: new Date(Date.now() + 86_400_000), completed_at: new Date() })
      .execute();

    // The case file: a contact note (it crosses "contacted"), three services, the signed offer's placement
    // with its follow-up, a job change the graduate reported with its own, and three subsidy claims.
    const NOTE = '家访：父亲失业，母亲患病，家庭收入低';
    const contactTemplate = await db.selectFrom('case_note_templates').select('id').where('is_contact', '=', true).executeTakeFirstOrThrow();
    expect((await caseworker.post(`/api/v1/cases/${f.graduates.a}/notes`, { templateId: contactTemplate.id, body: NOTE })).status).toBe(201);
    const service = async (body: Record<string, unknown>) => (await caseworker.post(`/api/v1/cases/${f.graduates.a}/services`, { date: '2026-08-01', ...body })).body.id as string;
    const introduction = await service({ type: 'job_introduction', jobId: signedJob });
    const internship = await service({ type: 'internship', provider: '上海甲科技有限公司' });
    const guidance = await service({ type: 'career_guidance', note: '简历修改' });
    const { placementId, followUpId } = await insertDueFollowUp(t.platform.ctx, offerId);
    const jobChange = randomUUID();
    await db.insertInto('placements').values({ id: jobChange, graduate_id: f.graduates.a, organisation_id: null, employer_name: '某外区公司', position: '销售', start_date: '2026-12-01', previous_placement_id: placementId, created_at: new Date() }).execute();
    await db.insertInto('followups').values({ id: randomUUID(), placement_id: jobChange, month: 1, due_at: new Date() }).execute();
    const claim = async (values: { kind: 'hiring' | 'job_search' | 'internship'; status: 'submitted' | 'approved' | 'paid'; organisation_id?: string }) => {
      const claimId = randomUUID();
      const approvedAt = values.status === 'submitted' ? null : new Date();
      await db.insertInto('subsidy_claims').values({ id: claimId, graduate_id: f.graduates.a, amount_yuan: 1500, approved_at: approvedAt, paid_at: values.status === 'paid' ? new Date() : null, ...values }).execute();
      return claimId;
    };
    const paid = await claim({ kind: 'job_search', status: 'paid' });
    await db.insertInto('payment_ledger').values({ id: randomUUID(), idempotency_key: `pay-${paid}`, claim_id: paid, amount_yuan: 1500, payee: '李明', reference: 'BANK-0001', recorded_by: f.userIds.admin, created_at: new Date() }).execute();
    const approvedInternship = await claim({ kind: 'internship', status: 'approved', organisation_id: f.orgs.a });
    await claim({ kind: 'hiring', status: 'submitted', organisation_id: f.orgs.b });
    const ticks = await db.selectFrom('case_checklist_marks').select('item_id').where('graduate_id', '=', f.graduates.a).execute();
    expect(ticks.length).toBeGreaterThan(0);

    const request = await graduate.post('/api/v1/me/deletion-requests', { reason: '不再需要平台服务' });
    expect(request.status, JSON.stringify(request.body)).toBe(201);
    expect((await graduate.post('/api/v1/me/deletion-requests', {})).status).toBe(409);
    const queue = await caseworker.get('/api/v1/registry/deletion-requests?status=pending');
    expect(queue.body.items.map((r: { id: string }) => r.id)).toEqual([request.body.id]);
    const organiser = await loginAs(t.url, f.logins.district_organiser, PASSWORD);
    expect((await organiser.post(`/api/v1/registry/deletion-requests/${request.body.id}/execute`, {})).status).toBe(403);

    const done = await caseworker.post(`/api/v1/registry/deletion-requests/${request.body.id}/execute`, { note: '已核实本人身份' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const removedCounts = {
      contact: true,
      nationalId: true,
      resumes: 2,
      applications: 1,
      hardshipAndConsents: 2,
      caseNotes: 1,
      checklistTicks: ticks.length,
      services: 1,
      placements: 1,
      followUps: 1,
      subsidyClaims: 1,
      account: true,
    };
    const keptCounts = { applications: 1, signedOffers: 1, placements: 1, followUps: 1, subsidyClaims: 2, payments: 1, services: 2 };
    expect(done.body).toMatchObject({ status: 'executed', decidedBy: f.userIds.caseworker, removed: removedCounts, kept: keptCounts });
    expect(done.body.removed.checklistHistory).toBeGreaterThanOrEqual(ticks.length);
    expect(done.body.kept.basis).toContain('个人信息保护法');
    expect(done.body.kept.fundsBasis).toContain('会计');
    const file = await db.selectFrom('graduate_profiles').selectAll().where('id', '=', f.graduates.a).executeTakeFirstOrThrow();
    expect(file).toMatchObject({ name: '李明', phone: null, email: null, national_id_sealed: null, national_id_hash: null, hukou_town_id: f.towns.a });
    expect(await t.platform.ctx.fieldCrypto.openFlag(file.hardship_sealed)).toBe(false);
    expect(file.erased_at).not.toBeNull();

    // The case file: notes, ticks and their history are gone; what a kept record rests on stays.
    for (const table of ['case_notes', 'case_checklist_marks', 'case_checklist_events', 'case_activity'] as const) {
      expect(await db.selectFrom(table).select('graduate_id').where('graduate_id', '=', f.graduates.a).execute(), table).toEqual([]);
    }
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
    expect(ids(await db.selectFrom('case_services').select('id').where('graduate_id', '=', f.graduates.a).execute())).toEqual([introduction, internship].sort());
    expect(await db.selectFrom('case_services').select('id').where('id', '=', guidance).execute()).toEqual([]);
    expect(ids(await db.selectFrom('placements').select('id').where('graduate_id', '=', f.graduates.a).execute())).toEqual([placementId]);
    expect(ids(await db.selectFrom('followups').innerJoin('placements', 'placements.id', 'followups.placement_id').select('followups.id').where('placements.graduate_id', '=', f.graduates.a).execute())).toEqual([followUpId]);
    expect(ids(await db.selectFrom('subsidy_claims').select('id').where('graduate_id', '=', f.graduates.a).execute())).toEqual([paid, approvedInternship].sort());
    expect(await db.selectFrom('payment_ledger').select('claim_id').where('claim_id', '=', paid).execute()).toEqual([{ claim_id: paid }]);
    const [entry] = await audit('registry.deletion_executed');
    expect(entry).toMatchObject({ actor_id: f.userIds.caseworker, entity_id: f.graduates.a, detail: { requestId: request.body.id, removed: removedCounts, kept: keptCounts } });
    expect(JSON.stringify(entry)).not.toContain(NOTE);
    expect(await db.selectFrom('resumes').select('id').where('graduate_id', '=', f.graduates.a).execute()).toEqual([]);
    expect((await db.selectFrom('applications').select('id').where('graduate_id', '=', f.graduates.a).execute()).map((a) => a.id)).toEqual([signed]);
    expect(await db.selectFrom('applications').select('id').where('id', '=', open).execute()).toEqual([]);
    expect(await db.selectFrom('offers').select('status').where('id', '=', offerId).executeTakeFirst()).toEqual({ status: 'completed' });
    expect(await db.selectFrom('hardship_consents').select('id').where('graduate_id', '=', f.graduates.a).execute()).toEqual([]);
    const account = await db.selectFrom('users').select(['phone', 'is_disabled']).where('id', '=', f.userIds.graduate).executeTakeFirstOrThrow();
    expect(account).toEqual({ phone: null, is_disabled: true });
    expect((await new ApiClient(t.url).post('/api/v1/auth/login', { login: f.logins.graduate, password: PASSWORD })).status).toBe(401);
    expect(await db.selectFrom('audit_log').select('action').where('action', '=', 'registry.deletion_executed').execute()).toHaveLength(1);
    expect((await caseworker.post(`/api/v1/registry/deletion-requests/${request.body.id}/reject`, { note: '重复' })).status).toBe(409);
    const csv = await fetch(`${t.url}/api/v1/registry/deletion-requests.csv`, { headers: { cookie: caseworker.cookie ?? '' } });
    expect(await csv.text()).toContain('已核实本人身份');
    const census = await admin.get('/api/v1/registry/census?pageSize=200');
    expect(census.body.items.map((e: { id: string }) => e.id)).not.toContain(f.graduates.a);
  });
});
