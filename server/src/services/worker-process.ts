import { spawn, type ChildProcess } from 'node:child_process';
import { WORKER_NODE_FLAGS } from '@yunpin/shared/node';
import type { Logger } from '../logger.js';

export interface WorkerProcess {
  stop(): Promise<void>;
}

const RESTART_DELAY_MS = 2000;

/**
 * Runs the BullMQ workers as a child process and restarts it if it dies;
 * `stop()` sends SIGTERM so active jobs finish before it exits.
 */
export function startWorkerProcess(entry: string, env: NodeJS.ProcessEnv, logger: Logger): WorkerProcess {
  let child: ChildProcess | undefined;
  let isStopping = false;
  let restartTimer: NodeJS.Timeout | undefined;
  const launch = () => {
    const current = spawn(process.execPath, [...WORKER_NODE_FLAGS, entry], { env, stdio: ['ignore', 'inherit', 'inherit'] });
    child = current;
    current.once('exit', (code, signal) => {
      if (isStopping) return;
      logger.error({ code, signal }, `workers exited; restarting in ${RESTART_DELAY_MS} ms`);
      restartTimer = setTimeout(launch, RESTART_DELAY_MS);
    });
  };
  launch();
  return {
    stop() {
      isStopping = true;
      clearTimeout(restartTimer);
      const current = child;
      if (!current || current.exitCode !== null || current.signalCode !== null) return Promise.resolve();
      return new Promise((resolve) => {
        const killer = setTimeout(() => current.kill('SIGKILL'), 30_000);
        current.once('exit', () => {
          clearTimeout(killer);
          resolve();
        });
        current.kill('SIGTERM');
      });
    },
  };
}
