import type { TResumeKind, TResumeParseOutput } from '@yunpin/shared';

/** Messages between the parse pool and its threads. */
export type ThreadTask =
  | { op: 'parse'; bytes: Uint8Array; kind: TResumeKind }
  /** Test-only tasks, honoured only by threads started with `testHooks`. */
  | { op: 'spin' | 'allocate' };

export type ThreadRequest = ThreadTask & { id: number };

export type ThreadReply =
  | { ready: true }
  | { ready: false; message: string }
  | { id: number; ok: true; output: TResumeParseOutput }
  | { id: number; ok: false; error: { kind: 'corrupt' | 'other'; message: string; reason: string | null } };
