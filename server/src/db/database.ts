import fs from 'node:fs/promises';
import path from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
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

/** Opens PostgreSQL through `pg`, or PGlite embedded (on disk, or in memory when no folder is given). */
export async function openDatabase(target: DatabaseTarget, options: OpenDatabaseOptions = {}): Promise<DatabaseHandle> {
  let db: Kysely<Database>;
  let pglite: PGlite | undefined;
  if (target.kind === 'pg') {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: target.poolMax ?? DEFAULT_POOL_MAX,
      ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
    });
    pool.on('error', options.onIdleConnectionError ?? (() => undefined));
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
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
