import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../server/src/http/app.js';
import { ApiClient } from '../support/client.js';
import { createFixtures, PASSWORD, type Fixtures, type FixtureRole } from '../support/fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/platform.js';

type Actor = FixtureRole | 'anonymous';
const ACTORS: Actor[] = ['anonymous', 'graduate', 'recruiter', 'employer_admin', 'caseworker', 'regional_organiser', 'district_organiser', 'admin'];
const STAFF: Actor[] = ['caseworker', 'regional_organiser', 'district_organiser', 'admin'];

interface Case {
  /** The route as declared (method and path pattern), so every declared route must appear here. */
  route: string;
  label: string;
  request: (f: Fixtures, actor: Actor) => { method: string; path: string; body?: unknown };
  allowed: Actor[];
  /** Status for a logged-in actor who is refused: 404 hides what exists; 403 when they may already see it. */
  deniedStatus?: (actor: Actor) => number;
}

const everyone = ACTORS;
const loggedIn = ACTORS.filter((a) => a !== 'anonymous');
let registrations = 0;

const CASES: Case[] = [
  { route: 'get /auth/session', label: 'session', request: () => ({ method: 'GET', path: '/auth/session' }), allowed: loggedIn },
  {
    route: 'post /auth/register',
    label: 'register',
    request: () => ({ method: 'POST', path: '/auth/register', body: { role: 'graduate', name: '新同学', login: `1370000${String(++registrations).padStart(4, '0')}`, password: 'a-new-password' } }),
    allowed: everyone,
  },
  {
    route: 'post /auth/login',
    label: 'login with own credentials',
    request: (f, actor) => ({ method: 'POST', path: '/auth/login', body: { login: actor === 'anonymous' ? f.logins.graduate : f.logins[actor], password: PASSWORD } }),
    allowed: everyone,
  },
  { route: 'post /auth/logout', label: 'logout', request: () => ({ method: 'POST', path: '/auth/logout' }), allowed: loggedIn },
  { route: 'get /account', label: 'own account', request: () => ({ method: 'GET', path: '/account' }), allowed: loggedIn },
  { route: 'patch /account', label: 'rename own account', request: () => ({ method: 'PATCH', path: '/account', body: { name: '改名' } }), allowed: loggedIn },
  {
    route: 'post /account/password',
    label: 'change own password',
    request: () => ({ method: 'POST', path: '/account/password', body: { currentPassword: PASSWORD, newPassword: PASSWORD } }),
    allowed: loggedIn,
  },
  { route: 'get /account/notifications', label: 'own messages', request: () => ({ method: 'GET', path: '/account/notifications' }), allowed: loggedIn },
  { route: 'get /regions', label: 'regions', request: () => ({ method: 'GET', path: '/regions' }), allowed: everyone },
  { route: 'get /towns', label: 'towns', request: () => ({ method: 'GET', path: '/towns' }), allowed: everyone },
  {
    route: 'patch /towns/:id/region',
    label: 'move a town between regions',
    request: (f) => ({ method: 'PATCH', path: `/towns/${f.towns.a}/region`, body: { regionId: f.regions.r1 } }),
    allowed: ['district_organiser', 'admin'],
    deniedStatus: () => 403,
  },
  { route: 'get /graduates', label: 'list graduate files', request: () => ({ method: 'GET', path: '/graduates' }), allowed: STAFF },
  {
    route: 'get /graduates/:id',
    label: 'read the file in town A',
    request: (f) => ({ method: 'GET', path: `/graduates/${f.graduates.a}` }),
    allowed: ['graduate', ...STAFF],
  },
  {
    route: 'get /graduates/:id',
    label: 'read the file in town B',
    request: (f) => ({ method: 'GET', path: `/graduates/${f.graduates.b}` }),
    allowed: ['district_organiser', 'admin'],
  },
  {
    route: 'patch /graduates/:id',
    label: 'edit the file in town A',
    request: (f) => ({ method: 'PATCH', path: `/graduates/${f.graduates.a}`, body: { jobIntention: '软件开发' } }),
    allowed: ['graduate', 'caseworker', 'admin'],
    deniedStatus: (actor) => (actor === 'regional_organiser' || actor === 'district_organiser' ? 403 : 404),
  },
  {
    route: 'patch /graduates/:id',
    label: 'edit the file in town B',
    request: (f) => ({ method: 'PATCH', path: `/graduates/${f.graduates.b}`, body: { jobIntention: '物流' } }),
    allowed: ['admin'],
    deniedStatus: (actor) => (actor === 'district_organiser' ? 403 : 404),
  },
  { route: 'get /organisations', label: 'list employers', request: () => ({ method: 'GET', path: '/organisations' }), allowed: STAFF },
  {
    route: 'get /organisations/:id',
    label: 'read employer A',
    request: (f) => ({ method: 'GET', path: `/organisations/${f.orgs.a}` }),
    allowed: ['recruiter', 'employer_admin', ...STAFF],
  },
  {
    route: 'get /organisations/:id',
    label: 'read employer B',
    request: (f) => ({ method: 'GET', path: `/organisations/${f.orgs.b}` }),
    allowed: STAFF,
  },
  {
    route: 'patch /organisations/:id/verification',
    label: 'verify employer A',
    request: (f) => ({ method: 'PATCH', path: `/organisations/${f.orgs.a}/verification`, body: { isVerified: true } }),
    allowed: ['regional_organiser', 'district_organiser', 'admin'],
    deniedStatus: (actor) => (actor === 'graduate' ? 404 : 403),
  },
  {
    route: 'patch /organisations/:id/verification',
    label: 'verify employer B (outside region 1)',
    request: (f) => ({ method: 'PATCH', path: `/organisations/${f.orgs.b}/verification`, body: { isVerified: true } }),
    allowed: ['district_organiser', 'admin'],
    deniedStatus: (actor) => (['graduate', 'recruiter', 'employer_admin'].includes(actor) ? 404 : 403),
  },
  { route: 'get /audit', label: 'audit log', request: () => ({ method: 'GET', path: '/audit' }), allowed: ['district_organiser', 'admin'] },
  { route: 'get /users', label: 'all accounts', request: () => ({ method: 'GET', path: '/users' }), allowed: ['admin'] },
];

