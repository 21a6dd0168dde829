import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtures, PASSWORD } from '../support/fixtures.js';
import { createLiveFair, type LiveFixtures } from '../support/live-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/platform.js';
import { must, socketPool } from '../support/sockets.js';

/** The low-income priority lane reads the sealed hardship status of the graduate who joins. */
describe('live fair: the low-income priority lane', () => {
  let t: TestPlatform;
  let live: LiveFixtures;
  const pool = socketPool(() => t.url, PASSWORD);

  beforeAll(async () => {
    t = await startTestPlatform();
    const f = await createFixtures(t.platform.ctx.db);
    live = await createLiveFair(t.platform.ctx.db, f, { graduateCount: 3, priorityLanes: ['low_income'] });
    // The third graduate's family has hardship (sealed as the registry writes it).
    await t.platform.ctx.db
      .updateTable('graduate_profiles')
      .set({ hardship_sealed: await t.platform.ctx.fieldCrypto.sealFlag(true) })
      .where('user_id', '=', live.graduates[2]!.id)
      .execute();
  });
  afterAll(async () => {
    pool.closeAll();
    await t?.close();
  });

  it('puts a graduate with hardship ahead of those who joined before, and tells the recruiter nothing of why', async () => {
    const [g0, g1, g2] = await Promise.all(live.graduates.map((g) => pool.as(g.login)));
    await must(g0!, 'queue:join', { boothId: live.booths.a });
    await must(g1!, 'queue:join', { boothId: live.booths.a });
    const priority = await must(g2!, 'queue:join', { boothId: live.booths.a });
    expect(priority.position).toBe(1);
    const recruiter = await pool.as(live.logins.recruiterA);
    const console0 = await must(recruiter, 'console:open', { boothId: live.booths.a });
    expect(console0.entries.map((e) => e.candidate.name)).toEqual([live.graduates[2]!.name, live.graduates[0]!.name, live.graduates[1]!.name]);
    expect(JSON.stringify(console0)).not.toMatch(/hardship|low.?income/i);
    expect((await must(recruiter, 'call:next', { boothId: live.booths.a }))?.candidate.name).toBe(live.graduates[2]!.name);
  });
});

/** The "registered local" lane reads the registry's 户籍 flag, the same one the dashboard and the reports count. */
describe('live fair: the registered-local priority lane', () => {
  let t: TestPlatform;
  let live: LiveFixtures;
  const pool = socketPool(() => t.url, PASSWORD);

  beforeAll(async () => {
    t = await startTestPlatform();
    const f = await createFixtures(t.platform.ctx.db);
    live = await createLiveFair(t.platform.ctx.db, f, { graduateCount: 3, priorityLanes: ['local_hukou'] });
    const db = t.platform.ctx.db;
    // The second lives in a district town but is not registered (户籍) here; the third is.
    await db.updateTable('graduate_profiles').set({ hukou_town_id: f.towns.a, is_registered_local: false }).where('user_id', '=', live.graduates[1]!.id).execute();
    await db.updateTable('graduate_profiles').set({ is_registered_local: true }).where('user_id', '=', live.graduates[2]!.id).execute();
  });
  afterAll(async () => {
    pool.closeAll();
    await t?.close();
  });

  it('puts a registered-local graduate ahead, and only them', async () => {
    const [g0, g1, g2] = await Promise.all(live.graduates.map((g) => pool.as(g.login)));
    await must(g0!, 'queue:join', { boothId: live.booths.a });
    expect((await must(g1!, 'queue:join', { boothId: live.booths.a })).position).toBe(2);
    expect((await must(g2!, 'queue:join', { boothId: live.booths.a })).position).toBe(1);
    const recruiter = await pool.as(live.logins.recruiterA);
    const console0 = await must(recruiter, 'console:open', { boothId: live.booths.a });
    expect(console0.entries.map((e) => e.candidate.name)).toEqual([live.graduates[2]!.name, live.graduates[0]!.name, live.graduates[1]!.name]);
  });
});
