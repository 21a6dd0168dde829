import { performance } from 'node:perf_hooks';
import type { Channel } from './queue-store.js';

export interface PublishOptions {
  /**
   * A booth's first change waits this long per channel, so changes made together go out in one
   * broadcast. The console and the lobby can wait longer than the queue: nobody's turn depends on them.
   */
  delayMs: Record<Channel, number>;
  /** At most one broadcast per booth and channel in this interval; changes in between are coalesced. */
  intervalMs: Record<Channel, number>;
  /**
   * Queue and console broadcasts (a queue one reaches every graduate waiting at the booth) this
   * node starts per second, after a burst of `burst`. When many booths change at once, the rest
   * wait their turn, oldest first, and coalesce meanwhile.
   */
  perSecond: number;
  burst: number;
  /**
   * While the node is answering requests (the `isBusy` it is given), queue and console broadcasts wait, up to
   * this long after the change: in a rush (everyone calling at opening time) calls, chats and
   * acks go first and positions follow a moment later.
   */
  maxYieldMs: number;
}

/**
 * Queue positions go out within ~20 ms in the normal course, at most ten times a second per booth;
 * a booth's console (20–30 KB with a hundred waiting) and lobby card at most once a second and
 * every two. The budget, 100 queue or console broadcasts a second per node (in a steady trickle),
 * is about three times what a busy fair needs normally (100 booths, a call per booth every 15 s,
 * joins and leaves): it sets how fast a backlog drains after a rush.
 */
export const DEFAULT_PUBLISH: PublishOptions = {
  delayMs: { q: 20, s: 500, l: 1000 },
  intervalMs: { q: 100, s: 1000, l: 2000 },
  perSecond: 100,
  burst: 5,
  maxYieldMs: 1000,
};

/** How often a yielding scheduler looks again whether the node is still busy. */
const YIELD_POLL_MS = 5;
/** Channels that spend the budget and yield to requests; lobby cards are small and rare. */
const PACED: ReadonlySet<Channel> = new Set(['q', 's']);

/**
 * Decides when each booth's broadcasts go out: asked for channels of a booth, it runs them once
 * they are due (delay, per-channel interval, budget, yielding to requests), several requests
 * becoming one run.
 */
export class BroadcastScheduler {
  readonly #run: (boothId: string, channels: Channel[]) => void;
  readonly #o: PublishOptions;
  readonly #isBusy: () => boolean;
  readonly #now: () => number;
  /** Booths with channels waiting (since when, per channel), in the order they started waiting. */
  readonly #pending = new Map<string, Map<Channel, number>>();
  readonly #last = new Map<string, Partial<Record<Channel, number>>>();
  #tokens: number;
  #refilledAt: number;
  #timer: NodeJS.Timeout | undefined;
  #timerAt = Number.POSITIVE_INFINITY;
  #isStopped = false;

  constructor(run: (boothId: string, channels: Channel[]) => void, options: PublishOptions, isBusy: () => boolean = () => false, now: () => number = () => performance.now()) {
    this.#run = run;
    this.#o = options;
    this.#isBusy = isBusy;
    this.#now = now;
    this.#tokens = options.burst;
    this.#refilledAt = now();
  }

  request(boothId: string, channels: readonly Channel[]): void {
    if (this.#isStopped) return;
    const now = this.#now();
    let pending = this.#pending.get(boothId);
    if (!pending) this.#pending.set(boothId, (pending = new Map()));
    for (const ch of channels) {
      let since = pending.get(ch);
      if (since === undefined) pending.set(ch, (since = now));
      this.#schedule(since + this.#o.delayMs[ch]);
    }
  }

  /** Takes requests again after stop(). */
  start(): void {
    this.#isStopped = false;
  }

  /** Forgets what is waiting and takes no more requests. */
  stop(): void {
    this.#isStopped = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#timerAt = Number.POSITIVE_INFINITY;
    this.#pending.clear();
  }

  #schedule(at: number): void {
    if (this.#isStopped || at >= this.#timerAt) return;
    clearTimeout(this.#timer);
    this.#timerAt = at;
    this.#timer = setTimeout(() => this.#tick(), Math.max(0, at - this.#now()));
  }

  #tick(): void {
    this.#timer = undefined;
    this.#timerAt = Number.POSITIVE_INFINITY;
    const now = this.#now();
    const o = this.#o;
    this.#tokens = Math.min(o.burst, this.#tokens + ((now - this.#refilledAt) / 1000) * o.perSecond);
    this.#refilledAt = now;
    const isBusy = this.#isBusy();
    let nextAt = Number.POSITIVE_INFINITY;
    for (const [boothId, pending] of this.#pending) {
      let last = this.#last.get(boothId);
      if (!last) this.#last.set(boothId, (last = {}));
      const due: Channel[] = [];
      for (const [ch, since] of pending) {
        const at = Math.max(since + o.delayMs[ch], (last[ch] ?? Number.NEGATIVE_INFINITY) + o.intervalMs[ch]);
        if (at > now) {
          nextAt = Math.min(nextAt, at);
          continue;
        }
        if (PACED.has(ch)) {
          if (isBusy && now - since < o.maxYieldMs) {
            nextAt = Math.min(nextAt, now + YIELD_POLL_MS);
            continue;
          }
          if (this.#tokens < 1) {
            nextAt = Math.min(nextAt, now + ((1 - this.#tokens) / o.perSecond) * 1000);
            continue;
          }
          this.#tokens -= 1;
        }
        due.push(ch);
      }
      for (const ch of due) {
        pending.delete(ch);
        last[ch] = now;
      }
      if (pending.size === 0) this.#pending.delete(boothId);
      if (due.length > 0) this.#run(boothId, due);
    }
    if (this.#last.size > 5000) this.#forget(now);
    if (this.#pending.size > 0) this.#schedule(Math.max(nextAt, now + 1));
  }

  /** Drops the timings of booths quiet for longer than every interval. */
  #forget(now: number): void {
    const longest = Math.max(...Object.values(this.#o.intervalMs));
    for (const [boothId, last] of this.#last) {
      if (!this.#pending.has(boothId) && Object.values(last).every((t) => t < now - longest)) this.#last.delete(boothId);
    }
  }
}
