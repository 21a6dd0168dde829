/**
 * esign: offers of employment from rendering to the platform seal, on one core.
 *
 *   npm run bench -- esign [--offers=200] [--warmup=10]
 *
 * One worker process (bench/lib/esign-worker.ts, started with the production worker flags
 * WORKER_NODE_FLAGS; one process = one core) creates the platform keys in a temporary data folder,
 * issues 17 signer certificates (12 graduates, 5 employers' staff), warms up, then runs each offer
 * through the whole flow the offers worker runs — renderOfferPdf → signPdf (graduate) → signPdf
 * (employer) → appendAuditPage → sealPdf — one after another, every offer with different content.
 * Then, in the same process, the baseline: a bare CMS/PKCS#7 signature (SHA-256 over the bytes,
 * RSA-2048 on Node's crypto, the same signed attributes) of each rendered offer, three rounds.
 * Every tenth sealed offer is checked with verifyPdf afterwards (not timed).
 *
 * Reported: offers per second (wall) and per CPU-second of the worker (what one core gives when the
 * machine is shared), the mean time of each stage, bare signatures per second,
 * ratio_to_bare_sign = (time per offer) / (time per bare signature), and the worker's peak RSS
 * (getrusage maxRSS, cross-checked with /proc VmHWM). Target: ≥ 20 offers/s.
 * The last line printed is the RESULT line. The temporary folder is removed at the end.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { WORKER_NODE_FLAGS } from '@yunpin/shared/node';
import { killAllChildren, spawnChild } from './lib/children.js';
import { STAGES, type EsignWorkerReply, type EsignWorkerRequest } from './lib/esign-protocol.js';
import { fmt, summarize } from './lib/stats.js';

const HARD_LIMIT_MS = 285_000;
const STARTED = Date.now();
const TARGET_PER_S = 20;

const arg = (name: string, fallback: number) => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? Number(hit.split('=')[1]) : fallback;
};
const OFFERS = arg('offers', 200);
const WARMUP = arg('warmup', 10);

const say = (s: string) => console.log(`[${((Date.now() - STARTED) / 1000).toFixed(1).padStart(5)} s] ${s}`);

function vmHwmMb(pid: number): number {
  try {
    const kb = Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
    return kb / 1024;
  } catch {
    return NaN;
  }
}

let dataDir: string | undefined;
async function cleanup() {
  killAllChildren();
  if (dataDir) await fsp.rm(dataDir, { recursive: true, force: true });
}
const hardStop = setTimeout(() => {
  console.error('esign bench: hard time limit reached, cleaning up');
  void cleanup().finally(() => process.exit(2));
}, HARD_LIMIT_MS);
hardStop.unref();

async function main() {
  const load = os.loadavg();
  say(`esign bench: ${OFFERS} offers (+${WARMUP} warm-up) in one worker process, flags ${WORKER_NODE_FLAGS.join(' ') || '(none)'}; ${os.cpus().length} cores, load average ${load.map((l) => l.toFixed(1)).join(' ')}`);
  dataDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'yp-bench-esign-'));

  const worker = spawnChild<EsignWorkerRequest, EsignWorkerReply>({ name: 'esign-worker', script: 'bench/lib/esign-worker.ts', nodeArgs: [...WORKER_NODE_FLAGS], echoStderr: true });
  await worker.next('ready', 60_000);
  // Peak RSS from /proc while the worker runs (it exits only when stopped).
  let hwm = 0;
  const poll = setInterval(() => (hwm = Math.max(hwm, vmHwmMb(worker.process.pid!) || 0)), 200);
  worker.send({ type: 'run', dataDir, offers: OFFERS, warmup: WARMUP });
  const r = await worker.next('result', HARD_LIMIT_MS - (Date.now() - STARTED) - 5_000);
  hwm = Math.max(hwm, vmHwmMb(worker.process.pid!) || 0);
  clearInterval(poll);
  await worker.stop(5_000);

  say(`keys: CA + seal created in ${fmt(r.keysMs, 0)} ms; ${r.credentials} signer certificates issued in ${fmt(r.credentialsMs, 0)} ms (${fmt(r.credentialsMs / r.credentials, 0)} ms each, once per signer)`);
  const rendered = summarize(r.sizes.rendered.map((b) => b / 1024));
  const sealed = summarize(r.sizes.sealed.map((b) => b / 1024));
  say(`sizes: rendered offer ${fmt(rendered.p50)} KB median (${fmt(rendered.max)} max), sealed ${fmt(sealed.p50)} KB median (${fmt(sealed.max)} max)`);
  say('stage                 mean ms   p50 ms   p90 ms   max ms');
  let stageSum = 0;
  for (const stage of STAGES) {
    const s = summarize(r.stageMs[stage]);
    stageSum += s.mean;
    say(`${stage.padEnd(20)} ${fmt(s.mean, 2).padStart(8)} ${fmt(s.p50, 2).padStart(8)} ${fmt(s.p90, 2).padStart(8)} ${fmt(s.max, 2).padStart(8)}`);
  }
  say(`${'whole offer'.padEnd(20)} ${fmt(stageSum, 2).padStart(8)}`);

  const offersPerS = r.offers / (r.pipelineWallMs / 1000);
  const offersPerCpuS = r.offers / (r.pipelineCpuMs / 1000);
  const bareSignPerS = r.bareSigns / (r.bareWallMs / 1000);
  const bareSignPerCpuS = r.bareSigns / (r.bareCpuMs / 1000);
  const ratio = bareSignPerS / offersPerS;
  say(`pipeline: ${r.offers} offers in ${fmt(r.pipelineWallMs / 1000, 2)} s wall, ${fmt(r.pipelineCpuMs / 1000, 2)} s CPU → ${fmt(offersPerS, 1)} offers/s wall, ${fmt(offersPerCpuS, 1)} per CPU-second (${fmt(r.pipelineCpuMs / r.offers, 1)} CPU ms per offer)`);
  say(`baseline: ${r.bareSigns} bare CMS signatures in ${fmt(r.bareWallMs, 0)} ms → ${fmt(bareSignPerS, 0)}/s wall, ${fmt(bareSignPerCpuS, 0)} per CPU-second`);
  say(`ratio: one offer costs ${fmt(ratio, 1)} bare signatures (wall); ${fmt(bareSignPerCpuS / offersPerCpuS, 1)} by CPU`);
  say(`worker peak RSS: ${fmt(r.maxRssMb, 0)} MB (getrusage), ${fmt(hwm, 0)} MB (/proc VmHWM)`);
  say(`verified ${r.verified} sealed offers with verifyPdf: ${r.verifyFailures.length === 0 ? 'all valid and sealed' : `${r.verifyFailures.length} FAILED`}`);
  const after = os.loadavg();
  say(`load average after: ${after.map((l) => l.toFixed(1)).join(' ')} (other processes on the machine slow the wall figures; the per-CPU-second figure is what one core gives)`);
  say(offersPerS >= TARGET_PER_S ? `target met: ${fmt(offersPerS, 1)} ≥ ${TARGET_PER_S} offers/s` : `target NOT met: ${fmt(offersPerS, 1)} < ${TARGET_PER_S} offers/s (${fmt(offersPerCpuS, 1)} per CPU-second)`);

  await cleanup();
  console.log(
    `RESULT esign offers=${r.offers} offers_per_s=${fmt(offersPerS, 1)} bare_sign_per_s=${fmt(bareSignPerS, 0)} ratio_to_bare_sign=${fmt(ratio, 1)} worker_peak_rss_mb=${fmt(Math.max(r.maxRssMb, hwm), 0)}`,
  );
  if (r.verifyFailures.length) process.exitCode = 1;
}

main().catch(async (e: unknown) => {
  console.error(e);
  await cleanup();
  process.exit(1);
});
