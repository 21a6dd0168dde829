import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/schema.js';
import { createFixtures, PASSWORD, type Fixtures } from '../support/fixtures.js';
import { createLiveFair, type LiveFixtures } from '../support/live-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/platform.js';
import { must, socketPool } from '../support/sockets.js';

type Lane = 'local_hukou' | 'low_income';

/**
 * A live fair with one priority lane and three registered graduates; `mark` sets the files that
 * decide who is in the lane. Returns what the tests need, and closes everything after the suite.
 */
function laneFair(lane: Lane, mark: (t: TestPlatform, db: Kysely<Database>, f: Fixtures, live: LiveFixtures) => Promise<void>) {
  const s = {} as { t: TestPlatform; live: LiveFixtures };
  const pool = socketPool(() => s.t.url, PASSWORD);
  beforeAll(async () => {
    s.t = await startTestPlatform();
    const f = await createFixtures(s.t.platform.ctx.db);
    s.live = await createLiveFair(s.t.platform.ctx.db, f, { graduateCount: 3, priorityLanes: [lane] });
    await mark(s.t, s.t.platform.ctx.db, f, s.live);
  });
  afterAll(async () => {
    pool.closeAll();
    await s.t?.close();
  });
  /** The three join booth A in order; returns their positions and the recruiter's console order. */
  const joinInOrder = async () => {
    const sockets = await Promise.all(s.live.graduates.map((g) => pool.as(g.login)));
    const positions: number[] = [];
    for (const socket of sockets) positions.push((await must(socket, 'queue:join', { boothId: s.live.booths.a })).position);
    const recruiter = await pool.as(s.live.logins.recruiterA);
    const console0 = await must(recruiter, 'console:open', { boothId: s.live.booths.a });
    return { positions, console0, recruiter, names: s.live.graduates.map((g) => g.name) };
  };
  return { s, joinInOrder };
}

/** The low-income priority lane reads the sealed hardship status of the graduate who joins. */
describe('live fair: the low-income priority lane', () => {
  const { s, joinInOrder } = laneFair('low_income', async (t, db, _f, live) => {
    // The third graduate's family has hardship (sealed as the registry writes it).
    await db.updateTable('graduate_profiles').set({ hardship_sealed: await t.platform.ctx.fieldCrypto.sealFlag(true) }).where('user_id', '=', live.graduates[2]!.id).execute();
  });

  it('puts a graduate with hardship ahead of those who joined before, and tells the recruiter nothing of why', async () => {
    const { positions, console0, recruiter, names } = await joinInOrder();
    expect(positions[2]).toBe(1);
    expect(console0.entries.map((e) => e.candidate.name)).toEqual([names[2], names[0], names[1]]);
    expect(JSON.stringify(console0)).not.toMatch(/hardship|low.?income/i);
    expect((await must(recruiter, 'call:next', { boothId: s.live.booths.a }))?.candidate.name).toBe(names[2]);
  });
});

/** The "registered local" lane reads the registry's 户籍 flag, the same one the dashboard and the reports count. */
describe('live fair: the registered-local priority lane', () => {
  const { joinInOrder } = laneFair('local_hukou', async (_t, db, f, live) => {
    // The second lives in a district town but is not registered (户籍) here; the third is.
    await db.updateTable('graduate_profiles').set({ hukou_town_id: f.towns.a, is_registered_local: false }).where('user_id', '=', live.graduates[1]!.id).execute();
    await db.updateTable('graduate_profiles').set({ is_registered_local: true }).where('user_id', '=', live.graduates[2]!.id).execute();
  });

  it('puts a registered-local graduate ahead, and only them', async () => {
    const { positions, console0, names } = await joinInOrder();
    expect(positions).toEqual([1, 2, 1]);
    expect(console0.entries.map((e) => e.candidate.name)).toEqual([names[2], names[0], names[1]]);
  });
});
