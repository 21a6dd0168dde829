import { randomBytes, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeOf, type TCandidateSummary } from '@yunpin/shared';
import { QueueStore, toSnapshot } from '../../server/src/domain/live-fair/queue-store.js';
import { TEST_REDIS_URL } from '../support/env.js';
import { deleteRedisPrefix } from '../support/redis-prefix.js';

const MAX_CHATS = 2;

/** A small deterministic generator, so a failing case can be replayed from its seed. */
function generator(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

const summaryOf = (userId: string): TCandidateSummary => ({ userId, name: '毕业生 Graduate', school: null, major: null, degree: null, graduationYear: null, jobIntention: null });

/**
 * A graduate's own place is read with one script that looks only at those ahead (queue:join and
 * queue:mine answer with it); it must give exactly what placeOf gives from a snapshot of the whole
 * queue, whatever the mix of priority places, held and called graduates, lapsed calls, recruiters
 * present and service times.
 */
describe('a graduate’s own place, read alone, agrees with the whole queue’s snapshot', () => {
  const prefix = `yptest_place_${randomBytes(4).toString('hex')}`;
  let redis: Redis;
  let store: QueueStore;

  beforeAll(() => {
    redis = new Redis(TEST_REDIS_URL);
    store = new QueueStore(redis, prefix);
  });
  afterAll(async () => {
    redis?.disconnect();
    await deleteRedisPrefix(TEST_REDIS_URL, prefix);
  });

  for (const seed of [1, 2, 3, 4, 5]) {
    it(`agrees for every graduate at a busy booth (seed ${seed})`, async () => {
      const rand = generator(seed);
      const now = 1_800_000_000_000 + seed;
      const booth = randomUUID();
      const other = randomUUID();
      const users = Array.from({ length: 40 }, () => randomUUID());
      for (const user of users) {
        await store.join(booth, user, rand() < 0.2, summaryOf(user), now);
        if (rand() < 0.4) await store.join(other, user, false, summaryOf(user), now);
      }
      const call = async (at: string, recruiter: string) => {
        const callId = randomUUID();
        const placed = await store.callNext({ boothId: at, recruiterId: recruiter, maxLoad: 100, callId, expiresAt: now + 60_000, fairId: 'fair', organisationName: '单位 Org', recruiterName: '招聘 R', softLimitMinutes: 10 });
        return 'reason' in placed ? undefined : { callId, userId: placed.userId };
      };
      // Held elsewhere: called at the other booth, some of them talking there now.
      for (let i = 0; i < 4; i++) {
        const called = await call(other, `r-other-${i}`);
        if (called && i % 2 === 0) {
          expect(await store.endCall(called.callId, 'accept', { kind: 'user', id: called.userId }, now, { id: randomUUID(), softLimitAt: now + 600_000 })).toMatchObject({ outcome: 'accept' });
        }
      }
      // Called here, and one call that lapsed (the place kept once, marked as missed).
      for (let i = 0; i < 3; i++) await call(booth, `r-here-${i}`);
      const lapsing = await call(booth, 'r-lapse');
      if (lapsing) expect(await store.endCall(lapsing.callId, 'lapse', { kind: 'any', id: '' }, now + 120_000)).toMatchObject({ outcome: 'kept' });
      // Recruiters present and recent service times move the estimated waits.
      await store.markPresent(booth, 'r-here-0', now);
      if (seed % 2 === 0) await store.markPresent(booth, 'r-here-1', now);
      for (let i = 0; i < seed; i++) await store.endConversation({ conversationId: randomUUID(), boothId: booth, userId: randomUUID(), recruiterId: 'r-svc', durationMs: 60_000 + i * 45_000 });

      const view = (await store.view(booth, now, { staff: false }))!;
      const snapshot = toSnapshot(view, booth, 'fair', MAX_CHATS);
      expect(view.entries.some((e) => e.isHeld)).toBe(true);
      expect(view.entries.some((e) => e.isCalled)).toBe(true);
      expect(view.entries.some((e) => e.hasMissedOnce)).toBe(true);
      expect(view.entries.some((e) => e.isPriority)).toBe(true);
      for (const entry of view.entries) {
        const alone = await store.place(booth, entry.userId, now);
        expect(alone).toBeDefined();
        const expected = placeOf(snapshot, entry.ticket)!;
        const position = alone!.ahead + 1;
        expect({ position, waitingTotal: alone!.waiting, isHeld: alone!.isHeld }).toEqual({ position: expected.position, waitingTotal: expected.waitingTotal, isHeld: expected.isHeld });
        expect(alone).toMatchObject({ ticket: entry.ticket, joinedAt: entry.joinedAt, hasMissedOnce: entry.hasMissedOnce, version: view.version, present: view.present, averageServiceSeconds: view.averageServiceSeconds });
      }
      expect(await store.place(booth, randomUUID(), now)).toBeUndefined();
    });
  }
});
