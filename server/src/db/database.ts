import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql, type PostgresPool, type PostgresPoolClient } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Database } from './schema.js';

const INT8_OID = 20;
// Counts and bigserial ids stay far below 2^53: read them as numbers on both drivers.
pg.types.setTypeParser(INT8_OID, (value) => Number(value));

/**
 * Connections per server process. At a fair's opening (a hundred recruiters calling at once, each
 * call answered, chatted and ended) ten were too few: queries queued for a connection for up to
 * 0.4 s, measured with `npm run bench -- fair-queue`, and call latency with them; at 30 the wait
 * disappeared. Two nodes at the default stay well inside PostgreSQL's default of 100 connections.
 */
export const DEFAULT_POOL_MAX = 30;

/**
 * How long an idle pooled connection is kept (pg's default is 10 s). A new backend's first run of
 * each statement costs several times a warm one (catalog caches, plans, foreign-key checks: about
 * 20 ms for a booth conversation's five statements against 5 ms warm, measured on a 2-core
 * machine), so connections outlive the lulls between a fair's bursts rather than being opened again
 * for each.
 */
export const POOL_IDLE_MS = 60_000;

export type DatabaseTarget =
  | { kind: 'pg'; url: string; schema?: string; poolMax?: number }
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob };

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: 'pg' | 'pglite';
  /** The schema our tables live in. */
  schema: string;
  /** The embedded engine, when there is one (tests clone it). */
  pglite?: PGlite;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /**
   * Told when an idle pooled connection dies (PostgreSQL restarted or failed over, the backend was
   * terminated): the pool drops it and opens a new one when next needed. Without a listener `pg`
   * raises the error as an unhandled 'error' event, which ends the process.
   */
  onIdleConnectionError?: (error: Error) => void;
}

/** Statements with more parameters than this (long `in (...)` lists, bulk inserts) are not kept prepared. */
const PREPARED_MAX_PARAMETERS = 32;
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;

/**
 * The statement name a query is kept prepared under on each connection, or undefined for one sent
 * unprepared. Kysely builds the same text for the same query, so the application's statements are
 * a bounded set; those with many parameters vary with a list's length and are left out.
 */
function preparedName(text: string, parameters: readonly unknown[]): string | undefined {
  if (parameters.length > PREPARED_MAX_PARAMETERS || !PREPARABLE.test(text)) return undefined;
  return `yp_${createHash('sha1').update(text).digest('base64url')}`;
}

/** PostgreSQL's refusal of a prepared statement whose tables changed shape since it was prepared. */
function isStalePlan(error: unknown): boolean {
  return error instanceof Error && (error as { code?: string }).code === '0A000' && /cached plan must not change result type/.test(error.message);
}

/**
 * The pool as Kysely uses it, with each statement prepared once per connection and then executed
 * by name: PostgreSQL parses and analyses it once, and plans it once when a generic plan serves
 * (measured on a select joining two tables: about 30 µs of backend CPU each time instead of about 90).
 */
function preparingPool(pool: pg.Pool): PostgresPool {
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      // A table altered under a prepared statement (a migration run by a newer server while this
      // one serves) can make PostgreSQL refuse it; the query is then sent unprepared, and the
      // connection, whose statements are stale, is closed when released.
      let isStale = false;
      const run = async (text: string, values: unknown[]) => {
        const name = preparedName(text, values);
        if (!name) return client.query({ text, values });
        try {
          return await client.query({ name, text, values });
        } catch (error) {
          if (!isStalePlan(error)) throw error;
          isStale = true;
          return client.query({ text, values });
        }
      };
      // A cursor (Kysely's streaming) passes through as it is, synchronously.
      const query = (text: unknown, parameters?: readonly unknown[]) => (typeof text === 'string' ? run(text, [...(parameters ?? [])]) : client.query(text as never));
      return { query: query as unknown as PostgresPoolClient['query'], release: (destroy?: boolean) => client.release(destroy === true || isStale) };
    },
    end: () => pool.end(),
  };
}

/**
 * The connection string and startup options for a schema: the URL's own `options` (say
 * `?options=-c statement_timeout=5000`) are kept, and the schema's search path added to them (`pg`
 * lets the URL's options replace any given beside it, which would lose the schema).
 */
export function connectionOf(url: string, schema: string | undefined): { connectionString: string; options?: string } {
  if (!schema) return { connectionString: url };
  const parsed = new URL(url);
  const own = parsed.searchParams.get('options');
  parsed.searchParams.delete('options');
  return { connectionString: parsed.toString(), options: [own, `-c search_path=${schema}`].filter(Boolean).join(' ') };
}

/** Opens PostgreSQL through `pg`, or PGlite embedded (on disk, or in memory when no folder is given). */
export async function openDatabase(target: DatabaseTarget, options: OpenDatabaseOptions = {}): Promise<DatabaseHandle> {
  let db: Kysely<Database>;
  let pglite: PGlite | undefined;
  if (target.kind === 'pg') {
    const pool = new pg.Pool({ ...connectionOf(target.url, target.schema), max: target.poolMax ?? DEFAULT_POOL_MAX, idleTimeoutMillis: POOL_IDLE_MS });
    pool.on('error', options.onIdleConnectionError ?? (() => undefined));
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
  } else {
    if (target.dataDir) await fs.mkdir(path.dirname(target.dataDir), { recursive: true });
    pglite = await PGlite.create({
      ...(target.dataDir ? { dataDir: target.dataDir } : {}),
      ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
      parsers: { [pgliteTypes.INT8]: (value: string) => Number(value) },
    });
    db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  }
  let closing: Promise<void> | undefined;
  return {
    db,
    kind: target.kind,
    schema: (target.kind === 'pg' && target.schema) || 'public',
    ...(pglite ? { pglite } : {}),
    async ping() {
      await sql`select 1`.execute(db);
    },
    close() {
      closing ??= (async () => {
        await db.destroy();
        if (pglite && !pglite.closed) await pglite.close();
      })();
      return closing;
    },
  };
}
