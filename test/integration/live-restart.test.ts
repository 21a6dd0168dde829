import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtures, PASSWORD } from '../support/fixtures.js';
import { createLiveFair, type LiveFixtures } from '../support/live-fixtures.js';
import { startNodeProcess, type NodeProcess } from '../support/node-process.js';
import { prepareSharedDatabase, type SharedDatabase } from '../support/shared-database.js';
import { connectAs, must, type TestSocket } from '../support/sockets.js';

describe('a server crash mid-queue loses no places', () => {
  let shared: SharedDatabase;
  let live: LiveFixtures;
  const nodes: NodeProcess[] = [];
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    shared = await prepareSharedDatabase();
    const f = await createFixtures(shared.handle.db);
    live = await createLiveFair(shared.handle.db, f, { graduateCount: 3 });
    await shared.release();
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    for (const n of nodes) await n.stop('SIGKILL');
    await shared?.cleanup();
  });

  const env = () => ({ YP_NODE_DB: shared.spec, YP_NODE_PREFIX: shared.redisPrefix, YP_NODE_DATA_DIR: shared.dataDir });

  it('keeps every position after SIGKILL and a restart', async () => {
    const first = await startNodeProcess(env());
    nodes.push(first);
    const before: number[] = [];
    for (const g of live.graduates) {
      const { socket } = await connectAs(first.url, g.login, PASSWORD);
      sockets.push(socket);
      before.push((await must(socket, 'queue:join', { boothId: live.booths.a })).position);
    }
    expect(before).toEqual([1, 2, 3]);

    await first.stop('SIGKILL');
    const second = await startNodeProcess(env());
    nodes.push(second);
    const after: number[] = [];
    for (const g of live.graduates) {
      const { socket } = await connectAs(second.url, g.login, PASSWORD);
      sockets.push(socket);
      const mine = await must(socket, 'queue:mine', {});
      expect(mine.places).toHaveLength(1);
      after.push(mine.places[0]!.position);
    }
    expect(after).toEqual([1, 2, 3]);

    const { socket: recruiter } = await connectAs(second.url, live.logins.recruiterA, PASSWORD);
    sockets.push(recruiter);
    const call = await must(recruiter, 'call:next', { boothId: live.booths.a });
    expect(call?.candidate.userId).toBe(live.graduates[0]!.id);
  });
});
