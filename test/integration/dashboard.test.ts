import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOALS, type TDashboard, type TGoal, type TGoalCounts } from '@yunpin/shared';
import { loginAs, type ApiClient } from '../support/client.js';
import { createFixtures, PASSWORD, type Fixtures } from '../support/fixtures.js';
import { insertTestJob } from '../support/job-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/platform.js';
import { seededRandom } from '../../server/src/domain/seed/demo-district.js';
import { produceWeeklyReport } from '../../server/src/domain/reports/produce-weekly-report.js';
import { reportWeekOf } from '../../server/src/domain/reports/report-week.js';

/** What a case file can hold that might be contact; only some kinds are (see `isContact`). */
type ContactKind = 'contact_note' | 'remark' | 'conversation' | 'fair_registration' | 'crossed_by_hand' | 'crossed_then_undone';

interface FileFacts {
  id: string;
  town: string | null;
  nationalIdHash: string | null;
  phone: string | null;
  email: string | null;
  school: string | null;
  major: string | null;
  degree: 'bachelor' | null;
  graduationYear: number | null;
  jobIntention: string | null;
  trainingNeeds: string | null;
  status: 'unemployed' | 'employed' | 'further_study' | 'not_seeking';
  local: boolean;
  hardship: boolean;
  erased: boolean;
  /** Dates of the services recorded (Asia/Shanghai calendar). */
  services: string[];
  contacts: { kind: ContactKind; at: Date }[];
  claims: { kind: 'hiring' | 'job_search' | 'internship'; approved: boolean; paid: boolean }[];
}

const filled = (v: string | null) => v !== null && v.trim() !== '';

/** The goals restated over the generated facts, independently of the SQL. */
function recount(files: FileFacts[]): TGoalCounts {
  const live = files.filter((f) => !f.erased);
  const complete = (f: FileFacts) =>
    f.nationalIdHash !== null && (filled(f.phone) || filled(f.email)) && filled(f.school) && filled(f.major) && f.degree !== null && f.graduationYear !== null && f.town !== null && filled(f.jobIntention) && filled(f.trainingNeeds);
  const unemployed = live.filter((f) => f.status === 'unemployed');
  const claims = live.flatMap((f) => f.claims);
  return {
    census: { done: live.filter(complete).length, total: live.length },
    services: { done: unemployed.filter((f) => f.services.length > 0).length, total: unemployed.length },
    subsidies: { done: claims.filter((c) => c.paid).length, total: claims.filter((c) => c.approved).length },
    employment: { done: live.filter((f) => f.status === 'employed').length, total: live.filter((f) => f.status === 'employed' || f.status === 'unemployed').length },
  };
}

/** The weekly report's week in the middle of the generated history: events fall on both sides of its cutoff. */
const MID_WEEK = '2026-11-16';
const MID = reportWeekOf(MID_WEEK).cutoff;
const MOMENTS = [-10 * 86_400_000, -1, 0, 1, 3 * 86_400_000].map((ms) => new Date(MID.getTime() + ms));
/** The Sunday before the cutoff counts in that week; the Monday does not. */
const SERVICE_DATES = ['2026-11-01', '2026-11-22', '2026-11-23', '2026-12-10'];
/** A week whose cutoff falls after every generated event. */
const LATE_WEEK = '2030-01-07';

const isContact = (kind: ContactKind) => kind === 'contact_note' || kind === 'conversation' || kind === 'crossed_by_hand';
const shanghaiDate = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * Contacted and served restated over the generated facts: graduates looking for work, files not
 * erased, with contact (a contact note, a booth conversation, a service or "contacted" crossed by hand
 * and not undone) or a service before the cutoff (a service counts from the start of its date).
 */
function recountOutreach(files: FileFacts[], cutoff?: Date): { contacted: number; served: number } {
  const seeking = files.filter((f) => !f.erased && f.status === 'unemployed');
  const servedBy = (f: FileFacts) => f.services.some((d) => cutoff === undefined || d < shanghaiDate(cutoff));
  const contactedBy = (f: FileFacts) => servedBy(f) || f.contacts.some((c) => isContact(c.kind) && (cutoff === undefined || c.at < cutoff));
  return { contacted: seeking.filter(contactedBy).length, served: seeking.filter(servedBy).length };
}