describe('permission matrix: every role × every route', () => {
  let t: TestPlatform;
  let f: Fixtures;

  beforeAll(async () => {
    t = await startTestPlatform();
    f = await createFixtures(t.platform.ctx.db);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('covers every declared API route', () => {
    const declared = new Set(apiRoutes(t.platform.httpOptions).map((r) => `${r.method} ${r.path}`));
    const covered = new Set(CASES.map((c) => c.route));
    expect([...declared].filter((r) => !covered.has(r))).toEqual([]);
    expect([...covered].filter((r) => !declared.has(r))).toEqual([]);
  });

  for (const c of CASES) {
    describe(c.label, () => {
      for (const actor of ACTORS) {
        const isAllowed = c.allowed.includes(actor);
        it(`${actor} is ${isAllowed ? 'allowed' : 'refused'}`, async () => {
          // A fresh session per cell: logout and password changes must not leak into other cells.
          const client = new ApiClient(t.url);
          if (actor !== 'anonymous') await client.login(f.logins[actor], PASSWORD);
          const { method, path, body } = c.request(f, actor);
          const res = await client.request(method, `/api/v1${path}`, body);
          if (isAllowed) {
            expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(200);
            expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
          } else {
            const expected = actor === 'anonymous' ? 401 : (c.deniedStatus?.(actor) ?? 404);
            expect(res.status, JSON.stringify(res.body)).toBe(expected);
            expect(res.body.error.code).toBeTypeOf('string');
          }
        });
      }
    });
  }

  it('shows the hardship flag to staff only', async () => {
    const graduate = new ApiClient(t.url);
    await graduate.login(f.logins.graduate, PASSWORD);
    const own = await graduate.get(`/api/v1/graduates/${f.graduates.a}`);
    expect(own.status).toBe(200);
    expect(own.body).not.toHaveProperty('isHardship');
    const caseworker = new ApiClient(t.url);
    await caseworker.login(f.logins.caseworker, PASSWORD);
    const seen = await caseworker.get(`/api/v1/graduates/${f.graduates.a}`);
    expect(seen.body.isHardship).toBe(true);
  });

  it('lets a caseworker list only the files of their towns', async () => {
    const caseworker = new ApiClient(t.url);
    await caseworker.login(f.logins.caseworker, PASSWORD);
    const res = await caseworker.get('/api/v1/graduates');
    expect(res.body.items.map((g: { id: string }) => g.id)).toEqual([f.graduates.a]);
    const admin = new ApiClient(t.url);
    await admin.login(f.logins.admin, PASSWORD);
    const all = await admin.get('/api/v1/graduates?pageSize=200');
    expect(all.body.items.map((g: { id: string }) => g.id)).toEqual(expect.arrayContaining([f.graduates.a, f.graduates.b]));
  });

  it('refuses a graduate who tries to set their own hardship flag or employment status, and changes nothing', async () => {
    const graduate = new ApiClient(t.url);
    await graduate.login(f.logins.graduate, PASSWORD);
    const hardship = await graduate.patch(`/api/v1/graduates/${f.graduates.a}`, { isHardship: false });
    expect(hardship.status).toBe(403);
    const status = await graduate.patch(`/api/v1/graduates/${f.graduates.a}`, { employmentStatus: 'employed' });
    expect(status.status).toBe(403);
    const row = await t.platform.ctx.db.selectFrom('graduate_profiles').selectAll().where('id', '=', f.graduates.a).executeTakeFirstOrThrow();
    expect(row.is_hardship).toBe(true);
    expect(row.employment_status).toBe('unemployed');
  });
});
