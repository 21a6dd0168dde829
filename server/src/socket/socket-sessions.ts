import type { TSessionUser } from '@yunpin/shared';
import type { AppContext } from '../context.js';
import { refreshSessions, resolveSession } from '../domain/auth/resolve-session.js';

interface Known {
  user: TSessionUser;
  token: string;
  tokenHash: string;
  /** When the session was last read (the start of that read). */
  checkedAt: number;
  /** When the socket last sent something (its session is marked as seen when read after that). */
  activeAt: number;
}

export interface SocketSessionsOptions<S extends object> {
  /** No event is served on a session read longer ago than this; 0 reads it for every event. */
  recheckMs: number;
  /** The sockets this node holds now. */
  sockets: () => Iterable<S>;
  /** A socket whose session has ended (logout, expiry, disabled user). */
  onEnded: (socket: S) => void;
  onError: (error: unknown) => void;
}

/** Sessions re-read in one query per this many sockets. */
const REFRESH_BATCH = 500;
/** How often the background looks for sessions due (a quarter of the interval, when that is shorter). */
const REFRESH_TICK_MS = 1000;

/**
 * The sessions a background tick re-reads, oldest first: of those read half an interval ago or
 * longer, this tick's share of a full round over a quarter of the interval, and at least every one
 * read three quarters of an interval ago or longer. `tickMs` is how often ticks come.
 */
export function sessionsDue<T>(items: readonly T[], checkedAtOf: (item: T) => number, now: number, recheckMs: number, tickMs: number): T[] {
  const due = items.filter((item) => checkedAtOf(item) <= now - recheckMs / 2).sort((a, b) => checkedAtOf(a) - checkedAtOf(b));
  const share = Math.ceil((items.length * tickMs) / (recheckMs / 4));
  const overdue = due.filter((item) => checkedAtOf(item) <= now - (recheckMs * 3) / 4).length;
  return due.slice(0, Math.max(share, overdue));
}

/**
 * The session behind each socket. Sockets' sessions are re-read in the background, many in one
 * query, once they are half the recheck interval old, so an event does not wait for the session
 * store, and a socket whose session has ended is cut within the interval even if it sends
 * nothing. The reads are spread out: each tick re-reads the oldest due sessions, as many as a
 * full round over a quarter of the interval needs, so thousands of sockets that connected
 * together (a fair opening) do not come due, and load the database, all at one moment. An event
 * never runs on a read older than the interval: if the background has fallen behind, the event
 * reads the session itself.
 */
export class SocketSessions<S extends object> {
  readonly #ctx: AppContext;
  readonly #o: SocketSessionsOptions<S>;
  readonly #known = new WeakMap<S, Known>();
  readonly #tickMs: number;
  #timer: NodeJS.Timeout | undefined;
  #isRefreshing = false;
  #isStopped = false;

  constructor(ctx: AppContext, options: SocketSessionsOptions<S>) {
    this.#ctx = ctx;
    this.#o = options;
    this.#tickMs = Math.max(100, Math.min(REFRESH_TICK_MS, options.recheckMs / 4));
    if (options.recheckMs > 0) {
      this.#timer = setInterval(() => void this.#refreshDue(), this.#tickMs);
      this.#timer.unref();
    }
  }

  /** Reads the session of a connecting socket's cookie token; the user, or undefined if it is not live. */
  async admit(socket: S, token: string): Promise<TSessionUser | undefined> {
    const checkedAt = Date.now();
    const session = await resolveSession(this.#ctx, token);
    if (!session) return undefined;
    this.#known.set(socket, { user: session.user, token, tokenHash: session.tokenHash, checkedAt, activeAt: 0 });
    return session.user;
  }

  /** The user acting through the socket now, or undefined when its session has ended. */
  async actorOf(socket: S): Promise<TSessionUser | undefined> {
    const known = this.#known.get(socket);
    if (!known) return undefined;
    const now = Date.now();
    known.activeAt = now;
    if (now - known.checkedAt < this.#o.recheckMs) return known.user;
    const checkedAt = now;
    const session = await resolveSession(this.#ctx, known.token);
    if (!session) {
      this.#known.delete(socket);
      return undefined;
    }
    Object.assign(known, { user: session.user, checkedAt });
    return session.user;
  }

  /** Re-reads, in batches, the sessions due this tick (see sessionsDue). */
  async #refreshDue(): Promise<void> {
    if (this.#isRefreshing || this.#isStopped) return;
    this.#isRefreshing = true;
    try {
      const known: [S, Known][] = [];
      for (const socket of this.#o.sockets()) {
        const k = this.#known.get(socket);
        if (k) known.push([socket, k]);
      }
      const due = sessionsDue(known, ([, k]) => k.checkedAt, Date.now(), this.#o.recheckMs, this.#tickMs);
      for (let i = 0; i < due.length && !this.#isStopped; i += REFRESH_BATCH) await this.#refresh(due.slice(i, i + REFRESH_BATCH));
    } catch (error) {
      if (!this.#isStopped) this.#o.onError(error); // a read cut short by closing is no fault
    } finally {
      this.#isRefreshing = false;
    }
  }

  async #refresh(batch: [S, Known][]): Promise<void> {
    const checkedAt = Date.now();
    const seen = new Set(batch.filter(([, k]) => k.activeAt >= k.checkedAt).map(([, k]) => k.tokenHash));
    const users = await refreshSessions(this.#ctx, [...new Set(batch.map(([, k]) => k.tokenHash))], seen);
    for (const [socket, known] of batch) {
      if (this.#known.get(socket) !== known) continue; // gone or re-admitted meanwhile
      const user = users.get(known.tokenHash);
      if (!user) {
        this.#known.delete(socket);
        this.#o.onEnded(socket);
        continue;
      }
      if (known.checkedAt > checkedAt) continue; // an event read it meanwhile
      Object.assign(known, { user, checkedAt });
    }
  }

  stop(): void {
    this.#isStopped = true;
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
