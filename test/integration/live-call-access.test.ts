import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/client.js';
import { createFixtures, PASSWORD, type Fixtures } from '../support/fixtures.js';
import { createLiveFair, type LiveFixtures } from '../support/live-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/platform.js';
import { ask, must, socketPool } from '../support/sockets.js';

/**
 * call:next remembers that a recruiter may call at a booth (it skips a PostgreSQL read on the hot
 * path); a change to the booth, its representatives or its fair must still take effect at once.
 */
describe('call:next after changes to who may call', () => {
  let t: TestPlatform;
  let f: Fixtures;
  let live: LiveFixtures;
  const pool = socketPool(() => t.url, PASSWORD);
  const as = (login: string) => pool.as(login);

  async function api(login: string): Promise<ApiClient> {
    const client = new ApiClient(t.url);
    await client.login(login, PASSWORD);
    return client;
  }

  async function queueAll(boothId: string): Promise<void> {
    for (const g of live.graduates) await must(await as(g.login), 'queue:join', { boothId });
  }

  async function busyGraduates(): Promise<number> {
    let n = 0;
    for (const g of live.graduates) if (await t.platform.sockets.live.store.busyWith(g.id)) n++;
    return n;
  }

  beforeAll(async () => {
    t = await startTestPlatform({ socket: { sessionRecheckMs: 0, rateLimit: { burst: 1000, perSecond: 1000 } } });
    f = await createFixtures(t.platform.ctx.db);
    live = await createLiveFair(t.platform.ctx.db, f, { graduateCount: 3 });
  });
  afterEach(async () => {
    pool.closeAll();
    const store = t.platform.sockets.live.store;
    for (const g of live.graduates) {
      const busy = await store.busyWith(g.id);
      if (busy?.kind === 'call') await store.endCall(busy.id, 'return', { kind: 'user', id: g.id }, Date.now());
      for (const boothId of [live.booths.a, live.booths.b]) await store.leave(boothId, g.id);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses a recruiter taken off the booth at their next call, and calls again once they are back', async () => {
    await queueAll(live.booths.a);
    const recruiter = await as(live.logins.recruiterA);
    const admin = await api(live.logins.adminA);

    const first = await must(recruiter, 'call:next', { boothId: live.booths.a });
    expect(first?.candidate.userId).toBe(live.graduates[0]!.id);
    await must(recruiter, 'call:return', { callId: first!.callId });
    expect(await busyGraduates()).toBe(0);

    expect((await admin.put(`/api/v1/booths/${live.booths.a}/representatives`, { userIds: [live.staff.adminA] })).status).toBe(200);
    const refused = await ask(recruiter, 'call:next', { boothId: live.booths.a });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await busyGraduates()).toBe(0);

    expect((await admin.put(`/api/v1/booths/${live.booths.a}/representatives`, { userIds: [live.staff.recruiterA, live.staff.adminA] })).status).toBe(200);
    const again = await must(recruiter, 'call:next', { boothId: live.booths.a });
    expect(again?.candidate.userId).toBe(live.graduates[0]!.id);
  });

  it('refuses a recruiter taken off the booth after opening its console (the console remembers the access too)', async () => {
    await queueAll(live.booths.a);
    const recruiter = await as(live.logins.recruiterA);
    const admin = await api(live.logins.adminA);
    await must(recruiter, 'console:open', { boothId: live.booths.a });

    expect((await admin.put(`/api/v1/booths/${live.booths.a}/representatives`, { userIds: [live.staff.adminA] })).status).toBe(200);
    expect(await ask(recruiter, 'call:next', { boothId: live.booths.a })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await busyGraduates()).toBe(0);
    expect((await admin.put(`/api/v1/booths/${live.booths.a}/representatives`, { userIds: [live.staff.recruiterA, live.staff.adminA] })).status).toBe(200);
  });

  it('uses the booth as changed: a new limit on conversations applies to the next call', async () => {
    await queueAll(live.booths.a);
    const recruiter = await as(live.logins.recruiterA);
    const admin = await api(live.logins.adminA);
    const first = await must(recruiter, 'call:next', { boothId: live.booths.a });
    expect(first).not.toBeNull();

    // One call open; with the limit lowered to one, a second call must wait.
    expect((await admin.patch(`/api/v1/booths/${live.booths.a}`, { maxConcurrentChats: 1 })).status).toBe(200);
    const full = await ask(recruiter, 'call:next', { boothId: live.booths.a });
    expect(full).toMatchObject({ ok: false, error: { code: 'conflict', details: { reason: 'recruiter_full' } } });
    expect(await busyGraduates()).toBe(1);

    expect((await admin.patch(`/api/v1/booths/${live.booths.a}`, { maxConcurrentChats: 3 })).status).toBe(200);
    const second = await must(recruiter, 'call:next', { boothId: live.booths.a });
    expect(second?.candidate.userId).toBe(live.graduates[1]!.id);
  });

  it('refuses every call once the fair has ended, though the recruiter called a moment before', async () => {
    await queueAll(live.booths.a);
    const recruiter = await as(live.logins.recruiterA);
    const first = await must(recruiter, 'call:next', { boothId: live.booths.a });
    await must(recruiter, 'call:return', { callId: first!.callId });

    const organiser = await api(f.logins.district_organiser);
    expect((await organiser.post(`/api/v1/fairs/${live.fairId}/status`, { status: 'ended' })).status).toBe(200);
    const refused = await ask(recruiter, 'call:next', { boothId: live.booths.a });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: 'The fair is not live' } });
    expect(await busyGraduates()).toBe(0);
  });
});
