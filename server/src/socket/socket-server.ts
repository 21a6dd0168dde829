import type { Server as HttpServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { parse } from 'cookie';
import { Server, type Socket } from 'socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { AppError, CLIENT_EVENTS, ZBoothChangesSchema, type ClientToServerEvents, type InterNodeEvents, type ServerToClientEvents, type SocketData, type TAck } from '@yunpin/shared';
import type { AppContext } from '../context.js';
import { SESSION_COOKIE } from '../domain/auth/session-tokens.js';
import { LiveFairService, type LiveFairOptions } from '../domain/live-fair/live-fair-service.js';
import { rooms, type Broadcaster } from '../domain/live-fair/broadcaster.js';
import { issueDetails } from '../http/route.js';
import { toAppError } from '../http/errors.js';
import { adapterRedisClient } from './adapter-redis.js';
import { eventTable } from './event-handlers.js';
import { TokenBucket } from './token-bucket.js';
import { SocketSessions } from './socket-sessions.js';
import { attachInterviewCalls, type InterviewCallOptions } from './interview-handlers.js';
import { attachBoothVideo, type BoothVideoOptions } from './booth-video-handlers.js';

type IoServer = Server<ClientToServerEvents, ServerToClientEvents, InterNodeEvents, SocketData>;
type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterNodeEvents, SocketData>;

export interface SocketOptions {
  publicUrl: string;
  live?: LiveFairOptions;
  /** Events a socket may send at once, and per second after that; beyond it the socket is cut. */
  rateLimit?: { burst: number; perSecond: number };
  /** How old a socket's session may be when it is used; sockets are re-read in the background after half of it (a logout cuts them off within it). */
  sessionRecheckMs?: number;
  interviews?: InterviewCallOptions;
  /** Conversation video and booth presentations. */
  boothVideo?: BoothVideoOptions;
}

export interface SocketLayer {
  io: IoServer;
  live: LiveFairService;
  /** Sockets (on every node) in a fair's lobby. */
  visitorsOnline(fairId: string): Promise<number>;
  close(): Promise<void>;
}

const DEFAULT_SESSION_RECHECK_MS = 30_000;
const LOAD_SAMPLE_MS = 100;
const BUSY_LOOP_SHARE = 0.5;
const DEFAULT_RATE_LIMIT = { burst: 40, perSecond: 20 };

function allowedOrigin(publicUrl: string, origin: string | undefined, host: string | undefined): boolean {
  if (!origin) return true; // not a browser: no ambient cookie to abuse
  return origin === new URL(publicUrl).origin || origin === `http://${host}` || origin === `https://${host}`;
}

/**
 * Socket.IO on the HTTP server: cookie-session handshake, typed events validated with zod,
 * per-socket flood limits, acks for every request, rooms shared across nodes via Redis streams.
 */
export function createSocketLayer(httpServer: HttpServer, ctx: AppContext, options: SocketOptions): SocketLayer {
  // Own connections for the adapter and the live fair, auto-pipelined: commands issued in the same
  // tick (many, at a busy fair) go out in one write instead of one each.
  const adapterRedis = adapterRedisClient(ctx.redis.duplicate({ enableAutoPipelining: true }), ctx.logger);
  const liveRedis = ctx.redis.duplicate({ enableAutoPipelining: true });
  liveRedis.on('error', (error: Error) => ctx.logger.warn({ err: error }, 'live fair redis error'));
  const io: IoServer = new Server(httpServer, {
    serveClient: false,
    adapter: createAdapter(adapterRedis, { streamName: `${ctx.redisPrefix}:sio`, sessionKeyPrefix: `${ctx.redisPrefix}:sio:session:` }),
    // Recovered connections pass the middleware again, so the session is re-checked.
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
    allowRequest: (req, callback) => callback(null, allowedOrigin(options.publicUrl, req.headers.origin, req.headers.host)),
  });
  const broadcaster: Broadcaster = {
    emit: (room, event, ...args) => {
      io.to(room).emit(event, ...args);
    },
    emitLocal: (room, event, ...args) => {
      io.local.to(room).emit(event, ...args);
    },
    hasLocal: (room) => (io.sockets.adapter.rooms.get(room)?.size ?? 0) > 0,
    shareChanges: (changes) => {
      io.serverSideEmit('live:booths-changed', changes);
    },
    join: (fromRoom, room) => io.in(fromRoom).socketsJoin(room),
    leave: (fromRoom, room) => io.in(fromRoom).socketsLeave(room),
  };
  // Booth broadcasts wait while this node answers requests, or its event loop was more than half
  // busy over the last tenth of a second (a rush of calls, or relaying the other node's broadcasts).
  let answering = 0;
  let loopBusy = 0;
  let lastLoop = performance.eventLoopUtilization();
  const loadGauge = setInterval(() => {
    const now = performance.eventLoopUtilization();
    loopBusy = performance.eventLoopUtilization(now, lastLoop).utilization;
    lastLoop = now;
  }, LOAD_SAMPLE_MS);
  loadGauge.unref();
  const live = new LiveFairService({ ...ctx, redis: liveRedis }, broadcaster, { isBusy: () => answering > 0 || loopBusy > BUSY_LOOP_SHARE, ...options.live });
  // Each node broadcasts booth changes to its own sockets: the other nodes only say which booths changed.
  io.on('live:booths-changed', (changes: unknown) => {
    const parsed = ZBoothChangesSchema.safeParse(changes);
    if (parsed.success) live.changedElsewhere(parsed.data);
    else ctx.logger.warn({ issues: parsed.error.issues.slice(0, 3) }, 'malformed booth changes from another node');
  });
  const handlers = eventTable(live);
  attachInterviewCalls(io, ctx, options.interviews);
  attachBoothVideo(io, ctx, live, options.boothVideo);
  const rate = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  const sessions = new SocketSessions<IoSocket>(ctx, {
    recheckMs: options.sessionRecheckMs ?? DEFAULT_SESSION_RECHECK_MS,
    sockets: () => io.of('/').sockets.values(),
    onEnded: (socket) => socket.disconnect(true),
    onError: (error) => ctx.logger.warn({ err: error }, 'socket sessions could not be re-read'),
  });

  io.use(async (socket, next) => {
    try {
      const token = parse(socket.handshake.headers.cookie ?? '')[SESSION_COOKIE];
      const user = token ? await sessions.admit(socket, token) : undefined;
      if (!user) return next(new Error('unauthenticated'));
      socket.data.userId = user.id;
      next();
    } catch (error) {
      ctx.logger.error({ err: error }, 'socket handshake failed');
      next(new Error('unavailable'));
    }
  });

  io.on('connection', (socket) => {
    const log = ctx.logger.child({ socket: socket.id, user: socket.data.userId });
    void socket.join(rooms.user(socket.data.userId));
    const bucket = new TokenBucket(rate.burst, rate.perSecond);
    const handle = { join: (room: string) => void socket.join(room), leave: (room: string) => void socket.leave(room) };

    for (const event of CLIENT_EVENTS) {
      const entry = handlers[event];
      socket.on(event, async (payload: unknown, ack: unknown) => {
        if (!bucket.take()) {
          log.warn({ event }, 'socket flooding: disconnected');
          socket.disconnect(true);
          return;
        }
        if (typeof ack !== 'function') return; // every request must carry an ack
        const reply = ack as (a: TAck<unknown>) => void;
        answering++;
        try {
          const actor = await sessions.actorOf(socket);
          if (!actor) {
            reply({ ok: false, error: { code: 'unauthenticated', message: 'Your session has ended; please log in again' } });
            socket.disconnect(true);
            return;
          }
          const parsed = entry.schema.safeParse(payload);
          if (!parsed.success) throw new AppError('validation_failed', `Invalid ${event} payload`, { details: issueDetails(parsed.error, 'payload') });
          reply({ ok: true, data: await entry.run(actor, parsed.data, handle) });
        } catch (error) {
          const appError = toAppError(error);
          if (appError.status >= 500) log.error({ err: error, event }, 'socket event failed');
          reply({ ok: false, error: appError.toBody() });
        } finally {
          answering--;
        }
      });
    }

    socket.on('disconnect', () => {
      const userId = socket.data.userId;
      void io
        .in(rooms.user(userId))
        .local.fetchSockets()
        .then((left) => (left.length === 0 ? live.recruiterGone(userId) : undefined))
        .catch((error: unknown) => log.error({ err: error }, 'presence cleanup failed'));
    });
  });

  live.start();
  let closing: Promise<void> | undefined;
  return {
    io,
    live,
    visitorsOnline: async (fairId) => (await io.in(rooms.lobby(fairId)).fetchSockets()).length,
    close() {
      closing ??= (async () => {
        clearInterval(loadGauge);
        sessions.stop();
        live.stop();
        io.disconnectSockets(true);
        await new Promise<void>((resolve) => io.close(() => resolve()));
        // QUIT, not disconnect: the adapter's farewell message is still queued on this connection.
        await Promise.all([adapterRedis.quit().catch(() => adapterRedis.disconnect()), liveRedis.quit().catch(() => liveRedis.disconnect())]);
      })();
      return closing;
    },
  };
}
