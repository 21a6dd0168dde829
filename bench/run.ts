/**
 * Benchmark runner: `npm run bench -- <name> [options]` runs bench/<name>.bench.ts in its own
 * process group (so a stuck run can be killed with everything it started), with server and shared
 * code loaded from source through tsx. Without a known name it lists the benchmarks and exits 1.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO_DIR = path.resolve(BENCH_DIR, '..');
/** Each benchmark stops itself within 5 minutes; this is the backstop if it cannot. */
const WATCHDOG_MS = 300_000;

const available = fs
  .readdirSync(BENCH_DIR)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.slice(0, -'.bench.ts'.length))
  .sort();

const [name, ...rest] = process.argv.slice(2);
if (!name || !available.includes(name)) {
  console.error(name ? `unknown benchmark: ${name}` : 'usage: npm run bench -- <name> [options]');
  console.error(`available benchmarks:\n${available.map((b) => `  ${b}`).join('\n')}`);
  process.exit(1);
}

const child = spawn(process.execPath, ['--import', 'tsx', path.join(BENCH_DIR, `${name}.bench.ts`), ...rest], {
  cwd: REPO_DIR,
  stdio: 'inherit',
  detached: true, // its own process group: the watchdog can end it and every process it started
  env: { ...process.env, TSX_TSCONFIG_PATH: path.join(BENCH_DIR, 'tsconfig.json') },
});

const killGroup = (signal: NodeJS.Signals) => {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // the group is gone already
  }
};

const watchdog = setTimeout(() => {
  console.error(`bench ${name}: still running after ${WATCHDOG_MS / 1000} s, killing its process group`);
  killGroup('SIGKILL');
}, WATCHDOG_MS);

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => killGroup(signal));

child.on('exit', (code, signal) => {
  clearTimeout(watchdog);
  // Whatever the bench left behind in its group (it should be nothing) goes too.
  killGroup('SIGKILL');
  process.exit(code ?? (signal ? 128 + 2 : 1));
});
