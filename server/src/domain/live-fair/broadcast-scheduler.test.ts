import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BroadcastScheduler, type PublishOptions } from './broadcast-scheduler.js';
import type { Channel } from './queue-store.js';

const OPTIONS: PublishOptions = {
  delayMs: { q: 20, s: 500, l: 1000 },
  intervalMs: { q: 100, s: 1000, l: 2000 },
  perSecond: 10,
  burst: 2,
  maxYieldMs: 1000,
};

describe('BroadcastScheduler', () => {
  let runs: { at: number; boothId: string; channels: Channel[] }[];
  let scheduler: BroadcastScheduler;
  let busy: boolean;

  beforeEach(() => {
    vi.useFakeTimers();
    runs = [];
    busy = false;
    scheduler = new BroadcastScheduler((boothId, channels) => runs.push({ at: Date.now(), boothId, channels }), OPTIONS, () => busy, () => Date.now());
  });
  afterEach(() => {
    scheduler.stop();
    vi.useRealTimers();
  });

  const t0 = () => runs[0]!.at;

  it('sends changes made together as one broadcast, after the delay of each channel', () => {
    const start = Date.now();
    scheduler.request('a', ['q', 's', 'l']);
    vi.advanceTimersByTime(5);
    scheduler.request('a', ['q']);
    vi.advanceTimersByTime(14);
    expect(runs).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(runs).toEqual([{ at: start + 20, boothId: 'a', channels: ['q'] }]);
    vi.advanceTimersByTime(1000);
    expect(runs.map((r) => [r.at - start, r.channels])).toEqual([
      [20, ['q']],
      [500, ['s']],
      [1000, ['l']],
    ]);
  });

  it('sends a booth at most once per interval and channel, coalescing what changes meanwhile', () => {
    scheduler.request('a', ['q']);
    vi.advanceTimersByTime(20);
    for (let i = 0; i < 5; i++) {
      scheduler.request('a', ['q']);
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(200);
    expect(runs.map((r) => r.at - t0())).toEqual([0, 100]);
  });

  it('spends the budget oldest first; later booths wait their turn, lobby cards do not', () => {
    const start = Date.now();
    for (const booth of ['a', 'b', 'c', 'd']) scheduler.request(booth, ['q', 'l']);
    vi.advanceTimersByTime(20);
    expect(runs.map((r) => r.boothId)).toEqual(['a', 'b']);
    vi.advanceTimersByTime(100);
    expect(runs.map((r) => r.boothId)).toEqual(['a', 'b', 'c']);
    vi.advanceTimersByTime(100);
    expect(runs.map((r) => r.boothId)).toEqual(['a', 'b', 'c', 'd']);
    vi.advanceTimersByTime(1000);
    const lobby = runs.filter((r) => r.channels.includes('l'));
    expect(lobby.map((r) => [r.boothId, r.at - start])).toEqual([
      ['a', 1000],
      ['b', 1000],
      ['c', 1000],
      ['d', 1000],
    ]);
  });

  it('holds queue and console broadcasts while the node answers requests, for a second at most', () => {
    const start = Date.now();
    busy = true;
    scheduler.request('a', ['q', 'l']);
    vi.advanceTimersByTime(300);
    expect(runs).toEqual([]);
    busy = false;
    vi.advanceTimersByTime(10);
    expect(runs.map((r) => [r.channels, r.at - start])).toEqual([[['q'], 305]]);
    busy = true;
    scheduler.request('b', ['q']);
    vi.advanceTimersByTime(2000);
    expect(runs.map((r) => [r.boothId, r.channels, r.at - start])).toEqual([
      ['a', ['q'], 305],
      ['a', ['l'], 1000],
      ['b', ['q'], 1310],
    ]);
  });

  it('sends nothing once stopped, until started again', () => {
    scheduler.request('a', ['q']);
    scheduler.stop();
    vi.advanceTimersByTime(5000);
    scheduler.request('a', ['q']);
    vi.advanceTimersByTime(5000);
    expect(runs).toEqual([]);
    scheduler.start();
    scheduler.request('a', ['q']);
    vi.advanceTimersByTime(20);
    expect(runs.map((r) => r.boothId)).toEqual(['a']);
  });
});
