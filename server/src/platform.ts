import path from 'node:path';
import http from 'node:http';
import { Redis } from 'ioredis';
import { BLOB_DIR, FsBlobStore, OutboxNotifier, closeWithin } from '@yunpin/shared/node';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import type { AppContext } from './context.js';
import { openDatabase, type DatabaseHandle, type DatabaseTarget } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { QUEUE_CLOSE_DEADLINE_MS, createJobProducer } from './queues.js';
import { createApp } from './http/app.js';
import type { HttpOptions } from './http/http-options.js';
import { DEFAULT_LOGIN_RATE_LIMIT, type LoginRateLimit } from './domain/auth/login-rate-limit.js';
import { createSocketLayer, type SocketLayer, type SocketOptions } from './socket/socket-server.js';
import type { InterviewCallOptions } from './socket/interview-handlers.js';
import type { BoothVideoOptions } from './socket/booth-video-handlers.js';
import { startResultsConsumer } from './services/results-consumer.js';
import { startOfficeConsumer } from './services/office-consumer.js';
import { createEsignService } from './services/esign-service.js';
import { createFieldCrypto } from './services/field-crypto.js';
import { requeuePendingWork } from './domain/applications/reconcile.js';
import { requeuePendingSignatures } from './domain/offers/signing.js';
import { createMediaServer } from './media/create-media-server.js';
import type { MediaServer } from './media/media-server.js';

export interface PlatformOptions {
  config: Config;
  logger: Logger;
  redisUrl: string;
  database: DatabaseTarget;
  clientDir?: string;
  loginRateLimit?: LoginRateLimit;
  clock?: () => Date;
  /** Socket settings; the media features get the platform's media plane and TURN unless these override them. */
  socket?: Omit<SocketOptions, 'publicUrl' | 'interviews' | 'boothVideo'> & { interviews?: Partial<InterviewCallOptions>; boothVideo?: Partial<BoothVideoOptions> };
  /** Record the workers' results (parsed resumes, scores) in this process; on by default. */
  consumeResults?: boolean;
  /**
   * Starts the media plane for interview calls and booth video, on first use (default: `createMediaServer`, which
   * connects to JANUS_WS_URL or starts Janus). Its `close` runs when the platform closes.
   */
  media?: () => Promise<{ media: MediaServer; close(): Promise<void> }>;
}

export interface Platform {
  ctx: AppContext;
  database: DatabaseHandle;
  httpOptions: HttpOptions;
  sockets: SocketLayer;
  /** Starts listening; resolves with the bound port (useful with port 0). */
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

export const OUTBOX_DIR = 'outbox';
export const VERSION = '0.1.0';

/** Wires storage, queues and HTTP together; used by `main.ts` and by the integration tests alike. */
export async function createPlatform(options: PlatformOptions): Promise<Platform> {
  const { config, logger } = options;
  const database = await openDatabase(options.database, { onIdleConnectionError: (error) => logger.warn({ err: error }, 'database connection lost; the pool opens a new one') });
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 3, lazyConnect: false });
  // ioredis reconnects by itself; without a listener its errors would print as unhandled.
  redis.on('error', (error: Error) => logger.warn({ err: error }, 'redis connection error'));
  // The field key is DATA_DIR's: migrations that seal existing values need it too.
  const fieldCrypto = createFieldCrypto(config.dataDir);
  try {
    const applied = await migrateToLatest(database.db, database.schema, { fieldCrypto });
    if (applied.length) logger.info({ applied }, 'database migrated');
  } catch (error) {
    redis.disconnect();
    await database.close();
    throw error;
  }
  const jobs = createJobProducer({ url: options.redisUrl, maxRetriesPerRequest: null }, config.redisPrefix, logger);
  const ctx: AppContext = {
    db: database.db,
    redis,
    redisPrefix: config.redisPrefix,
    clock: options.clock ?? (() => new Date()),
    logger,
    jobs,
    blobs: new FsBlobStore(path.join(config.dataDir, BLOB_DIR)),
    esign: createEsignService(config.dataDir),
    fieldCrypto,
  };
  const outbox = new OutboxNotifier(path.join(config.dataDir, OUTBOX_DIR));
  const httpOptions: HttpOptions = {
    publicUrl: config.publicUrl,
    sessionTtlMs: config.sessionTtlMs,
    loginRateLimit: options.loginRateLimit ?? DEFAULT_LOGIN_RATE_LIMIT,
    cookies: { isSecure: config.publicUrl.startsWith('https:') },
    ...(options.clientDir ? { clientDir: options.clientDir } : {}),
    listNotifications: (userId) => outbox.listFor(userId),
    bodyLimit: '1mb',
    version: VERSION,
  };
  const results = options.consumeResults === false ? undefined : startResultsConsumer(ctx, { url: options.redisUrl, maxRetriesPerRequest: null });
  const office = options.consumeResults === false ? undefined : startOfficeConsumer(ctx, { url: options.redisUrl, maxRetriesPerRequest: null });
  jobs.scheduleWeeklyReport().catch((error: unknown) => logger.warn({ err: error }, 'weekly report not scheduled'));
  Promise.all([requeuePendingWork(ctx), requeuePendingSignatures(ctx)]).then(
    ([n, signatures]) => (n.resumes + n.screenings + signatures > 0 ? logger.info({ ...n, signatures }, 'pending background work queued again') : undefined),
    (error: unknown) => logger.warn({ err: error }, 'pending background work not re-queued'),
  );
  const server = http.createServer();
  const startMedia = options.media ?? (() => createMediaServer(config, logger));
  let mediaPlane: Promise<{ media: MediaServer; close(): Promise<void> }> | undefined;
  let isClosing = false;
  const media = () => {
    if (isClosing) return Promise.reject(new Error('the platform is closing'));
    mediaPlane ??= startMedia().catch((error: unknown) => {
      mediaPlane = undefined; // the next call tries again
      throw error;
    });
    return mediaPlane.then((plane) => plane.media);
  };
  const sockets = createSocketLayer(server, ctx, {
    publicUrl: config.publicUrl,
    ...options.socket,
    interviews: { media, turn: config.turn, ...options.socket?.interviews },
    boothVideo: { media, turn: config.turn, ...options.socket?.boothVideo },
  });
  httpOptions.live = { fairLive: async (fairId) => sockets.live.fairLive(fairId, await sockets.visitorsOnline(fairId)) };
  server.on('request', createApp(ctx, httpOptions));
  let closing: Promise<void> | undefined;
  return {
    ctx,
    database,
    httpOptions,
    sockets,
    listen(port, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      });
    },
    close() {
      closing ??= (async () => {
        isClosing = true;
        // Closing Socket.IO also closes the HTTP server; open keep-alive connections are cut.
        const closed = sockets.close();
        server.closeAllConnections();
        await closed;
        await (await mediaPlane?.catch(() => undefined))?.close();
        const consumers = [results, office].filter((w) => w !== undefined);
        if (!(await closeWithin(consumers, QUEUE_CLOSE_DEADLINE_MS))) logger.warn({ deadlineMs: QUEUE_CLOSE_DEADLINE_MS }, 'queue consumers did not close in time (Redis unreachable?); connections dropped');
        await jobs.close();
        await redis.quit().catch(() => redis.disconnect());
        await database.close();
      })();
      return closing;
    },
  };
}
