/** Summarises a V8 .cpuprofile: self time per function and per area of the code. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..') + '/';
const shortUrl = (url: string) => url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, '').split(REPO).join('');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export function areaOf(url: string, fn: string): string {
  if (fn === '(idle)') return 'idle';
  if (fn === '(garbage collector)') return 'GC';
  if (fn === '(program)') return 'V8/native (program)';
  const u = url.replace(/^file:\/\//, '');
  if (u.includes('/server/src/')) return 'server/src (app code)';
  if (u.includes('/shared/src/') || u.includes('/shared/dist/')) return 'shared (zod schemas)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u);
  if (m) {
    const pkg = m[1]!;
    if (/^(socket\.io|engine\.io|ws|@socket\.io|socket\.io-adapter|socket\.io-parser)/.test(pkg)) return 'socket.io/engine.io/ws';
    if (/^(pg|pg-protocol|pg-types|pg-pool|kysely|postgres-)/.test(pkg)) return 'pg + kysely';
    if (/^(ioredis|@ioredis|redis-parser|denque|cluster-key-slot|standard-as-callback|@msgpack)/.test(pkg)) return 'ioredis + msgpack';
    if (pkg === 'zod') return 'zod';
    if (pkg === 'tsx' || pkg === 'esbuild' || pkg === 'get-tsconfig') return 'tsx loader';
    return `node_modules/${pkg}`;
  }
  if (u.startsWith('node:') || (!u.includes('/') && u !== '')) return 'node core';
  if (u === '') return 'native/builtin';
  return 'other';
}

export interface ProfileSummary {
  totalMs: number;
  busyMs: number;
  byArea: [string, number][];
  topFunctions: [string, number][];
  /** Inclusive (self + callees, synchronous part only) time of app functions in server/src. */
  appInclusive: [string, number][];
}

export async function summarizeProfile(file: string, top = 15): Promise<ProfileSummary> {
  const profile = JSON.parse(await fs.readFile(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const areas = new Map<string, number>();
  const fns = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    total += us;
    const area = areaOf(url, functionName);
    if (area === 'idle') {
      idle += us;
      continue;
    }
    areas.set(area, (areas.get(area) ?? 0) + us);
    const short = shortUrl(url);
    const key = `${functionName || '(anonymous)'}  ${short ? `${short}:${lineNumber + 1}` : ''}`;
    fns.set(key, (fns.get(key) ?? 0) + us);
  }
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame || !frame.url.includes('/server/src/')) continue;
      const key = `${frame.functionName || '(anonymous)'}  ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  }
  const ms = (v: number) => v / 1000;
  return {
    totalMs: ms(total),
    busyMs: ms(total - idle),
    byArea: [...areas.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, ms(v)]),
    topFunctions: [...fns.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => [k, ms(v)]),
    appInclusive: [...inclusive.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => [k, ms(v)]),
  };
}
