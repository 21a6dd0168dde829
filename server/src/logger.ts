import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** One pino logger per process; children carry context such as `{ reqId }`. Tests may pass a destination to read the lines. */
export function createLogger(level: string, name = 'server', destination?: DestinationStream): Logger {
  const options = { name, level, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', '*.password'] };
  return destination ? pino(options, destination) : pino(options);
}
