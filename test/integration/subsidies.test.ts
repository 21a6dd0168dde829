import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBSIDY_AMOUNTS_YUAN } from '@yunpin/shared';
import { ApiClient, loginAs } from '../support/client.js';
import { createFixtures, PASSWORD, type Fixtures } from '../support/fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/platform.js';
import { insertDueFollowUp, insertTestOffer } from '../support/placement-fixtures.js';
import { ledgerPayments } from '../../server/src/domain/subsidies/payments.js';

const DAY = 86_400_000;
const answer = { stillEmployed: true, samePosition: true, salaryBand: '8000_12000' };

describe('subsidies: claim → check → approve → pay', () => {
  let t: TestPlatform;
  let f: Fixtures;
  let employer: ApiClient;
  let graduate: ApiClient;
  let caseworker: ApiClient;
  let organiser: ApiClient;

  beforeAll(async () => {
    t = await startTestPlatform();
    f = await createFixtures(t.platform.ctx.db);
    [employer, graduate, caseworker, organiser] = (await Promise.all(
      (['employer_admin', 'graduate', 'caseworker', 'district_organiser'] as const).map((role) => loginAs(t.url, f.logins[role], PASSWORD)),
    )) as [ApiClient, ApiClient, ApiClient, ApiClient];
  });
  afterAll(async () => {
    await t?.close();
  });

  const count = async (table: 'subsidy_claims' | 'payment_ledger') => Number((await t.platform.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('refuses a hiring subsidy without a countersigned offer, and records nothing', async () => {
    const sent = await insertTestOffer(t.platform.ctx.db, { organisationId: f.orgs.a, townId: f.towns.a, graduateId: f.graduates.a, status: 'sent' });
    const before = await count('subsidy_claims');
    const res = await employer.post('/api/v1/subsidies/claims', { kind: 'hiring', offerId: sent.offerId });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('conflict');
    expect(await count('subsidy_claims')).toBe(before);
    // Another employer's offer is not even visible.
    const other = await insertTestOffer(t.platform.ctx.db, { organisationId: f.orgs.b, townId: f.towns.b, graduateId: f.graduates.b });
    expect((await employer.post('/api/v1/subsidies/claims', { kind: 'hiring', offerId: other.offerId })).status).toBe(404);
  });

  it('fills a hiring claim from the hire, refuses it until the 1-month follow-up is confirmed by both, then approves and pays once', async () => {
    const offer = await insertTestOffer(t.platform.ctx.db, { organisationId: f.orgs.a, townId: f.towns.a, graduateId: f.graduates.a });
    const created = await employer.post('/api/v1/subsidies/claims', { kind: 'hiring', offerId: offer.offerId });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ kind: 'hiring', status: 'submitted', graduateId: f.graduates.a, organisationId: f.orgs.a, position: 'Java 开发工程师', startDate: '2026-12-01', contractSha256: offer.sha256, amountYuan: SUBSIDY_AMOUNTS_YUAN.hiring, townId: f.towns.a });
    const id = created.body.id as string;

    // A duplicate (same kind, graduate, employer and contract) is refused and nothing is added.
    const claims = await count('subsidy_claims');
    const duplicate = await employer.post('/api/v1/subsidies/claims', { kind: 'hiring', offerId: offer.offerId });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.message).toMatch(/already been claimed/);
    expect(await count('subsidy_claims')).toBe(claims);

    // No follow-up yet: ineligible, with the reason; it cannot be approved.
    const unchecked = await caseworker.post(`/api/v1/subsidies/claims/${id}/check`);
    expect(unchecked.body.status).toBe('ineligible');
    expect(unchecked.body.eligibility.reasons.join()).toMatch(/1-month follow-up/);
    expect((await caseworker.post(`/api/v1/subsidies/claims/${id}/decision`, { decision: 'approve' })).status).toBe(409);

    // Only the employer has answered: still not confirmed by both sides.
    const { followUpId } = await insertDueFollowUp(t.platform.ctx, offer.offerId);
    expect((await employer.post(`/api/v1/followups/${followUpId}/confirm`, answer)).status).toBe(200);
    expect((await caseworker.post(`/api/v1/subsidies/claims/${id}/check`)).body.status).toBe('ineligible');
    expect((await graduate.post(`/api/v1/followups/${followUpId}/confirm`, answer)).body.status).toBe('confirmed');
    const checked = await caseworker.post(`/api/v1/subsidies/claims/${id}/check`);
    expect(checked.body).toMatchObject({ status: 'eligible', eligibility: { isEligible: true, reasons: [] } });

    // The employer may read its claim but not decide on it; the office in scope approves.
    expect((await employer.post(`/api/v1/subsidies/claims/${id}/decision`, { decision: 'approve' })).status).toBe(403);
    const approved = await caseworker.post(`/api/v1/subsidies/claims/${id}/decision`, { decision: 'approve' });
    expect(approved.body).toMatchObject({ status: 'approved', isAgeing: false });
    expect(approved.body.approvedAt).toBeTypeOf('string');

    // Paying twice with the same key records one ledger entry; another key is refused.
    const ledger = await count('payment_ledger');
    const pay = { idempotencyKey: `pay-${id}`, reference: 'BANK-0001' };
    const paid = await caseworker.post(`/api/v1/subsidies/claims/${id}/payment`, pay);
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ status: 'paid', payment: { reference: 'BANK-0001', payee: '上海甲科技有限公司', amountYuan: SUBSIDY_AMOUNTS_YUAN.hiring } });
    const again = await caseworker.post(`/api/v1/subsidies/claims/${id}/payment`, pay);
    expect(again.status).toBe(200);
    expect(again.body.paidAt).toBe(paid.body.paidAt);
    expect(await count('payment_ledger')).toBe(ledger + 1);
    const otherKey = await caseworker.post(`/api/v1/subsidies/claims/${id}/payment`, { idempotencyKey: `other-${id}`, reference: 'BANK-0002' });
    expect(otherKey.status).toBe(409);
    expect(await count('payment_ledger')).toBe(ledger + 1);

    // Every step is in the audit log.
    const actions = (await t.platform.ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', id).execute()).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['subsidy.claimed', 'subsidy.checked', 'subsidy.approved', 'subsidy.paid']));
  });

  it('flags an approved claim unpaid after 30 days as ageing, lists and counts it, and reports the paid rate by town', async () => {
    const claim = await graduate.post('/api/v1/subsidies/claims', { kind: 'job_search' });
    expect(claim.status, JSON.stringify(claim.body)).toBe(201);
    const id = claim.body.id as string;
    expect((await caseworker.post(`/api/v1/subsidies/claims/${id}/check`)).body.status).toBe('eligible');
    expect((await caseworker.post(`/api/v1/subsidies/claims/${id}/decision`, { decision: 'approve' })).body.status).toBe('approved');
    expect((await caseworker.get('/api/v1/subsidies/claims?ageing=true')).body.items.map((c: { id: string }) => c.id)).not.toContain(id);

    // Approved 31 days ago (sessions follow the clock too, so the approval moves rather than the clock).
    await t.platform.ctx.db.updateTable('subsidy_claims').set({ approved_at: new Date(Date.now() - 31 * DAY) }).where('id', '=', id).execute();
    const ageing = await caseworker.get('/api/v1/subsidies/claims?ageing=true');
    expect(ageing.body.items.map((c: { id: string }) => c.id)).toEqual([id]);
    expect(ageing.body.ageingCount).toBe(1);
    expect(ageing.body.items[0].isAgeing).toBe(true);
    const rate = await organiser.get('/api/v1/subsidies/paid-rate');
    const townA = rate.body.towns.find((r: { townId: string }) => r.townId === f.towns.a);
    // One hiring claim paid (previous test), this job-search claim approved and unpaid.
    expect(townA).toMatchObject({ approved: 2, paid: 1, ageing: 1, rate: 0.5 });
    expect(rate.body.district).toMatchObject({ approved: 2, paid: 1, ageing: 1, rate: 0.5 });
    const csv = await caseworker.get('/api/v1/subsidies/claims.csv?ageing=true');
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.body).toContain('求职补贴 Job search');
    expect(csv.body).toContain('是 Yes');
  });

  it('keeps claims within scope: the graduate sees their own, town A’s caseworker cannot touch town B', async () => {
    const forB = await caseworker.post('/api/v1/subsidies/claims', { kind: 'job_search', graduateId: f.graduates.b });
    expect(forB.status).toBe(404);
    const claimB = await organiser.get('/api/v1/subsidies/claims');
    expect(claimB.status).toBe(200);
    const own = await graduate.get('/api/v1/subsidies/claims');
    expect(own.body.items.every((c: { graduateId: string }) => c.graduateId === f.graduates.a)).toBe(true);
    const otherEmployer = new ApiClient(t.url);
    await otherEmployer.login(f.logins.recruiter, PASSWORD);
    expect((await otherEmployer.post('/api/v1/subsidies/claims', { kind: 'job_search' })).status).toBe(403);
    // A rejection needs a reason; without one nothing changes.
    const claim = own.body.items.find((c: { status: string }) => c.status === 'approved');
    const bad = await caseworker.post(`/api/v1/subsidies/claims/${claim.id}/decision`, { decision: 'reject' });
    expect(bad.status).toBe(400);
    expect((await caseworker.get(`/api/v1/subsidies/claims/${claim.id}`)).body.status).toBe('approved');
  });

  it('records a payment once per idempotency key in the local ledger', async () => {
    const claim = await t.platform.ctx.db.selectFrom('subsidy_claims').select('id').where('status', '=', 'approved').executeTakeFirstOrThrow();
    const order = { claimId: claim.id, amountYuan: 1500, payee: '李明', reference: 'LEDGER-1', idempotencyKey: `ledger-${claim.id}`, recordedBy: null, at: new Date() };
    const first = await ledgerPayments.pay(t.platform.ctx.db, order);
    const second = await ledgerPayments.pay(t.platform.ctx.db, { ...order, reference: 'LEDGER-2' });
    expect(first.isNew).toBe(true);
    expect(second.isNew).toBe(false);
    expect(second.entry).toEqual(first.entry);
    const rows = await t.platform.ctx.db.selectFrom('payment_ledger').selectAll().where('idempotency_key', '=', order.idempotencyKey).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ reference: 'LEDGER-1', amount_yuan: 1500 });
  });
});