describe('the 4×100% dashboard', () => {
  let t: TestPlatform;
  let f: Fixtures;
  let admin: ApiClient;
  let caseworker: ApiClient;
  let files: FileFacts[] = [];
  const seed = Number(process.env.YP_DASHBOARD_SEED ?? Date.now() % 100_000);

  beforeAll(async () => {
    t = await startTestPlatform();
    f = await createFixtures(t.platform.ctx.db);
    const db = t.platform.ctx.db;
    // The fixtures' two files join the generated ones in the recount.
    await db.deleteFrom('graduate_profiles').where('user_id', 'is', null).execute();
    const rnd = seededRandom(seed);
    const pick = <T,>(items: readonly T[]) => items[Math.floor(rnd() * items.length)]!;
    const maybe = <T,>(value: T, p = 0.85) => (rnd() < p ? value : null);
    const towns = [f.towns.a, f.towns.b, f.towns.devZone, null];
    const contactedItem = (await db.selectFrom('case_checklist_items').select('id').where('key', '=', 'contacted').executeTakeFirstOrThrow()).id;
    files = Array.from({ length: 240 }, () => ({
      id: randomUUID(),
      town: pick(towns),
      nationalIdHash: maybe(randomBytes(32).toString('hex')),
      phone: maybe(`139${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`, 0.7),
      email: maybe('a@example.cn', 0.3),
      school: maybe(rnd() < 0.05 ? '  ' : '上海大学'),
      major: maybe('软件工程'),
      degree: maybe('bachelor' as const),
      graduationYear: maybe(2026),
      jobIntention: maybe('开发'),
      trainingNeeds: maybe('无'),
      status: pick(['unemployed', 'unemployed', 'employed', 'further_study', 'not_seeking'] as const),
      local: rnd() < 0.6,
      hardship: rnd() < 0.2,
      erased: rnd() < 0.03,
      services: Array.from({ length: Math.floor(rnd() * 3) * (rnd() < 0.5 ? 1 : 0) }, () => pick(SERVICE_DATES)),
      contacts: (['contact_note', 'remark', 'conversation', 'fair_registration', 'crossed_by_hand', 'crossed_then_undone'] as const).filter(() => rnd() < 0.2).map((kind) => ({ kind, at: pick(MOMENTS) })),
      claims: (['hiring', 'job_search', 'internship'] as const)
        .filter(() => rnd() < 0.25)
        .map((kind) => {
          const approved = rnd() < 0.7;
          return { kind, approved, paid: approved && rnd() < 0.6 };
        }),
    }));
    for (const g of files) {
      await db
        .insertInto('graduate_profiles')
        .values({
          id: g.id,
          user_id: null,
          name: `毕业生${g.id.slice(0, 4)}`,
          phone: g.phone,
          email: g.email,
          school: g.school,
          major: g.major,
          degree: g.degree,
          graduation_year: g.graduationYear,
          hukou_town_id: g.town,
          job_intention: g.jobIntention,
          training_needs: g.trainingNeeds,
          hardship_sealed: await t.platform.ctx.fieldCrypto.sealFlag(g.hardship),
          employment_status: g.status,
          national_id_hash: g.nationalIdHash,
          is_registered_local: g.local,
          erased_at: g.erased ? new Date() : null,
        })
        .execute();
      for (const date of g.services) {
        await db.insertInto('case_services').values({ id: randomUUID(), graduate_id: g.id, type: 'career_guidance', served_on: date, provider: null, caseworker_id: null, job_id: null, created_at: new Date() }).execute();
      }
      for (const c of g.contacts) {
        if (c.kind === 'contact_note' || c.kind === 'remark') {
          await db.insertInto('case_notes').values({ id: randomUUID(), graduate_id: g.id, template_id: null, title: '电话联系', body: '了解就业情况', is_contact: c.kind === 'contact_note', author_id: null, at: c.at }).execute();
        } else if (c.kind === 'conversation' || c.kind === 'fair_registration') {
          await db.insertInto('case_activity').values({ graduate_id: g.id, kind: c.kind === 'conversation' ? 'conversation_ended' : 'fair_registered', ref_id: randomUUID(), summary: '展位交谈', at: c.at }).execute();
        } else {
          const event = { graduate_id: g.id, item_id: contactedItem, actor_id: null, is_automatic: false, source: null };
          await db.insertInto('case_checklist_events').values({ ...event, id: randomUUID(), action: 'crossed', note: '电话已联系', at: c.at }).execute();
          if (c.kind === 'crossed_by_hand') {
            await db.insertInto('case_checklist_marks').values({ graduate_id: g.id, item_id: contactedItem, crossed_at: c.at, crossed_by: null, note: '电话已联系', is_automatic: false, source: null }).execute();
          } else {
            await db.insertInto('case_checklist_events').values({ ...event, id: randomUUID(), action: 'undone', note: '记错了', at: new Date(c.at.getTime() + 3600_000) }).execute();
          }
        }
      }
      for (const c of g.claims) {
        const approvedAt = c.approved ? new Date(Date.now() - 40 * 86_400_000) : null;
        await db
          .insertInto('subsidy_claims')
          .values({ id: randomUUID(), kind: c.kind, graduate_id: g.id, organisation_id: null, offer_id: null, contract_sha256: null, position: null, start_date: null, amount_yuan: 1000, status: c.paid ? 'paid' : c.approved ? 'approved' : 'submitted', eligibility: null, claimed_by: null, decided_by: null, reason: null, checked_at: null, decided_at: approvedAt, approved_at: approvedAt, paid_at: c.paid ? new Date() : null })
          .execute();
      }
    }
    // The fixture graduate's own file (town A) stays: add it to the facts as it is.
    const own = await db.selectFrom('graduate_profiles').selectAll().where('id', '=', f.graduates.a).executeTakeFirstOrThrow();
    files.push({ id: own.id, town: own.hukou_town_id, nationalIdHash: own.national_id_hash, phone: own.phone, email: own.email, school: own.school, major: own.major, degree: own.degree as 'bachelor' | null, graduationYear: own.graduation_year, jobIntention: own.job_intention, trainingNeeds: own.training_needs, status: own.employment_status, local: own.is_registered_local, hardship: await t.platform.ctx.fieldCrypto.openFlag(own.hardship_sealed), erased: own.erased_at !== null, services: [], contacts: [], claims: [] });
    // Every file was on record before the weekly reports' cutoffs.
    await db.updateTable('graduate_profiles').set({ created_at: new Date('2026-01-01T00:00:00Z') }).execute();
    admin = await loginAs(t.url, f.logins.admin, PASSWORD);
    caseworker = await loginAs(t.url, f.logins.caseworker, PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
  });

  it(`equals a brute-force recount for the district, each town and each group (seed ${seed})`, async () => {
    const board = (await admin.get('/api/v1/dashboard/goals')).body as TDashboard;
    expect(board.scope.all).toEqual(recount(files));
    expect(board.scope.registered).toBe(files.filter((g) => !g.erased).length);
    expect(board.scope.local).toEqual(recount(files.filter((g) => g.local)));
    expect(board.scope.lowIncome).toEqual(recount(files.filter((g) => g.hardship)));
    for (const town of [f.towns.a, f.towns.b, f.towns.devZone]) {
      const row = board.towns.find((x) => x.id === town)!;
      expect(row.all, town).toEqual(recount(files.filter((g) => g.town === town)));
    }
    const r1 = board.regions.find((r) => r.id === f.regions.r1)!;
    expect(r1.all).toEqual(recount(files.filter((g) => g.town === f.towns.a)));
  });

  it('drills every number down to the list behind it, and exports it', async () => {
    const board = (await admin.get('/api/v1/dashboard/goals')).body as TDashboard;
    for (const goal of GOALS as readonly TGoal[]) {
      const done = (await admin.get(`/api/v1/dashboard/goals/${goal}/graduates?state=done`)).body.items;
      const pending = (await admin.get(`/api/v1/dashboard/goals/${goal}/graduates?state=pending`)).body.items;
      expect(done.length, goal).toBe(board.scope.all[goal].done);
      expect(done.length + pending.length, goal).toBe(board.scope.all[goal].total);
      const townB = (await admin.get(`/api/v1/dashboard/goals/${goal}/graduates?state=pending&townId=${f.towns.b}`)).body.items;
      const row = board.towns.find((x) => x.id === f.towns.b)!;
      expect(townB.length, goal).toBe(row.all[goal].total - row.all[goal].done);
      // The low-income group (sealed statuses, opened by the server) drills down to the files it counts.
      const lowIncome = (await admin.get(`/api/v1/dashboard/goals/${goal}/graduates?state=done&group=low_income`)).body.items as { graduateId: string }[];
      expect(lowIncome.length, goal).toBe(board.scope.lowIncome![goal].done);
      const hardship = new Set(files.filter((g) => g.hardship).map((g) => g.id));
      expect(lowIncome.every((i) => hardship.has(i.graduateId)), goal).toBe(true);
    }
    const census = (await admin.get('/api/v1/dashboard/goals/census/graduates?state=pending')).body.items as { detail: string }[];
    expect(census.every((i) => i.detail.startsWith('缺：'))).toBe(true);
    const csv = await admin.request('GET', '/api/v1/dashboard/goals/employment/graduates.csv?state=pending');
    expect(csv.status).toBe(200);
    expect(String(csv.body).split('\r\n').filter(Boolean)).toHaveLength(board.scope.all.employment.total - board.scope.all.employment.done + 1);
  });

  it('shows a caseworker only their towns, and the list of another town is 404', async () => {
    const board = (await caseworker.get('/api/v1/dashboard/goals')).body as TDashboard;
    expect(board.towns.map((x) => x.id)).toEqual([f.towns.a]);
    expect(board.scope.all).toEqual(recount(files.filter((g) => g.town === f.towns.a)));
    expect((await caseworker.get(`/api/v1/dashboard/goals/census/graduates?townId=${f.towns.b}`)).status).toBe(404);
    const mine = (await caseworker.get('/api/v1/dashboard/goals/employment/graduates?state=pending')).body.items;
    expect(mine.length).toBe(board.scope.all.employment.total - board.scope.all.employment.done);
    // Employers and graduates have no dashboard.
    for (const login of [f.logins.recruiter, f.logins.graduate]) {
      const client = await loginAs(t.url, login, PASSWORD);
      expect((await client.get('/api/v1/dashboard/goals')).status).toBe(403);
      expect((await client.get('/api/v1/dashboard/balance')).status).toBe(403);
    }
    expect((await admin.get('/api/v1/dashboard/goals/everything/graduates')).status).toBe(400);
  });

  it(`counts contacted and served in the weekly report as the dashboard and the caseload do, before and after a cutoff (seed ${seed})`, async () => {
    const db = t.platform.ctx.db;
    const reportRows = async (weekStart: string) => {
      const { id } = await produceWeeklyReport(t.platform.ctx, { weekStart });
      return db.selectFrom('weekly_report_rows').selectAll().where('report_id', '=', id).where('group', '=', 'all').execute();
    };
    const figures = (r: { contacted: number; served: number }) => ({ contacted: r.contacted, served: r.served });

    // A week in the middle of the history counts only what happened before its cutoff.
    const mid = await reportRows(MID_WEEK);
    expect(figures(mid.find((r) => r.scope === 'district')!)).toEqual(recountOutreach(files, MID));

    // After every event: the report, the dashboard's services goal, the caseload's last contact and the recount agree.
    const late = await reportRows(LATE_WEEK);
    const district = figures(late.find((r) => r.scope === 'district')!);
    expect(district).toEqual(recountOutreach(files));
    expect(district.served).toBeGreaterThan(0);
    expect(district.contacted).toBeGreaterThan(district.served);
    const board = (await admin.get('/api/v1/dashboard/goals')).body as TDashboard;
    expect(district.served).toBe(board.scope.all.services.done);
    for (const town of [f.towns.a, f.towns.b, f.towns.devZone]) {
      const row = late.find((r) => r.scope === 'town' && r.scope_id === town)!;
      expect(figures(row), town).toEqual(recountOutreach(files.filter((g) => g.town === town)));
      expect(row.served, town).toBe(board.towns.find((x) => x.id === town)!.all.services.done);
    }
    const live = new Set(files.filter((g) => !g.erased).map((g) => g.id));
    let withContact = 0;
    for (let page = 1; ; page += 1) {
      const res = await admin.get(`/api/v1/caseload?employmentStatus=unemployed&pageSize=200&page=${page}`);
      expect(res.status).toBe(200);
      const items = res.body.items as { id: string; lastContactAt: string | null }[];
      withContact += items.filter((i) => live.has(i.id) && i.lastContactAt !== null).length;
      if (page * 200 >= res.body.total) break;
    }
    expect(withContact).toBe(district.contacted);
  });

  it('sets open jobs against graduates looking for work, per town and region ("1+5")', async () => {
    await insertTestJob(t.platform.ctx.db, { organisationId: f.orgs.a, townId: f.towns.devZone, title: '装配工' });
    await insertTestJob(t.platform.ctx.db, { organisationId: f.orgs.a, townId: f.towns.a, title: '会计' });
    const { rows } = (await admin.get('/api/v1/dashboard/balance')).body as { rows: { id: string; kind: string; isDevZone: boolean; openJobs: number; openPositions: number; seekingGraduates: number }[] };
    const dev = rows.find((r) => r.id === f.towns.devZone)!;
    expect(dev).toMatchObject({ isDevZone: true, openJobs: 1 });
    expect(dev.openPositions).toBeGreaterThan(0);
    const seeking = (town: string) => files.filter((g) => !g.erased && g.town === town && g.status === 'unemployed').length;
    expect(rows.find((r) => r.id === f.towns.a)!.seekingGraduates).toBe(seeking(f.towns.a));
    expect(rows.find((r) => r.kind === 'region' && r.id === f.regions.r1)).toMatchObject({ openJobs: 1, seekingGraduates: seeking(f.towns.a) });
  });
});
