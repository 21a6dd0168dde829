import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TICKET_LENGTH } from '@yunpin/shared';
import { createFixtures, PASSWORD } from '../support/fixtures.js';
import { createLiveFair, type LiveFixtures } from '../support/live-fixtures.js';
import { startNodeProcess, type NodeProcess } from '../support/node-process.js';
import { prepareSharedDatabase, type SharedDatabase } from '../support/shared-database.js';
import { connectAs, must, next, type TestSocket } from '../support/sockets.js';

describe('two server processes sharing PostgreSQL and Redis', () => {
  let shared: SharedDatabase;
  let live: LiveFixtures;
  let nodeA: NodeProcess;
  let nodeB: NodeProcess;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    shared = await prepareSharedDatabase();
    const f = await createFixtures(shared.handle.db);
    live = await createLiveFair(shared.handle.db, f, { graduateCount: 3 });
    const env = { YP_NODE_DB: shared.spec, YP_NODE_PREFIX: shared.redisPrefix, YP_NODE_DATA_DIR: shared.dataDir };
    [nodeA, nodeB] = await Promise.all([startNodeProcess(env), startNodeProcess(env)]);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await Promise.all([nodeA?.stop(), nodeB?.stop()]);
    await shared?.cleanup();
  });

  async function on(node: NodeProcess, login: string): Promise<TestSocket> {
    const { socket } = await connectAs(node.url, login, PASSWORD);
    sockets.push(socket);
    return socket;
  }

  it('lets a recruiter on one node call a graduate on the other, then chat across them', async () => {
    expect(nodeA.url).not.toBe(nodeB.url);
    const graduate = await on(nodeA, live.graduates[0]!.login);
    const waiting = await on(nodeA, live.graduates[1]!.login);
    const recruiter = await on(nodeB, live.logins.recruiterA);
    const visitor = await on(nodeB, live.graduates[1]!.login);
    await must(visitor, 'lobby:enter', { fairId: live.fairId });

    const lobbySeenOnB = next(visitor, 'lobby:booth-updated', (b) => b.boothId === live.booths.a && b.waiting === 1);
    await must(graduate, 'queue:join', { boothId: live.booths.a });
    await lobbySeenOnB;
    await must(waiting, 'queue:join', { boothId: live.booths.a });

    const consoleQueue = await must(recruiter, 'console:open', { boothId: live.booths.a });
    expect(consoleQueue.entries.map((e) => e.candidate.userId)).toEqual([live.graduates[0]!.id, live.graduates[1]!.id]);

    // Each node sends booth updates to its own sockets: a join on A reaches the console and a
    // waiting graduate on B.
    const third = await on(nodeB, live.graduates[2]!.login);
    await must(third, 'queue:join', { boothId: live.booths.a });
    const { ticket } = (await must(third, 'queue:mine', {})).places[0]!;
    const reordered = [live.graduates[1]!.id, live.graduates[2]!.id, live.graduates[0]!.id].join();
    const consoleOnB = next(recruiter, 'console:updated', (q) => q.entries.map((e) => e.candidate.userId).join() === reordered);
    const snapshotOnB = next(third, 'queue:booth-updated', (q) => q.boothId === live.booths.a && q.tickets.length === 3 * TICKET_LENGTH && q.tickets.slice(TICKET_LENGTH, 2 * TICKET_LENGTH) === ticket);
    await must(graduate, 'queue:leave', { boothId: live.booths.a });
    await must(graduate, 'queue:join', { boothId: live.booths.a });
    expect((await consoleOnB).boothId).toBe(live.booths.a);
    expect((await snapshotOnB).fairId).toBe(live.fairId);

    const incoming = next(waiting, 'call:incoming');
    const call = await must(recruiter, 'call:next', { boothId: live.booths.a });
    expect((await incoming).callId).toBe(call!.callId);

    // The accept on A reaches the graduate still waiting on B: first in line of the two left.
    const afterAccept = next(third, 'queue:booth-updated', (q) => q.boothId === live.booths.a && q.tickets.length === 2 * TICKET_LENGTH && q.tickets.startsWith(ticket));
    const started = next(recruiter, 'conversation:started');
    const conversation = await must(waiting, 'call:accept', { callId: call!.callId });
    expect((await started).id).toBe(conversation.id);
    expect((await afterAccept).fairId).toBe(live.fairId);

    const heardOnB = next(recruiter, 'conversation:message', (m) => m.body === '跨节点你好');
    await must(waiting, 'conversation:send', { conversationId: conversation.id, body: '跨节点你好', clientMessageId: crypto.randomUUID() });
    expect((await heardOnB).body).toBe('跨节点你好');
    const heardOnA = next(waiting, 'conversation:message', (m) => m.body === '收到');
    await must(recruiter, 'conversation:send', { conversationId: conversation.id, body: '收到', clientMessageId: crypto.randomUUID() });
    expect((await heardOnA).body).toBe('收到');
  });
});
