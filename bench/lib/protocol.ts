/** IPC messages between a bench orchestrator and its child processes (server nodes, load workers). */

// ---------- server node ----------

export type NodeRequest =
  | { type: 'heap'; id: number }
  | { type: 'stats-start'; id: number; profile: boolean }
  | { type: 'stats-stop'; id: number; profileFile?: string }
  /** The Janus adapter's map sizes (null before the first interview call started it). */
  | { type: 'media-dump'; id: number }
  | { type: 'stop'; id: number };

export interface NodeStats {
  wallMs: number;
  /** Share of one core used by the node process (user + system). */
  cpuPercent: number;
  loopDelayP50Ms: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  /** Every garbage-collection pause of the main thread (ms). */
  gcPauseMs: Float64Array;
  gcByKind: Record<string, { n: number; max: number }>;
  dbQueries: number;
  /** From handing the query to a pooled connection to its result (Redis likewise). */
  dbMeanMs: number;
  /** Waiting for a free connection of the pool (max 10 per node) before that. */
  poolWaitMeanMs: number;
  poolWaitMaxMs: number;
  redisMeanMs: number;
  /** Every sample of the three above, for percentiles. */
  dbMs: Float64Array;
  poolWaitMs: Float64Array;
  redisMs: Float64Array;
  /** Share of the time the event loop was busy (not waiting for I/O). */
  eventLoopUtilization: number;
  /** SQL statements by total time. */
  statements: { text: string; n: number; meanMs: number }[];
  redisCommands: number;
  redisTop: [string, number][];
  /** WebSocket frames written to clients, and their size (characters of text frames + binary bytes). */
  wsFrames: number;
  wsBytes: number;
  /** With profiling on: SQL queries, Redis commands and frames caused by each client event. */
  costs: Record<string, { sql: number; redis: number; frames: number; bytes: number }>;
  /** With profiling on: ms from a request's packet to each broadcast it caused ('call:next → call:incoming'). */
  emitDelays: Record<string, Float64Array>;
  /** Per client event: time from the packet reaching the socket to the ack being sent, in ms. */
  events: Record<string, Float64Array>;
  sockets: number;
  heapUsed: number;
  rss: number;
}

export type NodeReply =
  | { type: 'listening'; port: number }
  | { type: 'heap'; id: number; heapUsed: number; rss: number; sockets: number }
  | { type: 'stats'; id: number; stats: NodeStats }
  | { type: 'media-dump'; id: number; dump: Record<string, number> | null }
  | { type: 'ok'; id: number }
  | { type: 'error'; id: number; message: string };

// ---------- fair-queue load worker ----------

export interface WorkerUser {
  id: string;
  token: string;
  /** Index into `nodeUrls`. */
  node: number;
  /** Graduates: the 1–3 booths they queue at first. */
  booths?: string[];
}

export interface WorkerParams {
  /** Concurrent connection attempts while opening sockets. */
  connectBatch: number;
  /** Initial queue joins per second (this worker), at most `joinConcurrency` waiting for their ack. */
  joinRate: number;
  joinConcurrency: number;
  /** Call loops per recruiter (≤ K). */
  lanes: number;
  /** Pause after each conversation before the recruiter calls again. */
  thinkMs: number;
  /** The recruiters' first calls are spread evenly over this long. */
  staggerMs: number;
  /** Pause after `call:next` answered null (nobody free to call). */
  emptyBackoffMs: number;
  /** Leave-and-rejoin actions per second (this worker). */
  churnPerSecond: number;
  /** After being served, a graduate joins another booth after this long. */
  rejoinAfterMs: number;
  /** Interval of the round-trip probes (per probe socket). */
  probeEveryMs: number;
}

export type WorkerRequest =
  | {
      type: 'init';
      nodeUrls: string[];
      bareUrl: string;
      booths: string[];
      /** recruiters[i] staffs booths[i]. */
      recruiters: WorkerUser[];
      graduates: WorkerUser[];
      /** Graduates that never queue: they only measure `queue:mine` round trips. */
      probes: WorkerUser[];
      params: WorkerParams;
      seed: number;
    }
  | { type: 'connect-probes' }
  | { type: 'connect' }
  | { type: 'idle-rtt'; durationMs: number }
  /**
   * Fill the queues: 'api' joins every initial place with `queue:join`; 'mine' means the places
   * were written to Redis already and each graduate sends `queue:mine` (which subscribes its
   * sockets to those booths and returns its tickets), as a reconnecting client does.
   */
  | { type: 'queue'; maxMs: number; mode: 'api' | 'mine' }
  | { type: 'run'; durationMs: number }
  | { type: 'close' };

export interface WorkerRunResult {
  callMs: Float64Array;
  /** When each call was sent, ms after the workload started (pairs with callMs). */
  callAtMs: Float64Array;
  /** 1 where recruiter and graduate were on different nodes, 0 where not; aligned with callMs. */
  callCross: Float64Array;
  fanoutMs: Float64Array;
  fanoutFromAckMs: Float64Array;
  fanoutByKind: Record<string, Float64Array>;
  fanoutUndelivered: number;
  bareRttMs: Float64Array;
  mineRttMs: Float64Array;
  /** `bench:echo` answered by the server nodes themselves, from the idle probe sockets. */
  nodeEchoMs: Float64Array;
  ackMs: Record<string, Float64Array>;
  messageMs: Float64Array;
  calls: number;
  conversations: number;
  emptyCalls: number;
  joins: number;
  leaves: number;
  snapshotsReceived: number;
  snapshotBytesApprox: number;
  errors: Record<string, number>;
  disconnects: number;
  cpuPercent: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  wallMs: number;
}

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'connected'; ok: number; failed: number; ms: number; firstError?: string }
  | { type: 'idle-rtt'; bareRttMs: Float64Array; mineRttMs: Float64Array }
  | { type: 'queued'; planned: number; joins: number; failed: number; ms: number; joinAckMs: Float64Array; places: number; cutShort: boolean }
  | { type: 'ran'; result: WorkerRunResult }
  | { type: 'closed' }
  | { type: 'fatal'; message: string };
