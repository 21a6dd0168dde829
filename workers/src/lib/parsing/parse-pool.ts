/**
 * A small pool of persistent worker threads that parse resumes. Each thread has a V8 heap limit
 * and each file a time limit: a thread that overruns either is terminated (or dies) and is
 * replaced, and its file is rejected with a ParseLimitError. Threads start on first use.
 *
 * Thread entry. In production the compiled pool runs from workers/dist and starts
 * `./parse-thread.js` beside it. When the pool itself runs from TypeScript source (vitest, tsx),
 * there is no .js beside it: the thread is started from a small CommonJS bootstrap that loads
 * `./parse-thread.ts` through tsx's `tsImport` (tsx is a dev dependency; Node 20 does not apply
 * `--import tsx` hooks to a worker's entry file). So tests exercise the current source, never a
 * stale build, and production needs no TypeScript tooling.
 */
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TResumeKind, TResumeParseOutput } from '@yunpin/shared';
import { CorruptFileError, ParseLimitError } from './errors.js';
import type { ThreadReply, ThreadRequest, ThreadTask } from './parse-protocol.js';

export { CorruptFileError, ParseLimitError } from './errors.js';

/** What the resume processor needs: one file in, its parse output out. */
export interface ResumeParser {
  parse(bytes: Uint8Array, kind: TResumeKind): Promise<TResumeParseOutput>;
}

export const DEFAULT_PARSE_TIMEOUT_MS = 15_000;
/** A thread that has not loaded its parsers after this long is given up on. */
const STARTUP_TIMEOUT_MS = 60_000;

export interface ParsePoolOptions {
  /** Number of threads; defaults to the number of cores. */
  size?: number;
  /** Per-file time limit in ms, counted from when a ready thread receives the file. */
  timeoutMs?: number;
  maxOldGenerationSizeMb?: number;
  maxYoungGenerationSizeMb?: number;
  stackSizeMb?: number;
  /** Lets `runTestTask` send the threads a task that hangs or allocates without end. Tests only. */
  testHooks?: boolean;
}

interface Job {
  id: number;
  request: ThreadTask;
  timeoutMs: number;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout | null;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  /** Set when the pool itself ends the thread. */
  ending: 'timeout' | 'startup' | 'close' | null;
  error: (Error & { code?: string }) | null;
  startupTimer: NodeJS.Timeout | null;
  exited: Promise<void>;
}

function startThread(options: { workerData: unknown; resourceLimits: NonNullable<ConstructorParameters<typeof Worker>[1]>['resourceLimits'] }): Worker {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.ts')) return new Worker(new URL('./parse-thread.js', import.meta.url), options);
  const entry = pathToFileURL(fileURLToPath(new URL('./parse-thread.ts', import.meta.url))).href;
  // tsx's ESM API, located through its package.json exports (its CommonJS build cannot register the ESM loader here).
  const bootstrap = [
    "const { createRequire } = require('node:module');",
    "const path = require('node:path');",
    "const { pathToFileURL } = require('node:url');",
    `const entry = ${JSON.stringify(entry)};`,
    "const pkgPath = createRequire(entry).resolve('tsx/package.json');",
    "const api = pathToFileURL(path.join(path.dirname(pkgPath), require(pkgPath).exports['./esm/api'].import.default)).href;",
    'import(api).then((tsx) => tsx.tsImport(entry, entry)).catch((err) => { setImmediate(() => { throw err; }); });',
  ].join('\n');
  return new Worker(bootstrap, { ...options, eval: true });
}

export class ParsePool implements ResumeParser {
  readonly size: number;
  readonly timeoutMs: number;
  private readonly resourceLimits: { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb: number; stackSizeMb: number };
  private readonly testHooks: boolean;
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(opts: ParsePoolOptions = {}) {
    this.size = Math.max(1, Math.floor(opts.size ?? os.availableParallelism()));
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_PARSE_TIMEOUT_MS;
    this.resourceLimits = {
      maxOldGenerationSizeMb: opts.maxOldGenerationSizeMb ?? 256,
      maxYoungGenerationSizeMb: opts.maxYoungGenerationSizeMb ?? 32,
      stackSizeMb: opts.stackSizeMb ?? 4,
    };
    this.testHooks = opts.testHooks === true;
  }

  /** Parses one file in a thread. Rejects with CorruptFileError, ParseLimitError, or an Error for anything else. */
  parse(bytes: Uint8Array, kind: TResumeKind, opts: { timeoutMs?: number } = {}): Promise<TResumeParseOutput> {
    return this.submit({ op: 'parse', bytes, kind }, opts.timeoutMs) as Promise<TResumeParseOutput>;
  }

  /** Runs a task that never finishes ('spin' blocks the thread, 'allocate' fills its heap). Needs `testHooks`. */
  runTestTask(task: 'spin' | 'allocate', opts: { timeoutMs?: number } = {}): Promise<never> {
    if (!this.testHooks) return Promise.reject(new Error('Test tasks need a pool created with testHooks: true'));
    return this.submit({ op: task }, opts.timeoutMs) as Promise<never>;
  }

