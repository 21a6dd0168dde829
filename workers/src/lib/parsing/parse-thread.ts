/**
 * Entry of a parse thread (see parse-pool.ts): parses one file per message and answers with the
 * output or a serialised error. pdf.js is loaded before the thread reports ready and takes work.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { CorruptFileError } from './errors.js';
import { warmUpExtractors } from './extract-text.js';
import { parseResume } from './parse-resume.js';
import type { ThreadReply, ThreadRequest } from './parse-protocol.js';

if (!parentPort) throw new Error('parse-thread.ts must run in a worker thread');
const port: MessagePort = parentPort;
const testHooks = (workerData as { testHooks?: boolean } | null)?.testHooks === true;

/** Test-only tasks: a hang that never yields, and an allocation that never stops. */
function runTestTask(task: 'spin' | 'allocate'): never {
  if (task === 'spin') {
    for (;;) {
      // Blocks the event loop, as a parser stuck in a loop would; only terminate() ends it.
    }
  }
  const hoard: unknown[] = [];
  for (;;) hoard.push(new Array<number>(100_000).fill(hoard.length));
}

function replyError(id: number, err: unknown): ThreadReply {
  if (err instanceof CorruptFileError) return { id, ok: false, error: { kind: 'corrupt', message: err.message, reason: err.reason ?? null } };
  const e = err instanceof Error ? err : new Error(String(err));
  return { id, ok: false, error: { kind: 'other', message: e.message, reason: e.name } };
}

function onMessage(msg: ThreadRequest): void {
  void (async () => {
    try {
      if (msg.op === 'parse') {
        const output = await parseResume(msg.bytes, msg.kind);
        port.postMessage({ id: msg.id, ok: true, output } satisfies ThreadReply);
      } else if (testHooks) {
        runTestTask(msg.op);
      } else {
        throw new Error(`Unknown task ${msg.op}`);
      }
    } catch (err) {
      port.postMessage(replyError(msg.id, err));
    }
  })();
}

// Files sent before the parsers are loaded wait in the port's queue: it delivers nothing until a
// listener is attached. So a file's time limit, which starts at "ready", covers only its own work.
warmUpExtractors().then(
  () => {
    port.on('message', onMessage);
    port.postMessage({ ready: true } satisfies ThreadReply);
  },
  (err: unknown) => port.postMessage({ ready: false, message: (err as Error).message } satisfies ThreadReply),
);
