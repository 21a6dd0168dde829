import { describe, expect, it } from 'vitest';
import { sessionsDue } from './socket-sessions.js';

const RECHECK_MS = 30_000;
const TICK_MS = 1000;

/** Sockets by when their session was last read. */
function socketsReadAt(times: number[]): { id: number; checkedAt: number }[] {
  return times.map((checkedAt, id) => ({ id, checkedAt }));
}

const due = (items: { id: number; checkedAt: number }[], now: number) => sessionsDue(items, (s) => s.checkedAt, now, RECHECK_MS, TICK_MS);

describe('sessionsDue: which sessions a background tick re-reads', () => {
  it('reads none that are younger than half the interval', () => {
    expect(due(socketsReadAt([0, 1000, 5000]), 14_999)).toEqual([]);
  });

  it('spreads sockets that connected together over ticks, oldest first', () => {
    // 3,000 sockets admitted within one second: a tick re-reads its share of a round over a quarter
    // interval (3,000 × 1 s / 7.5 s = 400), not all 3,000 at once.
    const items = socketsReadAt(Array.from({ length: 3000 }, (_, i) => 1000 - (i % 1000)));
    let now = 16_000;
    const first = due(items, now);
    expect(first).toHaveLength(400);
    expect(first.map((s) => s.checkedAt)).toEqual([...first.map((s) => s.checkedAt)].sort((a, b) => a - b));
    expect(Math.max(...first.map((s) => s.checkedAt))).toBeLessThanOrEqual(Math.min(...items.filter((s) => !first.includes(s)).map((s) => s.checkedAt)));

    // Ticks go on re-reading (each read sets checkedAt to now); every session is read again within
    // three quarters of the interval plus a tick of when it was read.
    const readAt = new Map<number, number>();
    for (; now <= 40_000; now += TICK_MS) {
      const batch = due(items, now);
      expect(batch.length).toBeLessThanOrEqual(400);
      for (const s of batch) {
        if (!readAt.has(s.id)) readAt.set(s.id, now);
        s.checkedAt = now;
      }
    }
    expect(readAt.size).toBe(3000);
    for (const s of socketsReadAt(Array.from({ length: 3000 }, (_, i) => 1000 - (i % 1000)))) {
      expect(readAt.get(s.id)! - s.checkedAt).toBeLessThanOrEqual((RECHECK_MS * 3) / 4 + TICK_MS);
    }
  });

  it('reads every session three quarters of the interval old, whatever the share', () => {
    // Ten sockets, all overdue: the share (ten over a quarter interval: 2 a tick) does not hold them back.
    const items = socketsReadAt(Array.from({ length: 10 }, () => 0));
    expect(due(items, 22_500)).toHaveLength(10);
    // Half-interval old but not overdue: only the share.
    expect(due(items, 16_000)).toHaveLength(2);
  });
});
