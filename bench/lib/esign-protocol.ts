/** IPC messages between bench/esign.bench.ts and its worker process (bench/lib/esign-worker.ts). */

export type EsignWorkerRequest = { type: 'run'; dataDir: string; offers: number; warmup: number };
export const STAGES = ['render', 'signGraduate', 'signEmployer', 'audit', 'seal'] as const;
export type Stage = (typeof STAGES)[number];
export type EsignWorkerReply =
  | { type: 'ready' }
  | {
      type: 'result';
      offers: number;
      keysMs: number;
      credentialsMs: number;
      credentials: number;
      pipelineWallMs: number;
      pipelineCpuMs: number;
      stageMs: Record<Stage, number[]>;
      bareSigns: number;
      bareWallMs: number;
      bareCpuMs: number;
      sizes: { rendered: number[]; sealed: number[] };
      verified: number;
      verifyFailures: string[];
      maxRssMb: number;
    }
  | { type: 'error'; message: string };
