import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/client.js';
import { createFixtures, PASSWORD, type Fixtures } from '../support/fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/platform.js';

const RATE_LIMIT = { perLogin: 3, perIp: 100, windowSeconds: 60 };

describe('accounts and sessions', () => {
  let t: TestPlatform;
  let f: Fixtures;

  beforeAll(async () => {
    t = await startTestPlatform({ loginRateLimit: RATE_LIMIT });
    f = await createFixtures(t.platform.ctx.db);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('registers a graduate by phone with an empty file and an HttpOnly SameSite cookie', async () => {
    const client = new ApiClient(t.url);
    const res = await client.post('/api/v1/auth/register', { role: 'graduate', name: '张三', login: '13911112222', password: 'a-long-password' });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ role: 'graduate', name: '张三', phone: '13911112222', email: null });
    expect(res.body.user.graduateProfileId).toBeTypeOf('string');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^yp_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const stored = await t.platform.ctx.db.selectFrom('users').select('password_hash').where('phone', '=', '13911112222').executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
    const file = await client.get(`/api/v1/graduates/${res.body.user.graduateProfileId}`);
    expect(file.status).toBe(200);
    expect(file.body.name).toBe('张三');
  });

  it('registers an employer by email with an unverified organisation', async () => {
    const client = new ApiClient(t.url);
    const res = await client.post('/api/v1/auth/register', {
      role: 'employer_admin',
      name: '人事部',
      login: 'HR@Example.com',
      password: 'a-long-password',
      organisationName: '上海丙智能制造有限公司',
      townId: f.towns.devZone,
    });
    expect(res.status).toBe(201);
    expect(res.body.user.email).toBe('hr@example.com');
    const org = await client.get(`/api/v1/organisations/${res.body.user.organisationId}`);
    expect(org.body).toMatchObject({ name: '上海丙智能制造有限公司', isVerified: false, townId: f.towns.devZone });
    // Email logins are case-insensitive.
    await new ApiClient(t.url).login('hr@EXAMPLE.com', 'a-long-password');
  });

  it('refuses a second registration with the same login and writes nothing', async () => {
    const before = await counts(t);
    const res = await new ApiClient(t.url).post('/api/v1/auth/register', { role: 'graduate', name: '重复', login: f.logins.graduate, password: 'another-password' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('conflict');
    expect(await counts(t)).toEqual(before);
  });

  it('answers wrong password and unknown login with the same 401 and message', async () => {
    const wrongPassword = await new ApiClient(t.url).post('/api/v1/auth/login', { login: f.logins.recruiter, password: 'not-it' });
    const unknown = await new ApiClient(t.url).post('/api/v1/auth/login', { login: '13999999999', password: 'not-it' });
    expect(wrongPassword.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrongPassword.body).toEqual(unknown.body);
    expect(wrongPassword.body.error.code).toBe('invalid_credentials');
  });

  it('rate-limits repeated failures with 429 and Retry-After, across server nodes sharing Redis', async () => {
    const login = f.logins.caseworker;
    for (let i = 0; i < RATE_LIMIT.perLogin; i++) {
      expect((await new ApiClient(t.url).post('/api/v1/auth/login', { login, password: 'wrong' })).status).toBe(401);
    }
    const blocked = await new ApiClient(t.url).post('/api/v1/auth/login', { login, password: PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('rate_limited');
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(RATE_LIMIT.windowSeconds);
    expect(blocked.headers.get('set-cookie')).toBeNull();

    if (t.dbKind === 'pg') {
      // A second node on the same database and Redis sees the same limit.
      const second = await startTestPlatform({ shareWith: t, loginRateLimit: RATE_LIMIT });
      try {
        const res = await new ApiClient(second.url).post('/api/v1/auth/login', { login, password: PASSWORD });
        expect(res.status).toBe(429);
      } finally {
        await second.close();
      }
    }
    const keys = await t.platform.ctx.redis.keys(`${t.redisPrefix}:ratelimit:*`);
    expect(keys.length).toBeGreaterThan(0);
  });

  it('requires the CSRF token and a same-site Origin for cookie-authenticated writes', async () => {
    const client = new ApiClient(t.url);
    await client.login(f.logins.employer_admin, PASSWORD);
    const noToken = await client.patch('/api/v1/account', { name: '无令牌' }, { 'x-csrf-token': '' });
    expect(noToken.status).toBe(403);
    expect(noToken.body.error.code).toBe('csrf_failed');
    const wrongToken = await client.patch('/api/v1/account', { name: '错令牌' }, { 'x-csrf-token': 'forged' });
    expect(wrongToken.status).toBe(403);
    client.origin = 'https://evil.example';
    const crossSite = await client.patch('/api/v1/account', { name: '跨站' });
    expect(crossSite.status).toBe(403);
    client.origin = t.url;
    const ok = await client.patch('/api/v1/account', { name: '新名字' });
    expect(ok.status).toBe(200);
    expect(ok.body.name).toBe('新名字');
    const user = await t.platform.ctx.db.selectFrom('users').select('name').where('id', '=', f.userIds.employer_admin).executeTakeFirstOrThrow();
    expect(user.name).toBe('新名字');
  });

  it('refuses a login form posted from another site', async () => {
    const client = new ApiClient(t.url);
    client.origin = 'https://evil.example';
    const res = await client.post('/api/v1/auth/login', { login: f.logins.admin, password: PASSWORD });
    expect(res.status).toBe(403);
    expect(client.cookie).toBeUndefined();
  });

  it('ends a session at logout: the old cookie no longer works', async () => {
    const client = new ApiClient(t.url);
    await client.login(f.logins.recruiter, PASSWORD);
    const oldCookie = client.cookie;
    expect((await client.get('/api/v1/auth/session')).status).toBe(200);
    const out = await client.post('/api/v1/auth/logout');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/yp_session=;/);
    client.cookie = oldCookie;
    expect((await client.get('/api/v1/auth/session')).status).toBe(401);
  });

  it('expires sessions server-side', async () => {
    const client = new ApiClient(t.url);
    await client.login(f.logins.admin, PASSWORD);
    expect((await client.get('/api/v1/account')).status).toBe(200);
    await t.platform.ctx.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', f.userIds.admin)
      .execute();
    const res = await client.get('/api/v1/account');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });

  it('changes a password, ends other sessions and keeps the current one', async () => {
    const phone = '13922223333';
    const first = new ApiClient(t.url);
    await first.post('/api/v1/auth/register', { role: 'graduate', name: '改密', login: phone, password: 'old-password-1' });
    const other = new ApiClient(t.url);
    await other.login(phone, 'old-password-1');
    const wrong = await first.post('/api/v1/account/password', { currentPassword: 'nope', newPassword: 'new-password-2' });
    expect(wrong.status).toBe(400);
    const res = await first.post('/api/v1/account/password', { currentPassword: 'old-password-1', newPassword: 'new-password-2' });
    expect(res.status).toBe(204);
    expect((await first.get('/api/v1/account')).status).toBe(200);
    expect((await other.get('/api/v1/account')).status).toBe(401);
    await new ApiClient(t.url).login(phone, 'new-password-2');
  });

  it('records logins and registrations in the append-only audit log', async () => {
    const admin = new ApiClient(t.url);
    await admin.login(f.logins.admin, PASSWORD);
    const res = await admin.get('/api/v1/audit?pageSize=200');
    const actions = res.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.login', 'user.registered', 'organisation.registered', 'auth.logout']));
    await expect(sql`update audit_log set action = 'tampered'`.execute(t.platform.ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(t.platform.ctx.db)).rejects.toThrow(/append-only/);
  });
});

async function counts(t: TestPlatform) {
  const db = t.platform.ctx.db;
  const [users, graduates, audit] = await Promise.all([
    db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('graduate_profiles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { users: Number(users.n), graduates: Number(graduates.n), audit: Number(audit.n) };
}
