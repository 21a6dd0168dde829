import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBSIDY_AMOUNTS_YUAN, SUBSIDY_RATE_MAX_DAYS_AHEAD } from '@yunpin/shared';
import { loginAs, type ApiClient } from '../support/client.js';
import { createFixtures, PASSWORD, type Fixtures, type FixtureRole } from '../support/fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/platform.js';
import { districtToday } from '../../server/src/domain/jobs/load-job.js';
import * as migration0011 from '../../server/src/db/migrations/0011_subsidy_rates.js';

const DAY = 86_400_000;
const RATES = '/api/v1/subsidies/rates';

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

interface RateItem {
  id: string;
  kind: string;
  effectiveFrom: string;
  amountYuan: number;
  state: string;
  setBy: { id: string; name: string } | null;
  note: string | null;
}

describe('subsidy rates: organiser settings with history', () => {
  let t: TestPlatform;
  let f: Fixtures;
  let c: Record<FixtureRole, ApiClient>;
  let today: string;

  const login = (role: FixtureRole) => loginAs(t.url, f.logins[role], PASSWORD);
  const rates = async (client: ApiClient = c.district_organiser): Promise<RateItem[]> => {
    const res = await client.get(RATES);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.items as RateItem[];
  };
  const current = async (kind: string, client?: ApiClient) => (await rates(client)).find((r) => r.kind === kind && r.state === 'current');
  const rateRows = async () => t.platform.ctx.db.selectFrom('subsidy_rates').selectAll().orderBy('id').execute();
  const rateAudit = async () => t.platform.ctx.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'subsidy_rate').orderBy('id').execute();
  const claimAmount = async (id: string) => (await c.caseworker.get(`/api/v1/subsidies/claims/${id}`)).body.amountYuan as number;

  /** The graduate's job-search claim; an earlier one of theirs is rejected first, since one live claim per kind is allowed. */
  const claimJobSearch = async (graduate: ApiClient, caseworker: ApiClient, previous?: string) => {
    if (previous) expect((await caseworker.post(`/api/v1/subsidies/claims/${previous}/decision`, { decision: 'reject', reason: '重新申请 Claim again' })).status).toBe(200);
    const res = await graduate.post('/api/v1/subsidies/claims', { kind: 'job_search' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; amountYuan: number };
  };

  /** Runs `work` with the platform's clock `days` ahead; sessions follow the clock, so it logs in again there. */
  const inDays = async <T,>(days: number, work: (clients: { graduate: ApiClient; caseworker: ApiClient; organiser: ApiClient }) => Promise<T>): Promise<T> => {
    const realClock = t.platform.ctx.clock;
    t.platform.ctx.clock = () => new Date(Date.now() + days * DAY);
    try {
      const [graduate, caseworker, organiser] = await Promise.all([login('graduate'), login('caseworker'), login('district_organiser')]);
      return await work({ graduate, caseworker, organiser });
    } finally {
      t.platform.ctx.clock = realClock;
    }
  };

  beforeAll(async () => {
    t = await startTestPlatform();
    f = await createFixtures(t.platform.ctx.db);
    const roles = Object.keys(f.logins) as FixtureRole[];
    c = Object.fromEntries(await Promise.all(roles.map(async (role) => [role, await login(role)] as const))) as Record<FixtureRole, ApiClient>;
    today = districtToday(t.platform.ctx.clock());
  });
  afterAll(async () => {
    await t?.close();
  });

  it('starts from the amounts in force before, which office staff read and nobody else does', async () => {
    const items = await rates();
    expect(items).toHaveLength(3);
    for (const [kind, amount] of Object.entries(SUBSIDY_AMOUNTS_YUAN)) {
      expect(items.find((r) => r.kind === kind)).toMatchObject({ amountYuan: amount, effectiveFrom: '2020-01-01', state: 'current', setBy: null });
    }
    expect((await c.caseworker.get(RATES)).status).toBe(200);
    for (const role of ['graduate', 'recruiter', 'employer_admin'] as const) {
      const res = await c[role].get(RATES);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
      expect((await c[role].get(`${RATES}.csv`)).status).toBe(403);
    }
  });

  it('lets only district organisers and admins set or delete rates; a caseworker, an employer or a regional organiser gets 403 and nothing changes', async () => {
    const before = await rateRows();
    const input = { kind: 'hiring', effectiveFrom: addDays(today, 30), amountYuan: 9000 };
    for (const role of ['caseworker', 'employer_admin', 'recruiter', 'graduate', 'regional_organiser'] as const) {
      const res = await c[role].post(RATES, input);
      expect(res.status, role).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'forbidden', message: expect.any(String) });
      expect((await c[role].delete(`${RATES}/${before[0]!.id}`)).status, role).toBe(403);
    }
    expect(await rateRows()).toEqual(before);
    expect(await rateAudit()).toHaveLength(0);
  });

  it('refuses bad input with 400, a code and a message, and changes nothing', async () => {
    const before = await rateRows();
    const good = { kind: 'hiring', effectiveFrom: addDays(today, 30), amountYuan: 2600 };
    const bad: [string, unknown][] = [
      ['zero amount', { ...good, amountYuan: 0 }],
      ['negative amount', { ...good, amountYuan: -100 }],
      ['fractional amount', { ...good, amountYuan: 2600.5 }],
      ['amount as text', { ...good, amountYuan: '2600' }],
      ['amount above the bound', { ...good, amountYuan: 50_001 }],
      ['unknown kind', { ...good, kind: 'housing' }],
      ['no kind', { effectiveFrom: good.effectiveFrom, amountYuan: 2600 }],
      ['impossible date', { ...good, effectiveFrom: '2027-02-30' }],
      ['not a date', { ...good, effectiveFrom: 'next monday' }],
      ['yesterday', { ...good, effectiveFrom: addDays(today, -1) }],
      ['too far ahead', { ...good, effectiveFrom: addDays(today, SUBSIDY_RATE_MAX_DAYS_AHEAD + 1) }],
      ['note too long', { ...good, note: '长'.repeat(501) }],
      ['unknown field', { ...good, isRetroactive: true }],
    ];
    for (const [what, body] of bad) {
      const res = await c.district_organiser.post(RATES, body);
      expect(res.status, what).toBe(400);
      expect(res.body.error.code, what).toBe('validation_failed');
      expect(res.body.error.message, what).toEqual(expect.any(String));
    }
    const past = await c.district_organiser.post(RATES, { ...good, effectiveFrom: addDays(today, -1) });
    expect(past.body.error.details).toEqual([expect.objectContaining({ path: 'body.effectiveFrom' })]);
    expect((await c.district_organiser.delete(`${RATES}/not-a-uuid`)).status).toBe(400);
    expect((await c.district_organiser.delete(`${RATES}/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect(await rateRows()).toEqual(before);
    expect(await rateAudit()).toHaveLength(0);
  });

  it('prices a new claim at the rate in effect, waits for a scheduled rate’s date, and never changes a claim already made', async () => {
    // Made at the amount in force before any change.
    const first = await claimJobSearch(c.graduate, c.caseworker);
    expect(first.amountYuan).toBe(SUBSIDY_AMOUNTS_YUAN.job_search);

    // A new amount from today: new claims take it, the claim already made keeps its own.
    const set = await c.district_organiser.post(RATES, { kind: 'job_search', effectiveFrom: today, amountYuan: 1800, note: '区人社局 2026 年第 3 号文' });
    expect(set.status, JSON.stringify(set.body)).toBe(201);
    expect(set.body).toMatchObject({ kind: 'job_search', effectiveFrom: today, amountYuan: 1800, state: 'current', note: '区人社局 2026 年第 3 号文', setBy: { id: f.userIds.district_organiser } });
    expect(await claimAmount(first.id)).toBe(SUBSIDY_AMOUNTS_YUAN.job_search);
    const second = await claimJobSearch(c.graduate, c.caseworker, first.id);
    expect(second.amountYuan).toBe(1800);
    // One rate per kind and day.
    const again = await c.district_organiser.post(RATES, { kind: 'job_search', effectiveFrom: today, amountYuan: 1900 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');

    // Scheduled ten days ahead: not used before its date.
    const scheduled = await c.district_organiser.post(RATES, { kind: 'job_search', effectiveFrom: addDays(today, 10), amountYuan: 2500 });
    expect(scheduled.body).toMatchObject({ state: 'scheduled', amountYuan: 2500 });
    const third = await claimJobSearch(c.graduate, c.caseworker, second.id);
    expect(third.amountYuan).toBe(1800);
    expect((await current('job_search'))).toMatchObject({ amountYuan: 1800, effectiveFrom: today });

    // On its date it is the rate in effect; the earlier one is past, and every earlier claim keeps its amount.
    const fourth = await inDays(10, async ({ graduate, caseworker, organiser }) => {
      const claim = await claimJobSearch(graduate, caseworker, third.id);
      expect(claim.amountYuan).toBe(2500);
      const history = (await rates(organiser)).filter((r) => r.kind === 'job_search').map((r) => [r.amountYuan, r.state]);
      expect(history).toEqual([[2500, 'current'], [1800, 'past'], [SUBSIDY_AMOUNTS_YUAN.job_search, 'past']]);
      // In effect now, so it stays.
      expect((await organiser.delete(`${RATES}/${scheduled.body.id}`)).status).toBe(409);
      return claim;
    });
    expect([await claimAmount(first.id), await claimAmount(second.id), await claimAmount(third.id), await claimAmount(fourth.id)]).toEqual([SUBSIDY_AMOUNTS_YUAN.job_search, 1800, 1800, 2500]);

    // Back to today it is scheduled again, but a claim was made at it, so it cannot be deleted.
    const used = await c.district_organiser.delete(`${RATES}/${scheduled.body.id}`);
    expect(used.status).toBe(409);
    expect(used.body.error.message).toMatch(/claim/);
    expect((await rates()).find((r) => r.id === scheduled.body.id)).toMatchObject({ state: 'scheduled' });

    // Every change is audited with the amount it replaces and the new one.
    const audit = await rateAudit();
    expect(audit.map((a) => [a.action, a.actor_id, a.detail])).toEqual([
      ['subsidy_rate.set', f.userIds.district_organiser, { kind: 'job_search', effectiveFrom: today, oldAmountYuan: SUBSIDY_AMOUNTS_YUAN.job_search, newAmountYuan: 1800, note: '区人社局 2026 年第 3 号文' }],
      ['subsidy_rate.set', f.userIds.district_organiser, { kind: 'job_search', effectiveFrom: addDays(today, 10), oldAmountYuan: 1800, newAmountYuan: 2500, note: null }],
    ]);
  });

  it('deletes a scheduled rate nobody used, audited; a rate in effect or past stays', async () => {
    const effectiveFrom = addDays(today, 20);
    const scheduled = await c.admin.post(RATES, { kind: 'internship', effectiveFrom, amountYuan: 3300 });
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(201);
    const seeded = (await rates()).find((r) => r.kind === 'internship' && r.state === 'current')!;
    const inEffect = await c.district_organiser.delete(`${RATES}/${seeded.id}`);
    expect(inEffect.status).toBe(409);
    expect(inEffect.body.error).toMatchObject({ code: 'conflict', message: expect.any(String) });

    const auditBefore = (await rateAudit()).length;
    expect((await c.district_organiser.delete(`${RATES}/${scheduled.body.id}`)).status).toBe(204);
    expect((await rates()).filter((r) => r.kind === 'internship').map((r) => r.id)).toEqual([seeded.id]);
    const audit = await rateAudit();
    expect(audit).toHaveLength(auditBefore + 1);
    expect(audit.at(-1)).toMatchObject({
      action: 'subsidy_rate.deleted',
      actor_id: f.userIds.district_organiser,
      entity_id: scheduled.body.id,
      detail: { kind: 'internship', effectiveFrom, oldAmountYuan: 3300, newAmountYuan: SUBSIDY_AMOUNTS_YUAN.internship },
    });
    expect((await c.district_organiser.delete(`${RATES}/${scheduled.body.id}`)).status).toBe(404);
  });

  it('exports the rate history as CSV for the office', async () => {
    const csv = await c.caseworker.get(`${RATES}.csv?kind=job_search`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const text = csv.body as string;
    expect(text).toContain('生效日期 Effective from');
    expect(text).toContain(`求职补贴 Job search,${today},1800,现行 Current,district_organiser`);
    expect(text).toContain('待生效 Scheduled');
    expect(text).toContain('平台初始 Platform');
    expect(text).not.toContain('见习补贴');
    expect((await c.caseworker.get(`${RATES}.csv?kind=housing`)).status).toBe(400);
  });

  it('migration 0011 drops the rates on the way down and seeds them again on the way up', async () => {
    const db = t.platform.ctx.db;
    const hasTable = async (on: Kysely<unknown>) =>
      (await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_schema = current_schema() and table_name = 'subsidy_rates'`.execute(on)).rows[0]!.n === 1;
    // In one transaction, as the migrator runs them; migrations see an untyped database.
    await db.transaction().execute(async (trx) => {
      const untyped = trx as unknown as Kysely<unknown>;
      await migration0011.down(untyped);
      expect(await hasTable(untyped)).toBe(false);
      await migration0011.up(untyped);
    });
    const seeded = await db.selectFrom('subsidy_rates').select(['kind', 'amount_yuan', 'set_by']).orderBy('kind').execute();
    expect(seeded).toEqual(Object.entries(SUBSIDY_AMOUNTS_YUAN).map(([kind, amount]) => ({ kind, amount_yuan: amount, set_by: null })).sort((a, b) => a.kind.localeCompare(b.kind)));
    // The database keeps the bounds even for a write that skips the API.
    await expect(sql`insert into subsidy_rates (id, kind, effective_from, amount_yuan) values (gen_random_uuid(), 'hiring', '2031-01-01', 0)`.execute(db)).rejects.toThrow();
  });
});
