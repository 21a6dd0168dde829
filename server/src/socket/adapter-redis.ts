import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';

/**
 * Commands the Socket.IO Redis streams adapter (0.3.x) sends without handling their promise:
 * PUBLISH for server-side emits, SET for a dropped connection's recovery state, SUBSCRIBE at start.
 * When Redis is unreachable these reject (after `maxRetriesPerRequest`) with nobody listening, and
 * an unhandled rejection ends a Node process: a Redis restart during a fair, with one graduate
 * closing a tab, would take the node down.
 */
const UNAWAITED = ['publish', 'spublish', 'set', 'subscribe', 'ssubscribe'] as const;

/**
 * Makes a Redis client safe to give the streams adapter: its connection errors are logged, the
 * commands the adapter leaves unawaited log their failure instead (the message or recovery state
 * is lost, as the adapter intends; the node stays up), and so do the clients it duplicates from
 * this one (its subscriber and stream readers).
 */
export function adapterRedisClient(client: Redis, logger: Logger): Redis {
  client.on('error', (error: Error) => logger.warn({ err: error }, 'socket adapter redis error'));
  const target = client as unknown as Record<string, unknown>;
  for (const name of UNAWAITED) {
    const original = client[name] as unknown as (...args: unknown[]) => Promise<unknown>;
    target[name] = (...args: unknown[]) => {
      const result = original.apply(client, args);
      result.catch((error: unknown) => logger.warn({ err: error, command: name }, 'socket adapter redis command failed'));
      return result;
    };
  }
  const duplicate = client.duplicate.bind(client);
  target.duplicate = (...args: Parameters<Redis['duplicate']>) => adapterRedisClient(duplicate(...args), logger);
  return client;
}
