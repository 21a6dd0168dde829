import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOLLOW_UP_MONTHS, followUpDueJobId } from '@yunpin/shared';
import { loginAs, type ApiClient } from '../support/client.js';
import { createFixtures, PASSWORD, type Fixtures } from '../support/fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/platform.js';
import { insertDueFollowUp, insertTestOffer } from '../support/placement-fixtures.js';
import { waitFor } from '../support/wait.js';
import { followUpDueAt, recordPlacementFromOffer } from '../../server/src/domain/followups/schedule-followups.js';

const yes = { stillEmployed: true, samePosition: true, salaryBand: '8000_12000' };

interface CaseFileEntry {
  item: { key: string | null; id: string };
  isCrossed: boolean;
  isAutomatic: boolean;
  source: string | null;
}

describe('follow-ups after a placement', () => {
  let t: TestPlatform;
  let f: Fixtures;
  let employer: ApiClient;
  let graduate: ApiClient;
  let caseworker: ApiClient;
  let regional: ApiClient;

  beforeAll(async () => {
    t = await startTestPlatform();
    f = await createFixtures(t.platform.ctx.db);
    [employer, graduate, caseworker, regional] = (await Promise.all(
      (['employer_admin', 'graduate', 'caseworker', 'regional_organiser'] as const).map((role) => loginAs(t.url, f.logins[role], PASSWORD)),
    )) as [ApiClient, ApiClient, ApiClient, ApiClient];
  });
  afterAll(async () => {
    await t?.close();
  });
  /** Graduate A's case file as the town's caseworker reads it: "placement verified", its history, the follow-up lines. */
  const caseFile = async () => {
    const file = (await caseworker.get(`/api/v1/cases/${f.graduates.a}`)).body as { checklist: CaseFileEntry[]; history: { itemId: string; action: string }[] };
    const verified = file.checklist.find((c) => c.item.key === 'placement_verified')!;
    const timeline = (await caseworker.get(`/api/v1/cases/${f.graduates.a}/timeline`)).body.items as { type: string; kind?: string; refId?: string; summary?: string }[];
    return {
      verified,
      crossings: file.history.filter((e) => e.itemId === verified.item.id && e.action === 'crossed').length,
      lines: (kind: string) => timeline.filter((e) => e.type === 'activity' && e.kind === kind),
    };
  };

  it('schedules delayed jobs at 1, 3, 6 and 12 months that carry ids only, once', async () => {
    const offer = await insertTestOffer(t.platform.ctx.db, { organisationId: f.orgs.a, townId: f.towns.a, graduateId: f.graduates.a });
    const now = new Date('2026-10-01T02:00:00Z');
    const realClock = t.platform.ctx.clock;
    t.platform.ctx.clock = () => now;
    let placementId: string;
    try {
      placementId = (await recordPlacementFromOffer(t.platform.ctx, offer.offerId))!;
      // A second run (the result job retried) records and schedules nothing more.
      expect(await recordPlacementFromOffer(t.platform.ctx, offer.offerId)).toBe(placementId);
    } finally {
      t.platform.ctx.clock = realClock;
    }
    const placements = await t.platform.ctx.db.selectFrom('placements').selectAll().where('offer_id', '=', offer.offerId).execute();
    expect(placements).toHaveLength(1);
    expect(placements[0]).toMatchObject({ graduate_id: f.graduates.a, organisation_id: f.orgs.a, employer_name: '上海甲科技有限公司', position: 'Java 开发工程师' });
    const queue = t.platform.ctx.jobs.officeQueue();
    const expected = { 1: '2026-11-01T02:00:00.000Z', 3: '2027-01-01T02:00:00.000Z', 6: '2027-04-01T02:00:00.000Z', 12: '2027-10-01T02:00:00.000Z' } as const;
    for (const month of FOLLOW_UP_MONTHS) {
      const job = await queue.getJob(followUpDueJobId(placementId, month));
      expect(job, `job for month ${month}`).toBeDefined();
      expect(await job!.getState()).toBe('delayed');
      expect(job!.data).toEqual({ placementId, month });
      expect(job!.delay).toBe(Date.parse(expected[month]) - now.getTime());
      expect(followUpDueAt(now, month).toISOString()).toBe(expected[month]);
    }
    expect((await queue.getDelayed()).filter((j) => j.data.placementId === placementId)).toHaveLength(4);
  });

  it('creates the task when the delayed job fires, visible to the town’s caseworker and both parties', async () => {
    const offer = await insertTestOffer(t.platform.ctx.db, { organisationId: f.orgs.a, townId: f.towns.a, graduateId: f.graduates.a });
    // "A month" is 200 ms here: the jobs fire at 0.2, 0.6, 1.2 and 2.4 s.
    const placementId = (await recordPlacementFromOffer(t.platform.ctx, offer.offerId, { monthMs: 200 }))!;
    expect((await t.platform.ctx.db.selectFrom('followups').select('id').where('placement_id', '=', placementId).execute())).toHaveLength(0);
    const tasks = await waitFor(async () => {
      const rows = await t.platform.ctx.db.selectFrom('followups').select(['id', 'month']).where('placement_id', '=', placementId).execute();
      return rows.length === 4 ? rows : undefined;
    }, 'four follow-up tasks', 20_000);
    expect(tasks.map((r) => r.month).sort((a, b) => a - b)).toEqual([1, 3, 6, 12]);
    for (const client of [caseworker, employer, graduate]) {
      const list = await client.get('/api/v1/followups');
      expect(list.status).toBe(200);
      expect(list.body.items.filter((i: { placement: { id: string } }) => i.placement.id === placementId)).toHaveLength(4);
    }
    // The regional organiser of region 1 covers town A; nobody else's graduate is listed to the employer.
    expect((await regional.get('/api/v1/followups')).body.items.length).toBeGreaterThanOrEqual(4);
    const csv = await caseworker.get('/api/v1/followups.csv');
    expect(csv.body).toContain('上海甲科技有限公司');
  });

  it('flags a mismatch between the graduate’s and the employer’s answers', async () => {
    const offer = await insertTestOffer(t.platform.ctx.db, { organisationId: f.orgs.a, townId: f.towns.a, graduateId: f.graduates.a });
    const { followUpId } = await insertDueFollowUp(t.platform.ctx, offer.offerId, 3);
    const first = await graduate.post(`/api/v1/followups/${followUpId}/confirm`, yes);
    expect(first.body).toMatchObject({ status: 'open', graduateAnswer: yes, employerAnswer: null, mismatches: [] });
    const second = await employer.post(`/api/v1/followups/${followUpId}/confirm`, { stillEmployed: false, samePosition: true, salaryBand: '5000_8000' });
    expect(second.status).toBe(200);
    expect(second.body.status).toBe('mismatch');
    expect(second.body.mismatches).toEqual(['stillEmployed', 'salaryBand']);
    const listed = await caseworker.get('/api/v1/followups?status=mismatch');
    expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(followUpId);
    // Office staff read but do not answer; bad answers are refused and change nothing.
    expect((await caseworker.post(`/api/v1/followups/${followUpId}/confirm`, yes)).status).toBe(403);
    expect((await employer.post(`/api/v1/followups/${followUpId}/confirm`, { ...yes, salaryBand: 'lots' })).status).toBe(400);
    expect((await caseworker.get(`/api/v1/followups/${followUpId}`)).body.employerAnswer.salaryBand).toBe('5000_8000');
    // The case file says so, and a mismatch verifies nothing.
    const file = await caseFile();
    expect(file.verified.isCrossed).toBe(false);
    expect(file.lines('followup_mismatch').map((e) => e.refId)).toEqual([followUpId]);
    expect(file.lines('followup_mismatch')[0]!.summary).toContain('薪资区间');
  });

  it('crosses "placement verified" from the first follow-up both sides confirm alike, also when they answer at the same moment', async () => {
    const offer = await insertTestOffer(t.platform.ctx.db, { organisationId: f.orgs.a, townId: f.towns.a, graduateId: f.graduates.a });
    const first = await insertDueFollowUp(t.platform.ctx, offer.offerId, 1);
    const answers = await Promise.all([graduate.post(`/api/v1/followups/${first.followUpId}/confirm`, yes), employer.post(`/api/v1/followups/${first.followUpId}/confirm`, yes)]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    expect((await caseworker.get(`/api/v1/followups/${first.followUpId}`)).body).toMatchObject({ status: 'confirmed', mismatches: [] });
    let file = await caseFile();
    expect(file.verified).toMatchObject({ isCrossed: true, isAutomatic: true, source: `followup:${first.followUpId}` });
    expect(file.crossings).toBe(1);
    expect(file.lines('followup_confirmed').map((e) => e.refId)).toEqual([first.followUpId]);
    expect(file.lines('followup_confirmed')[0]!.summary).toContain('1个月回访');

    // The same answer again, and the 3-month follow-up confirmed later: a line for the new one, the crossing stays the first.
    expect((await graduate.post(`/api/v1/followups/${first.followUpId}/confirm`, yes)).body.status).toBe('confirmed');
    const later = await insertDueFollowUp(t.platform.ctx, offer.offerId, 3);
    await graduate.post(`/api/v1/followups/${later.followUpId}/confirm`, yes);
    expect((await employer.post(`/api/v1/followups/${later.followUpId}/confirm`, yes)).body.status).toBe('confirmed');
    file = await caseFile();
    expect(file.verified.source).toBe(`followup:${first.followUpId}`);
    expect(file.crossings).toBe(1);
    expect(file.lines('followup_confirmed').map((e) => e.refId).sort()).toEqual([first.followUpId, later.followUpId].sort());
  });

  it('records a job change and keeps the placement history', async () => {
    const offer = await insertTestOffer(t.platform.ctx.db, { organisationId: f.orgs.a, townId: f.towns.a, graduateId: f.graduates.a });
    const { followUpId, placementId } = await insertDueFollowUp(t.platform.ctx, offer.offerId, 6);
    const newJob = { employerName: '上海丙制造有限公司', position: '测试工程师', startDate: '2027-05-01' };
    expect((await employer.post(`/api/v1/followups/${followUpId}/confirm`, { ...yes, newJob })).status).toBe(400);
    const res = await graduate.post(`/api/v1/followups/${followUpId}/confirm`, { stillEmployed: false, samePosition: false, salaryBand: '8000_12000', newJob });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const [latest, ...older] = res.body.history;
    expect(latest, JSON.stringify(res.body.history)).toMatchObject({ employerName: '上海丙制造有限公司', position: '测试工程师', startDate: '2027-05-01', organisationId: null, endedAt: null });
    const previous = older.find((p: { id: string }) => p.id === placementId);
    expect(previous.endedAt).toBeTypeOf('string');
    const stored = await t.platform.ctx.db.selectFrom('placements').select('previous_placement_id').where('employer_name', '=', '上海丙制造有限公司').executeTakeFirstOrThrow();
    expect(stored.previous_placement_id).toBe(placementId);
  });
});
