import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../server/src/http/app.js';
import { ApiClient } from '../support/client.js';
import { createFixtures, PASSWORD, type Fixtures } from '../support/fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/platform.js';

describe('API conventions and bad input', () => {
  let t: TestPlatform;
  let f: Fixtures;
  let caseworker: ApiClient;

  beforeAll(async () => {
    t = await startTestPlatform();
    f = await createFixtures(t.platform.ctx.db);
    caseworker = new ApiClient(t.url);
    await caseworker.login(f.logins.caseworker, PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function snapshot() {
    const db = t.platform.ctx.db;
    const audit = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const users = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const file = await db.selectFrom('graduate_profiles').selectAll().where('id', '=', f.graduates.a).executeTakeFirstOrThrow();
    return { audit: Number(audit.n), users: Number(users.n), file };
  }

  it('answers malformed JSON with 400 bad_request and writes nothing', async () => {
    const before = await snapshot();
    const res = await caseworker.patch(`/api/v1/graduates/${f.graduates.a}`, '{"jobIntention": ');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 'bad_request', message: expect.any(String) } });
    expect(await snapshot()).toEqual(before);
  });

  it('answers unknown and wrong-typed fields with 400 validation_failed naming each path, and writes nothing', async () => {
    const before = await snapshot();
    const res = await caseworker.patch(`/api/v1/graduates/${f.graduates.a}`, { graduationYear: 'next year', favouriteColour: 'red' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    const paths = res.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.graduationYear', 'body.favouriteColour']));
    expect(await snapshot()).toEqual(before);
  });

  it('validates params and query strings too', async () => {
    const badId = await caseworker.get('/api/v1/graduates/not-a-uuid');
    expect(badId.status).toBe(400);
    expect(badId.body.error.details[0].path).toBe('params.id');
    const unknownQuery = await caseworker.get('/api/v1/graduates?sort=name');
    expect(unknownQuery.status).toBe(400);
    expect(unknownQuery.body.error.details[0].path).toBe('query.sort');
    const badPage = await caseworker.get('/api/v1/graduates?pageSize=5000');
    expect(badPage.status).toBe(400);
  });

  it('refuses an oversized body with 413 and writes nothing', async () => {
    const before = await snapshot();
    const res = await caseworker.patch(`/api/v1/graduates/${f.graduates.a}`, { jobIntention: 'x'.repeat(2 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a body that is not JSON with 415', async () => {
    const res = await caseworker.request('PATCH', `/api/v1/graduates/${f.graduates.a}`, 'jobIntention=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('unsupported_media_type');
  });

  it("answers another town's file with 404, exactly as a missing one", async () => {
    const other = await caseworker.get(`/api/v1/graduates/${f.graduates.b}`);
    const missing = await caseworker.get('/api/v1/graduates/00000000-0000-4000-8000-000000000000');
    expect(other.status).toBe(404);
    expect(other.body).toEqual(missing.body);
    const before = await snapshot();
    const edit = await caseworker.patch(`/api/v1/graduates/${f.graduates.b}`, { jobIntention: '篡改' });
    expect(edit.status).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it('paginates lists with a total', async () => {
    const admin = new ApiClient(t.url);
    await admin.login(f.logins.admin, PASSWORD);
    const page1 = await admin.get('/api/v1/organisations?pageSize=1&page=1');
    const page2 = await admin.get('/api/v1/organisations?pageSize=1&page=2');
    expect(page1.body).toMatchObject({ page: 1, pageSize: 1, total: 2 });
    expect(page1.body.items).toHaveLength(1);
    expect(page2.body.items).toHaveLength(1);
    expect(page1.body.items[0].id).not.toBe(page2.body.items[0].id);
    const verified = await admin.get('/api/v1/organisations?isVerified=true');
    expect(verified.body.items.map((o: { id: string }) => o.id)).toEqual([f.orgs.b]);
  });

  it('returns the error envelope for unknown API routes', async () => {
    const res = await caseworker.get('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('tags every response with a request id, keeping a well-formed incoming one', async () => {
    const generated = await caseworker.get('/api/v1/towns');
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await caseworker.request('GET', '/api/v1/towns', undefined, { 'x-request-id': 'trace-abc-123' });
    expect(kept.headers.get('x-request-id')).toBe('trace-abc-123');
  });

  it('sends security headers', async () => {
    const res = await caseworker.get('/api/v1/towns');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('reports liveness, readiness and Prometheus metrics', async () => {
    const client = new ApiClient(t.url);
    expect((await client.get('/healthz')).body).toEqual({ status: 'ok' });
    const ready = await client.get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ok', checks: { database: 'ok', redis: 'ok' } });
    const metrics = await client.get('/metrics');
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    expect(metrics.body).toMatch(/yunpin_http_requests_total\{method="GET",route="\/api\/v1\/towns",status="200"\} \d+/);
    expect(metrics.body).toMatch(/yunpin_queue_jobs\{queue="notifications",state="waiting"\} \d+/);
    expect(metrics.body).toContain('yunpin_process_cpu_seconds_total');
  });

  it('publishes an OpenAPI document generated from the zod schemas, covering every route', async () => {
    const res = await new ApiClient(t.url).get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    for (const route of apiRoutes(t.platform.httpOptions)) {
      const path = `/api/v1${route.path.replace(/:(\w+)/g, '{$1}')}`;
      expect(res.body.paths[path]?.[route.method], `${route.method} ${path}`).toBeDefined();
    }
    const register = res.body.paths['/api/v1/auth/register'].post.requestBody.content['application/json'].schema;
    expect(JSON.stringify(register)).toContain('organisationName');
    const list = res.body.paths['/api/v1/graduates'].get.parameters.map((p: { name: string }) => p.name);
    expect(list).toEqual(expect.arrayContaining(['page', 'pageSize', 'townId', 'employmentStatus', 'q']));
  });
});
