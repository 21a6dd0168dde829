/** The services every benchmark uses, and its command-line options. */

export const DATABASE_URL = process.env.YP_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.YP_BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** `--name=<number>` from the command line, or `fallback`. */
export function option(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  if (!arg) return fallback;
  const value = Number(arg.split('=')[1]);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} expects a number`);
  return value;
}

/** Whether `--name` is on the command line. */
export const flag = (name: string) => process.argv.includes(`--${name}`);
