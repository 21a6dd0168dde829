/**
 * CPU time per process from /proc (Linux), so a report can say where the machine's CPU went during
 * a run: the bench's own processes, PostgreSQL, Redis, and anything else (other people's builds or
 * tests on a shared machine contaminate latency figures, and this makes that visible).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

export interface ProcSample {
  at: number;
  ticks: Map<number, { comm: string; cmd: string; ticks: number; startedAt: number }>;
}

let clockTicks = 100;
try {
  clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
} catch {
  // keep the usual 100
}

/** Clock ticks per second, the unit of /proc's CPU times. */
export const CLOCK_TICKS = clockTicks;

/** One process's (or, under /proc/<pid>/task, one thread's) stat: name, CPU ticks used (user + system), start time. */
export function readStat(file: string): { comm: string; ticks: number; startedAt: number } {
  const stat = fs.readFileSync(file, 'utf8');
  const close = stat.lastIndexOf(')');
  const fields = stat.slice(close + 2).split(' ');
  // utime + stime; starttime tells a reused pid apart (kernel threads rename themselves)
  return { comm: stat.slice(stat.indexOf('(') + 1, close), ticks: Number(fields[11]) + Number(fields[12]), startedAt: Number(fields[19]) };
}

export function sampleProcs(): ProcSample {
  const ticks: ProcSample['ticks'] = new Map();
  let pids: string[] = [];
  try {
    pids = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return { at: Date.now(), ticks };
  }
  for (const pid of pids) {
    try {
      const { comm, ticks: used, startedAt } = readStat(`/proc/${pid}/stat`);
      let cmd = '';
      try {
        cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim().slice(0, 120);
      } catch {
        // gone
      }
      ticks.set(Number(pid), { comm, cmd: cmd || `[${comm.replace(/[/:].*$/, '')}] (kernel threads)`, ticks: used, startedAt });
    } catch {
      // the process ended meanwhile
    }
  }
  return { at: Date.now(), ticks };
}

export interface CpuShare {
  group: string;
  /** Percent of one core over the interval. */
  percent: number;
}

/**
 * CPU used between two samples, grouped: `ours` (pid → label) first, then postgres, redis-server,
 * and the biggest other processes by command line.
 */
export function cpuBetween(a: ProcSample, b: ProcSample, ours: Map<number, string>): CpuShare[] {
  const seconds = (b.at - a.at) / 1000;
  const groups = new Map<string, number>();
  for (const [pid, now] of b.ticks) {
    const before = a.ticks.get(pid);
    const used = now.ticks - (before && before.startedAt === now.startedAt ? before.ticks : 0);
    if (used <= 0) continue;
    let group: string;
    if (ours.has(pid)) group = ours.get(pid)!;
    else if (now.comm === 'postgres' || now.comm.startsWith('postgres')) group = 'postgresql (all backends)';
    else if (now.comm.startsWith('redis-server')) group = 'redis-server';
    else group = `other: ${now.cmd}`;
    groups.set(group, (groups.get(group) ?? 0) + used);
  }
  return [...groups.entries()]
    .map(([group, used]) => ({ group, percent: (used / clockTicks / seconds) * 100 }))
    .sort((x, y) => y.percent - x.percent);
}

/**
 * Samples /proc every second and accumulates CPU per group, so short-lived processes (a test run
 * that starts and ends within the interval) are mostly counted too.
 */
export class CpuWatch {
  readonly #ours: Map<number, string>;
  #last: ProcSample;
  readonly #started: number;
  readonly #used = new Map<string, number>();
  readonly #timer: NodeJS.Timeout;

  constructor(ours: Map<number, string>) {
    this.#ours = ours;
    this.#last = sampleProcs();
    this.#started = this.#last.at;
    this.#timer = setInterval(() => this.#tick(), 1000);
  }

  #tick(): void {
    const next = sampleProcs();
    const seconds = (next.at - this.#last.at) / 1000;
    for (const share of cpuBetween(this.#last, next, this.#ours)) {
      this.#used.set(share.group, (this.#used.get(share.group) ?? 0) + (share.percent / 100) * seconds);
    }
    this.#last = next;
  }

  /** Stops sampling; percent of one core per group over the whole watch. */
  stop(): CpuShare[] {
    clearInterval(this.#timer);
    this.#tick();
    const seconds = (this.#last.at - this.#started) / 1000;
    return [...this.#used.entries()].map(([group, used]) => ({ group, percent: (used / seconds) * 100 })).sort((x, y) => y.percent - x.percent);
  }
}