  /** Ids of the threads in service (a thread being terminated no longer counts). */
  get threadIds(): number[] {
    return this.active().map((s) => s.worker.threadId);
  }

  get threadCount(): number {
    return this.active().length;
  }

  private active(): Slot[] {
    return [...this.slots].filter((s) => s.ending === null);
  }

  /** Terminates every thread; queued and running files are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('The parse pool is closed'));
    const exits: Promise<void>[] = [];
    for (const slot of this.slots) {
      slot.ending ??= 'close';
      exits.push(slot.exited);
      void slot.worker.terminate();
    }
    await Promise.all(exits);
  }

  private submit(request: ThreadTask, timeoutMs = this.timeoutMs): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('The parse pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, request, timeoutMs, resolve, reject, timer: null });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.closed) {
      let slot: Slot | undefined;
      for (const s of this.slots) {
        if (!s.job && !s.ending) {
          slot = s;
          break;
        }
      }
      if (!slot && this.active().length < this.size) slot = this.spawn();
      if (!slot) return;
      this.dispatch(slot, this.queue.shift()!);
    }
  }

  private dispatch(slot: Slot, job: Job): void {
    slot.job = job;
    slot.worker.ref();
    slot.worker.postMessage({ ...job.request, id: job.id } as ThreadRequest);
    if (slot.ready) this.startTimer(slot, job);
  }

  private startTimer(slot: Slot, job: Job): void {
    job.timer = setTimeout(() => {
      if (slot.job !== job) return;
      slot.ending = 'timeout';
      slot.job = null;
      void slot.worker.terminate();
      job.reject(new ParseLimitError('PARSE_TIMEOUT', `Parsing took longer than ${job.timeoutMs} ms`));
      this.replace();
    }, job.timeoutMs);
  }

  private spawn(): Slot {
    const worker = startThread({ workerData: { testHooks: this.testHooks }, resourceLimits: this.resourceLimits });
    let onExit!: () => void;
    const slot: Slot = {
      worker,
      ready: false,
      job: null,
      ending: null,
      error: null,
      startupTimer: null,
      exited: new Promise<void>((resolve) => (onExit = resolve)),
    };
    slot.startupTimer = setTimeout(() => {
      if (slot.ready) return;
      slot.ending = 'startup';
      slot.error = new Error(`The parse thread did not start within ${STARTUP_TIMEOUT_MS} ms`);
      void worker.terminate();
    }, STARTUP_TIMEOUT_MS);
    slot.startupTimer.unref();
    worker.on('message', (msg: ThreadReply) => this.onMessage(slot, msg));
    worker.on('error', (err: Error) => {
      slot.error = err;
    });
    worker.on('exit', (code) => {
      this.onExit(slot, code);
      onExit();
    });
    worker.unref();
    this.slots.add(slot);
    return slot;
  }

  private onMessage(slot: Slot, msg: ThreadReply): void {
    if ('ready' in msg) {
      if (slot.startupTimer) clearTimeout(slot.startupTimer);
      if (msg.ready) {
        slot.ready = true;
        if (slot.job) this.startTimer(slot, slot.job);
      } else {
        slot.ending = 'startup';
        slot.error = new Error(`The parse thread failed to start: ${msg.message}`);
        void slot.worker.terminate();
      }
      return;
    }
    const job = slot.job;
    if (!job || job.id !== msg.id) return;
    slot.job = null;
    if (job.timer) clearTimeout(job.timer);
    slot.worker.unref();
    if (msg.ok) job.resolve(msg.output);
    else if (msg.error.kind === 'corrupt') job.reject(new CorruptFileError(msg.error.message, msg.error.reason ?? undefined));
    else job.reject(Object.assign(new Error(msg.error.message), { name: msg.error.reason ?? 'Error' }));
    this.pump();
  }

  private onExit(slot: Slot, code: number): void {
    this.slots.delete(slot);
    if (slot.startupTimer) clearTimeout(slot.startupTimer);
    const job = slot.job;
    slot.job = null;
    if (job) {
      if (job.timer) clearTimeout(job.timer);
      if (slot.error?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        job.reject(new ParseLimitError('PARSE_MEMORY', `Parsing needed more than ${this.resourceLimits.maxOldGenerationSizeMb} MB of memory`));
      } else if (slot.ending === 'close') {
        job.reject(new Error('The parse pool is closed'));
      } else {
        const why = slot.error ? `: ${slot.error.message}` : '';
        job.reject(new Error(`The parse thread stopped unexpectedly (exit code ${code})${why}`));
      }
    }
    if (this.closed) return;
    // A thread that died by itself (out of memory, a crash) is replaced like one killed for time.
    if (slot.ready && slot.ending === null) this.replace();
    else this.pump();
  }

  /** Starts a fresh thread in place of one that was lost, so the pool keeps its capacity warm. */
  private replace(): void {
    if (this.closed) return;
    if (this.active().length < this.size) this.spawn();
    this.pump();
  }
}

export function createParsePool(opts: ParsePoolOptions = {}): ParsePool {
  return new ParsePool(opts);
}
