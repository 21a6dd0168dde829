import { spawn, type ChildProcess } from 'node:child_process';

export interface NodeProcess {
  url: string;
  child: ChildProcess;
  /** SIGTERM and wait; SIGKILL simulates a crash. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts test/support/server-process.ts as a separate Node process and waits until it listens. */
export function startNodeProcess(env: Record<string, string>): Promise<NodeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/server-process.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`node did not start:\n${output}`));
    }, 60_000);
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`node exited with ${code}:\n${output}`));
    });
    child.stdout!.on('data', (c: Buffer) => {
      output += c.toString();
      const port = /LISTENING (\d+)/.exec(output)?.[1];
      if (!port) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({
        url: `http://127.0.0.1:${port}`,
        child,
        stop(signal = 'SIGTERM') {
          if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
          return new Promise((done) => {
            child.once('exit', () => done());
            child.kill(signal);
          });
        },
      });
    });
  });
}
