import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/client.js';
import { createFixtures, PASSWORD, type Fixtures } from '../support/fixtures.js';
import { createEmployerStaff, createGraduates, insertTestBooth, insertTestBoothMessage, insertTestFair, type EmployerStaff } from '../support/fair-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/platform.js';
import { seedDemo } from '../../server/src/domain/seed/seed-demo.js';

const API = '/api/v1';
const HOUR = 3600_000;
const MISSING = '00000000-0000-4000-8000-000000000000';

describe('job fairs over REST: lifecycle, browsing, registration, booths, inbox and exports', () => {
  let t: TestPlatform;
  let f: Fixtures;
  let staffB: EmployerStaff;
  let anonymous: ApiClient;
  let graduate: ApiClient;
  let recruiterA: ApiClient;
  let adminA: ApiClient;
  let adminB: ApiClient;
  let recruiterB: ApiClient;
  let caseworker: ApiClient;
  let regional: ApiClient;
  let district: ApiClient;
  let admin: ApiClient;

  async function as(login: string): Promise<ApiClient> {
    const client = new ApiClient(t.url);
    await client.login(login, PASSWORD);
    return client;
  }

  const db = () => t.platform.ctx.db;

  /** Row counts of everything a fair request could write. */
  async function snapshot() {
    const counts: Record<string, number> = {};
    for (const table of ['fairs', 'fair_hosts', 'fair_registrations', 'booths', 'booth_representatives', 'booth_rota', 'booth_messages', 'audit_log'] as const) {
      const row = await db().selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      counts[table] = Number(row.n);
    }
    return counts;
  }

  const fairBody = (overrides: Record<string, unknown> = {}) => ({
    title: '2026 秋季高校毕业生云聘会',
    description: '全区联合举办',
    level: 'district',
    hosts: { regionIds: [f.regions.r1, f.regions.r2], townIds: [f.towns.devZone] },
    startsAt: '2026-09-15T08:00:00+08:00',
    endsAt: '2026-09-15T20:00:00+08:00',
    capacity: 500,
    priorityLanes: ['local_hukou'],
    ...overrides,
  });

  beforeAll(async () => {
    t = await startTestPlatform();
    f = await createFixtures(db());
    await db().updateTable('organisations').set({ industry: '现代物流' }).where('id', '=', f.orgs.b).execute();
    await db().updateTable('organisations').set({ industry: '电子信息' }).where('id', '=', f.orgs.a).execute();
    staffB = await createEmployerStaff(db(), f.orgs.b, 1);
    anonymous = new ApiClient(t.url);
    [graduate, recruiterA, adminA, adminB, recruiterB, caseworker, regional, district, admin] = await Promise.all([
      as(f.logins.graduate),
      as(f.logins.recruiter),
      as(f.logins.employer_admin),
      as(staffB.adminLogin),
      as(staffB.recruiterLogin),
      as(f.logins.caseworker),
      as(f.logins.regional_organiser),
      as(f.logins.district_organiser),
      as(f.logins.admin),
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('fair lifecycle', () => {
    it('creates a draft, edits it, moves it forward only, and audits every change', async () => {
      const created = await district.post(`${API}/fairs`, fairBody());
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const fair = created.body;
      expect(fair).toMatchObject({
        title: '2026 秋季高校毕业生云聘会',
        level: 'district',
        status: 'draft',
        // 08:00 in Shanghai is midnight UTC; the API speaks UTC instants.
        startsAt: '2026-09-15T00:00:00.000Z',
        endsAt: '2026-09-15T12:00:00.000Z',
        capacity: 500,
        registeredCount: 0,
        boothCount: 0,
        industries: [],
        isRegistered: false,
        priorityLanes: ['local_hukou'],
        callTimeoutSeconds: 60,
      });
      expect([...fair.hosts.regionIds].sort()).toEqual([f.regions.r1, f.regions.r2].sort());
      expect(fair.hosts.townIds).toEqual([f.towns.devZone]);
      const row = await db().selectFrom('fairs').selectAll().where('id', '=', fair.id).executeTakeFirstOrThrow();
      expect(new Date(row.starts_at).toISOString()).toBe('2026-09-15T00:00:00.000Z');
      expect(row.created_by).toBe(f.userIds.district_organiser);

      // A partial edit changes only what it names: description and lanes stay.
      const edited = await district.patch(`${API}/fairs/${fair.id}`, { title: '2026 秋季云聘会（全区）' });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ title: '2026 秋季云聘会（全区）', description: '全区联合举办', priorityLanes: ['local_hukou'], callTimeoutSeconds: 60 });
      const backwards = await district.patch(`${API}/fairs/${fair.id}`, { endsAt: '2026-09-15T07:00:00+08:00' });
      expect(backwards.status).toBe(400);
      expect(backwards.body.error.details).toEqual([{ path: 'endsAt', message: expect.any(String) }]);

      expect((await district.post(`${API}/fairs/${fair.id}/status`, { status: 'published' })).body.status).toBe('published');
      expect((await district.patch(`${API}/fairs/${fair.id}`, { capacity: 600 })).body.capacity).toBe(600);
      expect((await district.post(`${API}/fairs/${fair.id}/status`, { status: 'live' })).body.status).toBe('live');
      const editLive = await district.patch(`${API}/fairs/${fair.id}`, { title: '改名' });
      expect(editLive.status).toBe(409);
      for (const status of ['draft', 'published', 'live']) {
        const res = await district.post(`${API}/fairs/${fair.id}/status`, { status });
        expect(res.status, status).toBe(409);
        expect(res.body.error.code).toBe('conflict');
      }
      expect((await district.post(`${API}/fairs/${fair.id}/status`, { status: 'ended' })).body.status).toBe('ended');
      expect((await district.post(`${API}/fairs/${fair.id}/status`, { status: 'live' })).status).toBe(409);
      const stored = await db().selectFrom('fairs').select(['status', 'title', 'capacity']).where('id', '=', fair.id).executeTakeFirstOrThrow();
      expect(stored).toEqual({ status: 'ended', title: '2026 秋季云聘会（全区）', capacity: 600 });

      const audit = await db().selectFrom('audit_log').select(['action', 'actor_id', 'detail']).where('entity_id', '=', fair.id).orderBy('id').execute();
      expect(audit.map((a) => a.action)).toEqual(['fair.created', 'fair.updated', 'fair.status_changed', 'fair.updated', 'fair.status_changed', 'fair.status_changed']);
      expect(audit.every((a) => a.actor_id === f.userIds.district_organiser)).toBe(true);
      expect(audit.filter((a) => a.action === 'fair.status_changed').map((a) => a.detail)).toEqual([
        { from: 'draft', to: 'published' },
        { from: 'published', to: 'live' },
        { from: 'live', to: 'ended' },
      ]);
    });

    it('keeps regional organisers to fairs hosted within their region', async () => {
      const byTown = await regional.post(`${API}/fairs`, fairBody({ level: 'town', hosts: { townIds: [f.towns.a] } }));
      expect(byTown.status).toBe(201);
      const byRegion = await regional.post(`${API}/fairs`, fairBody({ level: 'region', hosts: { regionIds: [f.regions.r1], townIds: [f.towns.a] } }));
      expect(byRegion.status).toBe(201);
      const before = await snapshot();
      for (const hosts of [{ townIds: [f.towns.b] }, { townIds: [f.towns.devZone] }, { regionIds: [f.regions.r1, f.regions.r2] }, {}]) {
        const res = await regional.post(`${API}/fairs`, fairBody({ level: 'region', hosts }));
        expect(res.status, JSON.stringify(hosts)).toBe(403);
      }
      // Moving its own fair out of the region is refused too.
      const moved = await regional.patch(`${API}/fairs/${byRegion.body.id}`, { hosts: { regionIds: [f.regions.r2] } });
      expect(moved.status).toBe(403);
      expect(await snapshot()).toEqual(before);

      // A district organiser's draft in region 2 does not exist for the regional organiser...
      const other = await district.post(`${API}/fairs`, fairBody({ level: 'region', hosts: { regionIds: [f.regions.r2] } }));
      const missing = await regional.get(`${API}/fairs/${MISSING}`);
      const hidden = await regional.get(`${API}/fairs/${other.body.id}`);
      expect(hidden.status).toBe(404);
      expect(hidden.body).toEqual(missing.body);
      expect((await regional.patch(`${API}/fairs/${other.body.id}`, { title: '改名' })).status).toBe(404);
      expect((await regional.post(`${API}/fairs/${other.body.id}/status`, { status: 'published' })).status).toBe(404);
      // ...and once published they may read it but not change it.
      await district.post(`${API}/fairs/${other.body.id}/status`, { status: 'published' });
      expect((await regional.get(`${API}/fairs/${other.body.id}`)).status).toBe(200);
      expect((await regional.patch(`${API}/fairs/${other.body.id}`, { title: '改名' })).status).toBe(403);
      expect((await regional.post(`${API}/fairs/${other.body.id}/status`, { status: 'live' })).status).toBe(403);
      // Others may not create fairs at all.
      for (const client of [graduate, adminA, caseworker]) expect((await client.post(`${API}/fairs`, fairBody())).status).toBe(403);
      expect((await anonymous.post(`${API}/fairs`, fairBody())).status).toBe(401);
      expect((await admin.post(`${API}/fairs`, fairBody())).status).toBe(201);
    });
  });

  describe('browsing', () => {
    const ids: Record<string, string> = {};
    const at = (day: string, hour: number) => new Date(`2031-${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
    const WINDOW = 'from=2031-01-01T00:00:00%2B08:00&to=2031-12-31T23:59:59%2B08:00';
    const titles = async (client: ApiClient, query: string) => {
      const res = await client.get(`${API}/fairs?${WINDOW}&pageSize=200${query}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.items.map((fair: { id: string }) => Object.keys(ids).find((k) => ids[k] === fair.id) ?? fair.id);
    };

    beforeAll(async () => {
      const one = async (name: string, o: Parameters<typeof insertTestFair>[2], days = 0) => {
        ids[name] = await insertTestFair(db(), f, { title: name, ...o, endsAt: new Date((o?.startsAt ?? new Date()).getTime() + 8 * HOUR + days * 24 * HOUR) });
      };
      await one('district-devzone', { level: 'district', townIds: [f.towns.devZone], regionIds: [], startsAt: at('05-01', 9) });
      await one('region-r1', { level: 'region', regionIds: [f.regions.r1], startsAt: at('05-10', 9) });
      await one('town-a', { level: 'town', townIds: [f.towns.a], regionIds: [], startsAt: at('05-20', 9) });
      await one('town-b', { level: 'town', townIds: [f.towns.b], regionIds: [], startsAt: at('06-01', 9) });
      await one('draft-r1', { status: 'draft', regionIds: [f.regions.r1], startsAt: at('05-15', 9) });
      await one('draft-r2', { status: 'draft', regionIds: [f.regions.r2], startsAt: at('05-16', 9) });
      await one('live-r2', { status: 'live', regionIds: [f.regions.r2], startsAt: at('07-01', 9) }, 2);
      await insertTestBooth(db(), ids['live-r2']!, f.orgs.b);
      await insertTestBooth(db(), ids['live-r2']!, f.orgs.a, { status: 'applied' });
    });

    it('lists public fairs by start time and filters by level, region, town, dates and industry', async () => {
      expect(await titles(anonymous, '')).toEqual(['district-devzone', 'region-r1', 'town-a', 'town-b', 'live-r2']);
      expect(await titles(anonymous, '&level=town')).toEqual(['town-a', 'town-b']);
      // A region's fairs: hosted by it or by one of its towns, plus every district-level fair.
      expect(await titles(anonymous, `&regionId=${f.regions.r1}`)).toEqual(['district-devzone', 'region-r1', 'town-a']);
      expect(await titles(anonymous, `&regionId=${f.regions.r2}`)).toEqual(['district-devzone', 'town-b', 'live-r2']);
      expect(await titles(anonymous, `&townId=${f.towns.a}`)).toEqual(['town-a']);
      expect(await titles(anonymous, '&status=live')).toEqual(['live-r2']);
      // Industry: fairs with an approved booth of an employer in it (employer A's booth is only applied).
      expect(await titles(anonymous, `&industry=${encodeURIComponent('现代物流')}`)).toEqual(['live-r2']);
      expect(await titles(anonymous, `&industry=${encodeURIComponent('电子信息')}`)).toEqual([]);
    });

    it('finds fairs overlapping a time range', async () => {
      const overlap = async (from: string, to: string) =>
        (await anonymous.get(`${API}/fairs?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`)).body.items.map((x: { title: string }) => x.title);
      expect(await overlap('2031-05-10T16:00:00+08:00', '2031-05-20T10:00:00+08:00')).toEqual(['region-r1', 'town-a']);
      expect(await overlap('2031-05-10T17:30:00+08:00', '2031-05-20T08:00:00+08:00')).toEqual([]);
      // Started before the range and ends after it.
      expect(await overlap('2031-07-02T12:00:00+08:00', '2031-07-02T13:00:00+08:00')).toEqual(['live-r2']);
    });

    it('shows drafts only to those who may manage them', async () => {
      for (const client of [anonymous, graduate, adminA, caseworker]) {
        expect(await titles(client, '&status=draft')).toEqual([]);
      }
      expect(await titles(district, '&status=draft')).toEqual(['draft-r1', 'draft-r2']);
      expect(await titles(admin, '&status=draft')).toEqual(['draft-r1', 'draft-r2']);
      expect(await titles(regional, '&status=draft')).toEqual(['draft-r1']);
      expect(await titles(regional, '')).toEqual(['district-devzone', 'region-r1', 'draft-r1', 'town-a', 'town-b', 'live-r2']);
    });

    it('paginates with a total', async () => {
      const page = await anonymous.get(`${API}/fairs?${WINDOW}&pageSize=2&page=2`);
      expect(page.body).toMatchObject({ page: 2, pageSize: 2, total: 5 });
      expect(page.body.items.map((x: { title: string }) => x.title)).toEqual(['town-a', 'town-b']);
    });

    it('returns one fair with its figures, and hides drafts like missing fairs', async () => {
      expect((await graduate.post(`${API}/fairs/${ids['live-r2']}/registration`)).status).toBe(201);
      const mine = await graduate.get(`${API}/fairs/${ids['live-r2']}`);
      expect(mine.body).toMatchObject({ status: 'live', registeredCount: 1, boothCount: 1, industries: ['现代物流'], isRegistered: true });
      const theirs = await anonymous.get(`${API}/fairs/${ids['live-r2']}`);
      expect(theirs.body).toMatchObject({ registeredCount: 1, isRegistered: false });
      const missing = await anonymous.get(`${API}/fairs/${MISSING}`);
      const draft = await anonymous.get(`${API}/fairs/${ids['draft-r1']}`);
      expect(draft.status).toBe(404);
      expect(draft.body).toEqual(missing.body);
      expect((await graduate.get(`${API}/fairs/${ids['draft-r1']}`)).status).toBe(404);
      expect((await regional.get(`${API}/fairs/${ids['draft-r1']}`)).status).toBe(200);
      expect((await regional.get(`${API}/fairs/${ids['draft-r2']}`)).status).toBe(404);
    });
  });

  describe('registration', () => {
    it('registers graduates up to capacity, idempotently, and lets them cancel', async () => {
      const fairId = await insertTestFair(db(), f, { capacity: 2 });
      const others = await createGraduates(db(), f, 2, 1);
      const [g1, g2] = await Promise.all(others.map((g) => as(g.login)));
      const first = await graduate.post(`${API}/fairs/${fairId}/registration`);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ id: fairId, isRegistered: true, registeredCount: 1 });
      const again = await graduate.post(`${API}/fairs/${fairId}/registration`);
      expect(again.status).toBe(201);
      expect(again.body).toMatchObject({ isRegistered: true, registeredCount: 1 });
      const rows = await db().selectFrom('fair_registrations').select('user_id').where('fair_id', '=', fairId).execute();
      expect(rows.map((r) => r.user_id)).toEqual([f.userIds.graduate]);

      expect((await g1!.post(`${API}/fairs/${fairId}/registration`)).status).toBe(201);
      const full = await g2!.post(`${API}/fairs/${fairId}/registration`);
      expect(full.status).toBe(409);
      expect(full.body.error).toMatchObject({ code: 'conflict', details: { reason: 'full' } });
      expect(full.body.error.message).toMatch(/full/);

      expect((await graduate.delete(`${API}/fairs/${fairId}/registration`)).status).toBe(204);
      expect((await graduate.delete(`${API}/fairs/${fairId}/registration`)).status).toBe(204);
      expect((await graduate.get(`${API}/fairs/${fairId}`)).body).toMatchObject({ isRegistered: false, registeredCount: 1 });
      expect((await g2!.post(`${API}/fairs/${fairId}/registration`)).status).toBe(201);
      const audit = await db().selectFrom('audit_log').select('action').where('entity_id', '=', fairId).orderBy('id').execute();
      expect(audit.map((a) => a.action)).toEqual(['fair.registered', 'fair.registered', 'fair.registration_cancelled', 'fair.registered']);
    });

    it('admits graduates only, and only to published or live fairs', async () => {
      const fairId = await insertTestFair(db(), f);
      for (const client of [recruiterA, adminA, caseworker, district, admin]) {
        const res = await client.post(`${API}/fairs/${fairId}/registration`);
        expect(res.status).toBe(403);
      }
      expect((await adminA.delete(`${API}/fairs/${fairId}/registration`)).status).toBe(403);
      expect((await anonymous.post(`${API}/fairs/${fairId}/registration`)).status).toBe(401);
      const draft = await insertTestFair(db(), f, { status: 'draft' });
      expect((await graduate.post(`${API}/fairs/${draft}/registration`)).status).toBe(404);
      const ended = await insertTestFair(db(), f, { status: 'ended' });
      expect((await graduate.post(`${API}/fairs/${ended}/registration`)).status).toBe(409);
      expect((await graduate.delete(`${API}/fairs/${ended}/registration`)).status).toBe(409);
      const live = await insertTestFair(db(), f, { status: 'live' });
      expect((await graduate.post(`${API}/fairs/${live}/registration`)).status).toBe(201);
      expect(await db().selectFrom('fair_registrations').select('user_id').where('fair_id', 'in', [fairId, draft, ended]).execute()).toEqual([]);
    });

    it('never lets concurrent registrations exceed capacity', async () => {
      const fairId = await insertTestFair(db(), f, { capacity: 3 });
      const crowd = await createGraduates(db(), f, 8, 2);
      const clients = await Promise.all(crowd.map((g) => as(g.login)));
      const results = await Promise.all(clients.map((c) => c.post(`${API}/fairs/${fairId}/registration`)));
      expect(results.filter((r) => r.status === 201)).toHaveLength(3);
      expect(results.filter((r) => r.status === 409)).toHaveLength(5);
      const rows = await db().selectFrom('fair_registrations').select('user_id').where('fair_id', '=', fairId).execute();
      expect(rows).toHaveLength(3);
    });
  });

  describe('booths', () => {
    it('takes applications from verified employers only, one each, while the fair is published or live', async () => {
      const fairId = await insertTestFair(db(), f);
      const draft = await insertTestFair(db(), f, { status: 'draft' });
      const ended = await insertTestFair(db(), f, { status: 'ended' });
      const before = await snapshot();
      const unverified = await adminA.post(`${API}/fairs/${fairId}/booths`, { profile: '甲公司' });
      expect(unverified.status).toBe(403);
      expect(unverified.body.error.message).toMatch(/verified/);
      expect((await recruiterB.post(`${API}/fairs/${fairId}/booths`, {})).status).toBe(403);
      expect((await graduate.post(`${API}/fairs/${fairId}/booths`, {})).status).toBe(403);
      expect((await district.post(`${API}/fairs/${fairId}/booths`, {})).status).toBe(403);
      expect((await adminB.post(`${API}/fairs/${draft}/booths`, {})).status).toBe(404);
      expect((await adminB.post(`${API}/fairs/${ended}/booths`, {})).status).toBe(409);
      expect(await snapshot()).toEqual(before);

      const applied = await adminB.post(`${API}/fairs/${fairId}/booths`, { profile: '乙物流诚聘', jobs: [{ title: '物流专员', headcount: 3, salary: '8K-10K' }], maxConcurrentChats: 2 });
      expect(applied.status, JSON.stringify(applied.body)).toBe(201);
      expect(applied.body).toMatchObject({
        fairId,
        organisationId: f.orgs.b,
        organisationName: '上海乙物流有限公司',
        industry: '现代物流',
        townId: f.towns.b,
        status: 'applied',
        profile: '乙物流诚聘',
        jobs: [{ title: '物流专员', headcount: 3, salary: '8K-10K' }],
        maxConcurrentChats: 2,
        softLimitMinutes: 10,
        representatives: [],
        rota: [],
        isOnDuty: false,
        reviewReason: null,
      });
      const twice = await adminB.post(`${API}/fairs/${fairId}/booths`, {});
      expect(twice.status).toBe(409);
      const live = await insertTestFair(db(), f, { status: 'live' });
      expect((await adminB.post(`${API}/fairs/${live}/booths`, {})).status).toBe(201);
      const audit = await db().selectFrom('audit_log').select('action').where('entity_id', '=', applied.body.id).execute();
      expect(audit.map((a) => a.action)).toEqual(['booth.applied']);
    });

    it('shows applications to the employer and the organisers until reviewed, then to everyone', async () => {
      const fairId = await insertTestFair(db(), f);
      const { body: booth } = await adminB.post(`${API}/fairs/${fairId}/booths`, { jobs: [{ title: '仓储主管' }] });
      const listed = async (client: ApiClient) => (await client.get(`${API}/fairs/${fairId}/booths`)).body.items.map((b: { id: string }) => b.id);
      for (const client of [anonymous, graduate, recruiterA, adminA, caseworker]) expect(await listed(client)).toEqual([]);
      for (const client of [adminB, recruiterB, regional, district, admin]) expect(await listed(client)).toEqual([booth.id]);
      expect((await anonymous.get(`${API}/booths/${booth.id}`)).status).toBe(404);
      expect((await recruiterB.get(`${API}/booths/${booth.id}`)).status).toBe(200);

      expect((await adminB.post(`${API}/booths/${booth.id}/review`, { decision: 'approved' })).status).toBe(403);
      expect((await graduate.post(`${API}/booths/${booth.id}/review`, { decision: 'approved' })).status).toBe(404);
      const reviewed = await regional.post(`${API}/booths/${booth.id}/review`, { decision: 'approved', reason: '资料齐全' });
      expect(reviewed.status).toBe(200);
      expect(reviewed.body).toMatchObject({ status: 'approved', reviewReason: '资料齐全' });
      expect(await listed(anonymous)).toEqual([booth.id]);
      expect((await anonymous.get(`${API}/fairs/${fairId}`)).body).toMatchObject({ boothCount: 1, industries: ['现代物流'] });
      const rejected = await district.post(`${API}/booths/${booth.id}/review`, { decision: 'rejected', reason: '岗位信息不实' });
      expect(rejected.body).toMatchObject({ status: 'rejected', reviewReason: '岗位信息不实' });
      expect(await listed(anonymous)).toEqual([]);
      const audit = await db().selectFrom('audit_log').select(['action', 'detail']).where('entity_id', '=', booth.id).orderBy('id').execute();
      expect(audit.map((a) => a.action)).toEqual(['booth.applied', 'booth.approved', 'booth.rejected']);

      // Out of the regional organiser's region, an application does not exist for them.
      const r2Fair = await insertTestFair(db(), f, { regionIds: [f.regions.r2] });
      const r2Booth = await insertTestBooth(db(), r2Fair, f.orgs.b, { status: 'applied' });
      expect((await regional.post(`${API}/booths/${r2Booth}/review`, { decision: 'approved' })).status).toBe(404);
      expect((await admin.post(`${API}/booths/${r2Booth}/review`, { decision: 'approved' })).status).toBe(200);
    });

    it('validates representatives and the rota, and computes who is on duty', async () => {
      const fairId = await insertTestFair(db(), f, { status: 'live' });
      const boothId = await insertTestBooth(db(), fairId, f.orgs.b);
      const before = await snapshot();
      const wrongOrg = await adminB.put(`${API}/booths/${boothId}/representatives`, { userIds: [staffB.adminId, f.userIds.recruiter, f.userIds.graduate] });
      expect(wrongOrg.status).toBe(400);
      expect(wrongOrg.body.error.code).toBe('validation_failed');
      expect(wrongOrg.body.error.details.map((d: { path: string }) => d.path)).toEqual(['userIds.1', 'userIds.2']);
      expect((await recruiterB.put(`${API}/booths/${boothId}/representatives`, { userIds: [staffB.recruiterId] })).status).toBe(403);
      expect(await snapshot()).toEqual(before);

      const reps = await adminB.put(`${API}/booths/${boothId}/representatives`, { userIds: [staffB.recruiterId, staffB.adminId] });
      expect(reps.status).toBe(200);
      expect(reps.body.representatives.map((r: { userId: string }) => r.userId).sort()).toEqual([staffB.adminId, staffB.recruiterId].sort());

      const now = Date.now();
      const iso = (offsetHours: number) => new Date(now + offsetHours * HOUR).toISOString();
      const bad = await adminB.put(`${API}/booths/${boothId}/rota`, {
        slots: [
          { userId: f.userIds.employer_admin, startsAt: iso(-1), endsAt: iso(1) },
          { userId: staffB.recruiterId, startsAt: iso(2), endsAt: iso(2) },
        ],
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(['slots.0.userId', 'slots.1.endsAt']);
      expect(await db().selectFrom('booth_rota').select('id').where('booth_id', '=', boothId).execute()).toEqual([]);

      const later = await adminB.put(`${API}/booths/${boothId}/rota`, { slots: [{ userId: staffB.recruiterId, startsAt: iso(1), endsAt: iso(2) }] });
      expect(later.status).toBe(200);
      expect(later.body.isOnDuty).toBe(false);
      const nowOn = await adminB.put(`${API}/booths/${boothId}/rota`, {
        slots: [
          { userId: staffB.adminId, startsAt: iso(20), endsAt: iso(24) },
          { userId: staffB.recruiterId, startsAt: iso(-1), endsAt: iso(1) },
        ],
      });
      expect(nowOn.body.isOnDuty).toBe(true);
      expect(nowOn.body.rota.map((s: { userId: string }) => s.userId)).toEqual([staffB.recruiterId, staffB.adminId]);
      expect((await anonymous.get(`${API}/booths/${boothId}`)).body.isOnDuty).toBe(true);
      const listed = await anonymous.get(`${API}/fairs/${fairId}/booths`);
      expect(listed.body.items[0]).toMatchObject({ id: boothId, isOnDuty: true });

      // Dropping a representative drops their rota slots too.
      const fewer = await adminB.put(`${API}/booths/${boothId}/representatives`, { userIds: [staffB.adminId] });
      expect(fewer.body.rota.map((s: { userId: string }) => s.userId)).toEqual([staffB.adminId]);
      expect(fewer.body.isOnDuty).toBe(false);
      const audit = await db().selectFrom('audit_log').select('action').where('entity_id', '=', boothId).orderBy('id').execute();
      expect(audit.map((a) => a.action)).toEqual(['booth.representatives_set', 'booth.rota_set', 'booth.rota_set', 'booth.representatives_set']);
    });

    it("answers employer X's staff with 404 for anything of employer Y's that is not public, and refuses every write", async () => {
      const fairId = await insertTestFair(db(), f);
      const applied = await insertTestBooth(db(), fairId, f.orgs.b, { status: 'applied', representatives: [staffB.adminId] });
      const otherFair = await insertTestFair(db(), f);
      const approved = await insertTestBooth(db(), otherFair, f.orgs.b, { representatives: [staffB.adminId] });
      const message = await insertTestBoothMessage(db(), approved, f.userIds.graduate);
      const before = await snapshot();
      const missing = await adminA.get(`${API}/booths/${MISSING}`);
      for (const x of [recruiterA, adminA]) {
        const seen = await x.get(`${API}/booths/${applied}`);
        expect(seen.status).toBe(404);
        expect(seen.body).toEqual(missing.body);
        expect((await x.get(`${API}/fairs/${fairId}/booths`)).body.items).toEqual([]);
        expect((await x.patch(`${API}/booths/${applied}`, { profile: '篡改' })).status).toBe(404);
        expect((await x.put(`${API}/booths/${applied}/representatives`, { userIds: [x === adminA ? f.userIds.employer_admin : f.userIds.recruiter] })).status).toBe(404);
        expect((await x.put(`${API}/booths/${applied}/rota`, { slots: [] })).status).toBe(404);
        expect((await x.post(`${API}/booths/${applied}/review`, { decision: 'approved' })).status).toBe(404);
        expect((await x.get(`${API}/organisations/${f.orgs.b}/inbox`)).status).toBe(404);
        expect((await x.post(`${API}/booth-messages/${message}/reply`, { reply: '冒充回复' })).status).toBe(404);
        // The approved booth is public: they may see it, and are refused changing it.
        expect((await x.get(`${API}/booths/${approved}`)).status).toBe(200);
        expect((await x.patch(`${API}/booths/${approved}`, { profile: '篡改' })).status).toBe(403);
        expect((await x.put(`${API}/booths/${approved}/representatives`, { userIds: [f.userIds.recruiter] })).status).toBe(403);
        expect((await x.put(`${API}/booths/${approved}/rota`, { slots: [] })).status).toBe(403);
        expect((await x.post(`${API}/booths/${approved}/review`, { decision: 'rejected' })).status).toBe(403);
      }
      expect(await snapshot()).toEqual(before);
      const rows = await db().selectFrom('booths').select(['profile', 'status']).where('id', 'in', [applied, approved]).execute();
      expect(rows.every((r) => r.profile === '')).toBe(true);
    });

    it("lets the employer's administrator edit its booth until the fair ends", async () => {
      const fairId = await insertTestFair(db(), f);
      const boothId = await insertTestBooth(db(), fairId, f.orgs.b);
      const edited = await adminB.patch(`${API}/booths/${boothId}`, { profile: '新简介', softLimitMinutes: 15 });
      expect(edited.status).toBe(200);
      // Fields left out keep their values.
      expect(edited.body).toMatchObject({ profile: '新简介', softLimitMinutes: 15, maxConcurrentChats: 3, jobs: [{ title: '物流专员', headcount: 2 }] });
      expect((await recruiterB.patch(`${API}/booths/${boothId}`, { profile: '招聘改' })).status).toBe(403);
      await db().updateTable('fairs').set({ status: 'ended' }).where('id', '=', fairId).execute();
      expect((await adminB.patch(`${API}/booths/${boothId}`, { profile: '结束后' })).status).toBe(409);
    });
  });

  describe('24365 inbox', () => {
    it('carries a message from a graduate to the employer and the reply back', async () => {
      const fairId = await insertTestFair(db(), f, { status: 'live' });
      const boothId = await insertTestBooth(db(), fairId, f.orgs.b, { representatives: [staffB.recruiterId] });
      const appliedFair = await insertTestFair(db(), f);
      const appliedBooth = await insertTestBooth(db(), appliedFair, f.orgs.b, { status: 'applied' });
      const [other] = await createGraduates(db(), f, 1, 3);
      const otherClient = await as(other!.login);

      expect((await anonymous.get(`${API}/booths/${boothId}`)).body.isOnDuty).toBe(false);
      const left = await graduate.post(`${API}/booths/${boothId}/messages`, { body: '您好，请问物流专员岗位还招人吗？' });
      expect(left.status).toBe(201);
      expect(left.body).toMatchObject({ boothId, fairId, organisationId: f.orgs.b, graduateId: f.userIds.graduate, graduateName: 'graduate', reply: null, repliedAt: null });
      const second = await otherClient.post(`${API}/booths/${boothId}/messages`, { body: '想了解实习机会' });
      expect(second.status).toBe(201);
      expect((await graduate.post(`${API}/booths/${appliedBooth}/messages`, { body: '你好' })).status).toBe(404);
      expect((await adminA.post(`${API}/booths/${boothId}/messages`, { body: '你好' })).status).toBe(403);
      expect((await anonymous.post(`${API}/booths/${boothId}/messages`, { body: '你好' })).status).toBe(401);

      // Newest first; the fair filter keeps out messages other tests left at employer B's other booths.
      const inbox = await recruiterB.get(`${API}/organisations/${f.orgs.b}/inbox?fairId=${fairId}`);
      expect(inbox.status).toBe(200);
      expect(inbox.body.items.map((m: { id: string }) => m.id)).toEqual([second.body.id, left.body.id]);
      expect((await recruiterB.get(`${API}/organisations/${f.orgs.b}/inbox?unanswered=true&fairId=${fairId}`)).body.total).toBe(2);
      const everything = await recruiterB.get(`${API}/organisations/${f.orgs.b}/inbox?pageSize=1`);
      expect(everything.body.items.map((m: { id: string }) => m.id)).toEqual([second.body.id]);
      expect(everything.body.total).toBeGreaterThanOrEqual(2);

      const reply = await adminB.post(`${API}/booth-messages/${left.body.id}/reply`, { reply: '欢迎投递简历，明天上午有人值班' });
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ id: left.body.id, reply: '欢迎投递简历，明天上午有人值班', repliedAt: expect.any(String) });
      expect((await recruiterB.post(`${API}/booth-messages/${left.body.id}/reply`, { reply: '再答一次' })).status).toBe(409);
      const open = await recruiterB.get(`${API}/organisations/${f.orgs.b}/inbox?unanswered=true&fairId=${fairId}`);
      expect(open.body.items.map((m: { id: string }) => m.id)).toEqual([second.body.id]);
      const answered = await recruiterB.get(`${API}/organisations/${f.orgs.b}/inbox?unanswered=false&fairId=${fairId}`);
      expect(answered.body.items.map((m: { id: string }) => m.id)).toEqual([left.body.id]);

      const sent = await graduate.get(`${API}/account/booth-messages`);
      expect(sent.status).toBe(200);
      const mine = sent.body.items.find((m: { id: string }) => m.id === left.body.id);
      expect(mine).toMatchObject({ organisationName: '上海乙物流有限公司', reply: '欢迎投递简历，明天上午有人值班' });
      expect(sent.body.items.some((m: { id: string }) => m.id === second.body.id)).toBe(false);
      expect((await graduate.get(`${API}/organisations/${f.orgs.b}/inbox`)).status).toBe(404);
      expect((await district.get(`${API}/organisations/${f.orgs.b}/inbox`)).status).toBe(404);
      expect((await graduate.post(`${API}/booth-messages/${left.body.id}/reply`, { reply: '自问自答' })).status).toBe(404);
      const bad = await recruiterB.get(`${API}/organisations/${f.orgs.b}/inbox?unanswered=maybe`);
      expect(bad.status).toBe(400);
      expect(bad.body.error.details[0].path).toBe('query.unanswered');

      // The audit trail records that messages exist, never what they say.
      const audit = await db().selectFrom('audit_log').select(['action', 'detail']).where('entity_id', 'in', [left.body.id, second.body.id]).execute();
      expect(audit.map((a) => a.action).sort()).toEqual(['booth_message.left', 'booth_message.left', 'booth_message.replied']);
      expect(JSON.stringify(audit)).not.toContain('物流专员');
    });
  });

  describe('organiser exports', () => {
    async function download(client: ApiClient, path: string) {
      const res = await fetch(`${t.url}${API}${path}`, { headers: client.cookie ? { cookie: client.cookie } : {} });
      const bytes = new Uint8Array(await res.arrayBuffer());
      return { status: res.status, headers: res.headers, bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
    }

    it('exports registrations and booths as UTF-8 CSV with a BOM, Chinese headers and proper quoting', async () => {
      const fairId = await insertTestFair(db(), f, { regionIds: [f.regions.r1] });
      expect((await graduate.post(`${API}/fairs/${fairId}/registration`)).status).toBe(201);
      await db().updateTable('fair_registrations').set({ created_at: new Date('2026-06-01T00:30:00Z') }).where('fair_id', '=', fairId).execute();
      const boothB = await insertTestBooth(db(), fairId, f.orgs.b, { status: 'applied', representatives: [staffB.adminId, staffB.recruiterId] });
      await district.post(`${API}/booths/${boothB}/review`, { decision: 'approved', reason: '材料齐全, 请携带"营业执照"原件' });
      const boothA = await insertTestBooth(db(), fairId, f.orgs.a, { status: 'applied' });
      await district.post(`${API}/booths/${boothA}/review`, { decision: 'rejected', reason: '=HYPERLINK("http://example.com")' });

      const regs = await download(district, `/fairs/${fairId}/registrations.csv`);
      expect(regs.status).toBe(200);
      expect(regs.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(regs.headers.get('content-disposition')).toContain('attachment');
      expect([...regs.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = regs.text.slice(1).split('\r\n');
      expect(lines[0]).toBe('姓名,手机号,邮箱,学校,专业,学历,毕业年份,户籍镇街,报名时间');
      // 00:30 UTC is 08:30 in Shanghai; the hardship flag is never exported.
      expect(lines[1]).toBe(`李明,${f.logins.graduate},,上海大学,软件工程,本科,2026,泗泾镇,2026-06-01 08:30`);
      expect(lines.slice(2)).toEqual(['']);

      const booths = await download(regional, `/fairs/${fairId}/booths.csv`);
      expect(booths.status).toBe(200);
      expect([...booths.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const boothLines = booths.text.slice(1).split('\r\n');
      expect(boothLines[0]).toBe('企业名称,统一社会信用代码,行业,所在镇街,审核状态,岗位,招聘人数,展位代表,审核意见,申请时间');
      const approvedLine = boothLines.find((l) => l.startsWith('上海乙物流有限公司'));
      expect(approvedLine).toMatch(/^上海乙物流有限公司,,现代物流,新浜镇,已通过,物流专员,2,(人事1、招聘1|招聘1、人事1),"材料齐全, 请携带""营业执照""原件",\d{4}-\d\d-\d\d \d\d:\d\d$/);
      const rejectedLine = boothLines.find((l) => l.startsWith('上海甲科技有限公司'));
      // A cell a spreadsheet would run as a formula is defused.
      expect(rejectedLine).toContain(`,未通过,`);
      expect(rejectedLine).toContain(`"'=HYPERLINK(""http://example.com"")"`);
    });

    it('refuses everyone but the fair organisers with 404', async () => {
      const fairId = await insertTestFair(db(), f, { regionIds: [f.regions.r2] });
      const missing = await download(graduate, `/fairs/${MISSING}/registrations.csv`);
      for (const client of [graduate, recruiterA, adminA, adminB, caseworker, regional]) {
        for (const path of [`/fairs/${fairId}/registrations.csv`, `/fairs/${fairId}/booths.csv`]) {
          const res = await download(client, path);
          expect(res.status, path).toBe(404);
          expect(res.text).toBe(missing.text);
        }
      }
      expect((await download(anonymous, `/fairs/${fairId}/booths.csv`)).status).toBe(401);
      expect((await download(admin, `/fairs/${fairId}/booths.csv`)).status).toBe(200);
    });

    it('documents the CSV routes in the OpenAPI document', async () => {
      const doc = (await anonymous.get(`${API}/openapi.json`)).body;
      for (const path of ['/api/v1/fairs/{id}/registrations.csv', '/api/v1/fairs/{id}/booths.csv']) {
        const op = doc.paths[path].get;
        expect(op.responses['200'].content['text/csv']).toBeDefined();
        expect(op.security).toEqual([{ sessionCookie: [] }]);
      }
    });
  });

  describe('bad input', () => {
    it('answers a malformed fair with 400 validation_failed naming each path, and writes nothing', async () => {
      const before = await snapshot();
      const res = await district.post(`${API}/fairs`, { title: 'x', level: 'city', hosts: { townIds: ['nope'] }, startsAt: 'tomorrow', endsAt: '2026-09-15T20:00:00+08:00', capacity: 0, extra: 1 });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      const paths = res.body.error.details.map((d: { path: string }) => d.path);
      expect(paths).toEqual(expect.arrayContaining(['body.title', 'body.level', 'body.hosts.townIds.0', 'body.startsAt', 'body.capacity', 'body.extra']));
      const reversed = await district.post(`${API}/fairs`, fairBody({ startsAt: '2026-09-15T20:00:00+08:00', endsAt: '2026-09-15T08:00:00+08:00' }));
      expect(reversed.status).toBe(400);
      expect(reversed.body.error.details.map((d: { path: string }) => d.path)).toEqual(['body.endsAt']);
      const unknownHost = await district.post(`${API}/fairs`, fairBody({ hosts: { townIds: [f.towns.a, MISSING], regionIds: [MISSING] } }));
      expect(unknownHost.status).toBe(400);
      expect(unknownHost.body.error.details.map((d: { path: string }) => d.path)).toEqual(['hosts.townIds.1', 'hosts.regionIds.0']);
      expect((await district.post(`${API}/fairs/${MISSING}/status`, { status: 'cancelled' })).body.error.details[0].path).toBe('body.status');
      expect((await anonymous.get(`${API}/fairs/not-a-uuid`)).body.error.details[0].path).toBe('params.id');
      const query = await anonymous.get(`${API}/fairs?level=city&from=yesterday&sort=title`);
      expect(query.status).toBe(400);
      expect(query.body.error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['query.level', 'query.from', 'query.sort']));
      expect(await snapshot()).toEqual(before);
    });

    it('answers malformed booth writes with 400 validation_failed, and writes nothing', async () => {
      const fairId = await insertTestFair(db(), f);
      const boothId = await insertTestBooth(db(), fairId, f.orgs.b, { representatives: [staffB.adminId] });
      const before = await snapshot();
      const patch = await adminB.patch(`${API}/booths/${boothId}`, { jobs: [{ title: '' }], maxConcurrentChats: 99 });
      expect(patch.status).toBe(400);
      expect(patch.body.error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['body.jobs.0.title', 'body.maxConcurrentChats']));
      const review = await district.post(`${API}/booths/${boothId}/review`, { decision: 'maybe' });
      expect(review.body.error.details[0].path).toBe('body.decision');
      const rota = await adminB.put(`${API}/booths/${boothId}/rota`, { slots: [{ userId: staffB.adminId, startsAt: 'soon', endsAt: new Date().toISOString() }] });
      expect(rota.status).toBe(400);
      expect(rota.body.error.details[0].path).toBe('body.slots.0.startsAt');
      const reps = await adminB.put(`${API}/booths/${boothId}/representatives`, { userIds: [] });
      expect(reps.body.error.details[0].path).toBe('body.userIds');
      const apply = await adminB.post(`${API}/fairs/${fairId}/booths`, { jobs: 'many' });
      expect(apply.body.error.details[0].path).toBe('body.jobs');
      const message = await graduate.post(`${API}/booths/${boothId}/messages`, { body: '   ' });
      expect(message.body.error.details[0].path).toBe('body.body');
      expect(await snapshot()).toEqual(before);
    });
  });
});

describe('demo district fairs', () => {
  let t: TestPlatform;

  beforeAll(async () => {
    t = await startTestPlatform();
    await seedDemo(t.platform.ctx.db, t.platform.ctx.fieldCrypto, 'demo-password-1', { graduates: 60, employers: 40 });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('seeds a live district fair, two upcoming ones and an ended one', async () => {
    const client = new ApiClient(t.url);
    const now = Date.now();
    const towns = (await client.get(`${API}/towns`)).body.items;
    const devZone = towns.find((town: { isDevZone: boolean }) => town.isDevZone);
    const live = await client.get(`${API}/fairs?status=live`);
    expect(live.body.total).toBe(1);
    const fair = live.body.items[0];
    expect(fair).toMatchObject({ level: 'district', boothCount: 20, registeredCount: 40 });
    expect(fair.hosts.regionIds).toHaveLength(5);
    expect(fair.hosts.townIds).toEqual([devZone.id]);
    expect(Date.parse(fair.startsAt)).toBeLessThan(now);
    expect(Date.parse(fair.endsAt)).toBeGreaterThan(now + 6 * 24 * HOUR);

    const booths = (await client.get(`${API}/fairs/${fair.id}/booths`)).body.items;
    expect(booths).toHaveLength(20);
    for (const booth of booths) {
      expect(booth.status).toBe('approved');
      expect(booth.isOnDuty).toBe(true);
      expect(booth.representatives.length).toBeGreaterThanOrEqual(1);
      expect(booth.jobs.length).toBeGreaterThanOrEqual(3);
      expect(booth.jobs.length).toBeLessThanOrEqual(5);
      expect(booth.rota.every((slot: { startsAt: string; endsAt: string }) => slot.startsAt === fair.startsAt && slot.endsAt === fair.endsAt)).toBe(true);
    }
    expect(booths.filter((b: { representatives: unknown[] }) => b.representatives.length === 2).length).toBeGreaterThan(10);
    const verified = await t.platform.ctx.db
      .selectFrom('booths')
      .innerJoin('organisations', 'organisations.id', 'booths.organisation_id')
      .select('organisations.is_verified')
      .where('booths.fair_id', '=', fair.id)
      .execute();
    expect(verified.every((o) => o.is_verified)).toBe(true);

    const upcoming = (await client.get(`${API}/fairs?status=published`)).body.items;
    expect(upcoming.map((x: { level: string }) => x.level)).toEqual(['region', 'town']);
    expect(upcoming.every((x: { startsAt: string }) => Date.parse(x.startsAt) > now)).toBe(true);
    const ended = (await client.get(`${API}/fairs?status=ended`)).body.items;
    expect(ended).toHaveLength(1);
    expect(Date.parse(ended[0].endsAt)).toBeLessThan(now);
  });
});
