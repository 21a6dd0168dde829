import path from 'node:path';
import { z } from 'zod';
import { parseEnv } from '@yunpin/shared/node';
import type { TurnConfig } from './media/turn-credentials.js';

export { ConfigError } from '@yunpin/shared/node';

const PORT_MESSAGE = 'expected a port number from 0 to 65535';

const ZConfigSchema = z.object({
  PORT: z.coerce.number({ error: PORT_MESSAGE }).int(PORT_MESSAGE).min(0, PORT_MESSAGE).max(65535, PORT_MESSAGE).default(3000),
  HOST: z.string().min(1, 'expected a host name or address').default('0.0.0.0'),
  PUBLIC_URL: z.url({ error: 'expected an absolute URL such as https://yunpin.example.gov.cn' }).optional(),
  DATA_DIR: z.string().min(1, 'expected a folder path').default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_MAX: z.coerce.number({ error: 'expected a whole number from 1 to 500' }).int('expected a whole number from 1 to 500').min(1, 'expected a whole number from 1 to 500').max(500, 'expected a whole number from 1 to 500').optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'expected a redis:// or rediss:// URL').optional(),
  REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9_-]+$/, 'expected letters, digits, _ and - only').default('yp'),
  JANUS_WS_URL: z.string().regex(/^wss?:\/\//, 'expected a ws:// or wss:// URL').optional(),
  TURN_URLS: z
    .string()
    .regex(/^\s*turns?:[^\s,]+(\s*,\s*turns?:[^\s,]+)*\s*$/, 'expected comma-separated turn: or turns: URLs')
    .transform((v) => v.split(',').map((u) => u.trim()))
    .optional(),
  TURN_SECRET: z.string().min(16, 'expected the TURN server\'s static-auth-secret (at least 16 characters)').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'expected one of fatal, error, warn, info, debug, trace, silent' }).default('info'),
  SESSION_TTL_HOURS: z.coerce.number({ error: 'expected a number of hours' }).positive('expected a positive number of hours').max(24 * 90, 'expected at most 2160 hours').default(24 * 7),
  START_WORKERS: z.enum(['true', 'false'], { error: 'expected true or false' }).default('true').transform((v) => v === 'true'),
  SEED_DEMO: z.enum(['true', 'false'], { error: 'expected true or false' }).default('true').transform((v) => v === 'true'),
})
  // TURN needs both: the URLs clients use and the secret their credentials are signed with.
  .refine((c) => (c.TURN_URLS === undefined) === (c.TURN_SECRET === undefined), { path: ['TURN_SECRET'], message: 'TURN_URLS and TURN_SECRET go together: set both or neither' });

export interface Config {
  port: number;
  host: string;
  /** Origin browsers use to reach us; writes from any other Origin are refused. */
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** PostgreSQL connections per server process (DEFAULT_POOL_MAX when unset). */
  databasePoolMax: number | undefined;
  redisUrl: string | undefined;
  redisPrefix: string;
  janusWsUrl: string | undefined;
  /** TURN for clients behind NAT (coturn with a shared secret); unset in development. */
  turn: TurnConfig | undefined;
  logLevel: z.infer<typeof ZConfigSchema>['LOG_LEVEL'];
  sessionTtlMs: number;
  seedDemo: boolean;
  /** Run the BullMQ workers as a child process (off when they run as their own service). */
  startWorkers: boolean;
}

/** Parses the environment once; a wrong value throws a ConfigError naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const c = parseEnv(ZConfigSchema, env);
  const port = c.PORT;
  return {
    port,
    host: c.HOST,
    publicUrl: (c.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    dataDir: path.resolve(c.DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    databasePoolMax: c.DATABASE_POOL_MAX,
    redisUrl: c.REDIS_URL,
    redisPrefix: c.REDIS_PREFIX,
    janusWsUrl: c.JANUS_WS_URL,
    turn: c.TURN_URLS && c.TURN_SECRET ? { urls: c.TURN_URLS, secret: c.TURN_SECRET } : undefined,
    logLevel: c.LOG_LEVEL,
    sessionTtlMs: c.SESSION_TTL_HOURS * 3600_000,
    seedDemo: c.SEED_DEMO,
    startWorkers: c.START_WORKERS,
  };
}
