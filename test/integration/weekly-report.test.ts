import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFICE_JOB_NAMES, weeklyReportJobId, WEEKLY_REPORT_CRON, WEEKLY_REPORT_SCHEDULER_ID, WEEKLY_REPORT_TZ } from '@yunpin/shared';
import { loginAs, type ApiClient } from '../support/client.js';
import { createFixtures, PASSWORD, type Fixtures } from '../support/fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/platform.js';
import { waitFor } from '../support/wait.js';
import { produceWeeklyReport } from '../../server/src/domain/reports/produce-weekly-report.js';
import { reportWeekAt } from '../../server/src/domain/reports/report-week.js';

/** Monday 30 November 2026, 08:00 in Shanghai: the report covers the week of Monday 23 November. */
const MONDAY_0800 = new Date('2026-11-30T00:00:00Z');

describe('the weekly report', () => {
  let t: TestPlatform;
  let f: Fixtures;
  let organiser: ApiClient;
  let caseworker: ApiClient;
  let graduate: ApiClient;

  beforeAll(async () => {
    t = await startTestPlatform();
    f = await createFixtures(t.platform.ctx.db);
    [organiser, caseworker, graduate] = (await Promise.all((['district_organiser', 'caseworker', 'graduate'] as const).map((role) => loginAs(t.url, f.logins[role], PASSWORD)))) as [ApiClient, ApiClient, ApiClient];
    // Both files were on record before the week ended; graduate A is employed and had a job-search subsidy paid.
    const db = t.platform.ctx.db;
    await db.updateTable('graduate_profiles').set({ created_at: new Date('2026-11-01T00:00:00Z') }).execute();
    await db.updateTable('graduate_profiles').set({ employment_status: 'employed' }).where('id', '=', f.graduates.a).execute();
    const claimId = randomUUID();
    await db.insertInto('subsidy_claims').values({ id: claimId, kind: 'job_search', graduate_id: f.graduates.a, amount_yuan: 1500, status: 'paid', approved_at: new Date('2026-11-20T00:00:00Z'), paid_at: new Date('2026-11-25T00:00:00Z') }).execute();
    await db.insertInto('payment_ledger').values({ id: randomUUID(), idempotency_key: `test-${claimId}`, claim_id: claimId, amount_yuan: 1500, payee: '李明', reference: 'B-1', created_at: new Date('2026-11-25T00:00:00Z') }).execute();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is scheduled every Monday 08:00 Asia/Shanghai, once however often the server starts', async () => {
    const queue = t.platform.ctx.jobs.officeQueue();
    await t.platform.ctx.jobs.scheduleWeeklyReport(); // a second node, or a restart
    const scheduler = await queue.getJobScheduler(WEEKLY_REPORT_SCHEDULER_ID);
    expect(scheduler).toMatchObject({ pattern: '0 8 * * 1', tz: 'Asia/Shanghai', name: OFFICE_JOB_NAMES.weeklyReport });
    expect([WEEKLY_REPORT_CRON, WEEKLY_REPORT_TZ]).toEqual(['0 8 * * 1', 'Asia/Shanghai']);
    expect(await queue.getJobSchedulersCount()).toBe(1);
    // Its next run is a Monday at 08:00 in Shanghai (00:00 UTC).
    const next = new Date(Number(scheduler!.next));
    expect(next.getUTCDay()).toBe(1);
    expect(next.getUTCHours()).toBe(0);
  });

  it('covers the last full week, Monday to Sunday in Shanghai', () => {
    expect(reportWeekAt(MONDAY_0800)).toEqual({ weekStart: '2026-11-23', cutoff: new Date('2026-11-29T16:00:00Z') });
    expect(reportWeekAt(new Date('2026-11-29T15:59:59Z')).weekStart).toBe('2026-11-16');
  });

  it('runs on the given Monday, stores the figures per town, region and district, and stores one report for the week', async () => {
    const realClock = t.platform.ctx.clock;
    t.platform.ctx.clock = () => MONDAY_0800;
    try {
      const first = await produceWeeklyReport(t.platform.ctx);
      expect(first).toMatchObject({ isNew: true, weekStart: '2026-11-23' });
      const again = await produceWeeklyReport(t.platform.ctx);
      expect(again).toEqual({ id: first.id, isNew: false, weekStart: '2026-11-23' });
    } finally {
      t.platform.ctx.clock = realClock;
    }
    // The scheduled path: the job for that week, enqueued twice, consumed by the server.
    await t.platform.ctx.jobs.enqueueWeeklyReport('2026-11-23');
    await t.platform.ctx.jobs.enqueueWeeklyReport('2026-11-23');
    const job = await waitFor(async () => {
      const j = await t.platform.ctx.jobs.officeQueue().getJob(weeklyReportJobId('2026-11-23'));
      return j?.finishedOn ? j : undefined;
    }, 'the queued report job', 20_000);
    expect(job.failedReason).toBeUndefined();
    const reports = await t.platform.ctx.db.selectFrom('weekly_reports').selectAll().execute();
    expect(reports).toHaveLength(1);

    const row = (scope: string, scopeId: string | null, group: string) =>
      t.platform.ctx.db.selectFrom('weekly_report_rows').selectAll().where('report_id', '=', reports[0]!.id).where('scope', '=', scope as 'town').where('group', '=', group as 'all').where('scope_id', scopeId === null ? 'is' : '=', scopeId).executeTakeFirstOrThrow();
    expect(await row('district', null, 'all')).toMatchObject({ registered: 2, employed: 1, subsidies_paid: 1, subsidies_paid_yuan: 1500 });
    expect(await row('district', null, 'local')).toMatchObject({ registered: 2, employed: 1 });
    expect(await row('district', null, 'low_income')).toMatchObject({ registered: 1, employed: 1, subsidies_paid_yuan: 1500 });
    expect(await row('town', f.towns.a, 'all')).toMatchObject({ registered: 1, employed: 1, subsidies_paid: 1 });
    expect(await row('town', f.towns.b, 'all')).toMatchObject({ registered: 1, employed: 0, subsidies_paid: 0 });
    expect(await row('town', f.towns.b, 'low_income')).toMatchObject({ registered: 0 });
    expect(await row('region', f.regions.r1, 'all')).toMatchObject({ registered: 1, employed: 1 });
    expect(await row('region', f.regions.r2, 'all')).toMatchObject({ registered: 1, employed: 0 });
  });

  it('is consumed from the queue for a week, and shows the change against the previous week', async () => {
    // Graduate B finds a job the following week.
    await t.platform.ctx.db.updateTable('graduate_profiles').set({ employment_status: 'employed' }).where('id', '=', f.graduates.b).execute();
    await t.platform.ctx.jobs.enqueueWeeklyReport('2026-11-30');
    const report = await waitFor(() => t.platform.ctx.db.selectFrom('weekly_reports').select('id').where('week_start', '=', '2026-11-30').executeTakeFirst(), 'the queued report', 20_000);
    const list = await organiser.get('/api/v1/reports/weekly');
    expect(list.body.items.map((r: { weekStart: string }) => r.weekStart)).toEqual(['2026-11-30', '2026-11-23']);
    const view = await caseworker.get(`/api/v1/reports/weekly/${report.id}`);
    expect(view.status).toBe(200);
    expect(view.body.previousWeekStart).toBe('2026-11-23');
    const district = view.body.rows.find((r: { scope: string; group: string }) => r.scope === 'district' && r.group === 'all');
    expect(district.figures).toMatchObject({ registered: 2, employed: 2 });
    expect(district.change).toMatchObject({ registered: 0, employed: 1, subsidiesPaid: 0 });
    const townB = view.body.rows.find((r: { scopeId: string; group: string }) => r.scopeId === f.towns.b && r.group === 'all');
    expect(townB.change.employed).toBe(1);
    // The first report has nothing to compare with.
    const first = await organiser.get(`/api/v1/reports/weekly/${list.body.items[1].id}`);
    expect(first.body.previousWeekStart).toBeNull();
    expect(first.body.rows[0].change).toBeNull();
    // Graduates do not see reports.
    expect((await graduate.get(`/api/v1/reports/weekly/${report.id}`)).status).toBe(404);
  });

  it('downloads a report as an xlsx workbook with the week-on-week change', async () => {
    const list = await organiser.get('/api/v1/reports/weekly');
    const latest = list.body.items[0];
    const res = await fetch(`${t.url}/api/v1/reports/weekly/${latest.id}/report.xlsx`, { headers: { cookie: organiser.cookie ?? '' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(String(sheet.getCell('A1').value)).toContain('2026-11-30');
    const header = (sheet.getRow(3).values as unknown[]).slice(1).map(String);
    expect(header.slice(0, 5)).toEqual(['范围 Scope', '名称 Name', '人群 Group', '登记 Registered', '登记 Registered 周变化 Change']);
    const districtRow = sheet.getRow(4).values as unknown[];
    // Scope, name, group, then (figure, change) pairs: registered, contacted, served, employed...
    expect(districtRow.slice(1, 4)).toEqual(['全区 District', '全区 District', '全部 All']);
    expect(districtRow.slice(4, 6)).toEqual([2, 0]);
    expect(districtRow.slice(10, 12)).toEqual([2, 1]);
  });
});
