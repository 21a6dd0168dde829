/**
 * Child processes of a benchmark (server nodes, load workers) with an IPC channel, all tracked so
 * that a hard timeout can kill every one of them by pid.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_DIR = path.resolve(BENCH_DIR, '..');

const live = new Set<ChildProcess>();

/** Kills every child still running (SIGKILL, by pid). */
export function killAllChildren(): void {
  for (const child of live) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        child.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
  }
}

export interface FileLimit {
  soft: number;
  hard: number;
}

export function fileLimit(): FileLimit {
  const out = execFileSync('sh', ['-c', 'ulimit -Sn; ulimit -Hn'], { encoding: 'utf8' }).trim().split('\n');
  const parse = (v: string | undefined) => (v === 'unlimited' ? Number.POSITIVE_INFINITY : Number(v));
  return { soft: parse(out[0]), hard: parse(out[1]) };
}

export interface Child<Req extends { type: string }, Rep extends { type: string }> {
  name: string;
  process: ChildProcess;
  send(message: Req): void;
  /** Resolves with the next message of `type` (or rejects if the child exits first / on timeout). */
  next<T extends Rep['type']>(type: T, timeoutMs: number): Promise<Extract<Rep, { type: T }>>;
  stop(graceMs: number): Promise<void>;
  stderrTail(): string;
  /** Lines the child wrote to stderr after it was asked to stop. */
  shutdownNoise(): { lines: number; first?: string };
}

export interface SpawnOptions {
  name: string;
  script: string;
  nodeArgs?: string[];
  env?: Record<string, string>;
  /** Raise the soft open-file limit of the child to this (through `sh -c ulimit`). */
  raiseFileLimitTo?: number;
  /** Print the child's stderr lines, prefixed with its name. */
  echoStderr?: boolean;
}

export function spawnChild<Req extends { type: string }, Rep extends { type: string }>(o: SpawnOptions): Child<Req, Rep> {
  const nodeArgs = [...(o.nodeArgs ?? []), '--import', 'tsx', o.script];
  const env = { ...process.env, TSX_TSCONFIG_PATH: path.join(BENCH_DIR, 'tsconfig.json'), ...o.env };
  const stdio: ('ignore' | 'pipe' | 'ipc')[] = ['ignore', 'pipe', 'pipe', 'ipc'];
  const child = o.raiseFileLimitTo
    ? spawn('sh', ['-c', `ulimit -n ${o.raiseFileLimitTo} && exec "$0" "$@"`, process.execPath, ...nodeArgs], { cwd: REPO_DIR, env, stdio, serialization: 'advanced' })
    : spawn(process.execPath, nodeArgs, { cwd: REPO_DIR, env, stdio, serialization: 'advanced' });
  live.add(child);
  let stderr = '';
  let stopping = false;
  const noise: { lines: number; first?: string } = { lines: 0 };
  const inbox: Rep[] = [];
  const waiters: { type: string; resolve: (m: Rep) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }[] = [];
  child.stdout!.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-20_000)));
  child.stderr!.on('data', (c: Buffer) => {
    const text = c.toString();
    stderr = (stderr + text).slice(-20_000);
    if (o.echoStderr) {
      const at = `${process.uptime().toFixed(1)}s`;
      for (const l of text.split('\n')) {
        if (!l.trim()) continue;
        // While stopping, only summarised (see shutdownNoise): the run's output stays readable.
        if (stopping) {
          noise.lines++;
          noise.first ??= l.trim();
        } else process.stderr.write(`[${o.name} ${at}] ${l}\n`);
      }
    }
  });
  child.on('message', (m: Rep) => {
    const i = waiters.findIndex((w) => w.type === m.type || m.type === 'fatal' || m.type === 'error');
    if (i >= 0) {
      const [w] = waiters.splice(i, 1);
      clearTimeout(w!.timer);
      if (m.type === 'fatal' || m.type === 'error') w!.reject(new Error(`${o.name}: ${(m as unknown as { message: string }).message}`));
      else w!.resolve(m);
    } else inbox.push(m);
  });
  child.on('exit', (code, signal) => {
    live.delete(child);
    for (const w of waiters.splice(0)) {
      clearTimeout(w.timer);
      w.reject(new Error(`${o.name} exited (${code ?? signal}) while waiting for ${w.type}:\n${stderr.slice(-4000)}`));
    }
  });
  return {
    name: o.name,
    process: child,
    send(message) {
      child.send(message);
    },
    next(type, timeoutMs) {
      const i = inbox.findIndex((m) => m.type === type);
      if (i >= 0) return Promise.resolve(inbox.splice(i, 1)[0] as never);
      if (child.exitCode !== null || child.signalCode !== null) return Promise.reject(new Error(`${o.name} is not running:\n${stderr.slice(-4000)}`));
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          const at = waiters.findIndex((w) => w.timer === timer);
          if (at >= 0) waiters.splice(at, 1);
          reject(new Error(`${o.name}: no '${type}' within ${timeoutMs} ms:\n${stderr.slice(-4000)}`));
        }, timeoutMs);
        waiters.push({ type, resolve: resolve as (m: Rep) => void, reject, timer });
      });
    },
    stop(graceMs) {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      return new Promise((done) => {
        const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
        child.once('exit', () => {
          clearTimeout(kill);
          done();
        });
        child.kill('SIGTERM');
      });
    },
    stderrTail: () => stderr.slice(-4000),
    shutdownNoise: () => noise,
  };
}
