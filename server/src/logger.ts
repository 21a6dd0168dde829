import { pino, type Logger } from 'pino';

export type { Logger };

/** One pino logger per process; children carry context such as `{ reqId }`. */
export function createLogger(level: string, name = 'server'): Logger {
  return pino({ name, level, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', '*.password'] });
}
