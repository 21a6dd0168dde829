import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './schema.js';
import * as m0001 from './migrations/0001_foundation.js';
import * as m0002 from './migrations/0002_fairs.js';
import * as m0003 from './migrations/0003_jobs.js';
import * as m0004 from './migrations/0004_interviews.js';
import * as m0005 from './migrations/0005_offers.js';
import * as m0006 from './migrations/0006_booth_video.js';
import * as m0007 from './migrations/0007_registry.js';
import * as m0008 from './migrations/0008_cases.js';
import * as m0009 from './migrations/0009_subsidies.js';
import { hardshipSealed, type FlagCrypto } from './migrations/0010_hardship_sealed.js';
import * as m0011 from './migrations/0011_subsidy_rates.js';

export interface MigrationOptions {
  /** The field key, for migrations that seal or open existing values (none needed on an empty database). */
  fieldCrypto?: FlagCrypto;
}

/** Migrations in order; a new one is a new file added here, never an edit of an old one. */
const migrations = (options: MigrationOptions): Record<string, Migration> => ({
  '0001_foundation': m0001,
  '0002_fairs': m0002,
  '0003_jobs': m0003,
  '0004_interviews': m0004,
  '0005_offers': m0005,
  '0006_booth_video': m0006,
  '0007_registry': m0007,
  '0008_cases': m0008,
  '0009_subsidies': m0009,
  '0010_hardship_sealed': hardshipSealed(options.fieldCrypto),
  '0011_subsidy_rates': m0011,
});

class StaticMigrationProvider implements MigrationProvider {
  readonly #options: MigrationOptions;

  constructor(options: MigrationOptions) {
    this.#options = options;
  }

  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve(migrations(this.#options));
  }
}

/**
 * The migrator over our migrations.
 * The bookkeeping tables are named with their schema: Kysely otherwise looks for them in every
 * schema and can mistake another database user's tables for ours.
 */
export function createMigrator(db: Kysely<Database>, schema = 'public', options: MigrationOptions = {}): Migrator {
  return new Migrator({ db, provider: new StaticMigrationProvider(options), migrationTableSchema: schema });
}

/** Brings the schema up to date (all in one transaction); throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>, schema = 'public', options: MigrationOptions = {}): Promise<string[]> {
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await createMigrator(db, schema, options).migrateToLatest();
    if (!error) return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    if (attempt < MIGRATE_ATTEMPTS && !results && isVanishedObject(error, schema)) {
      await new Promise((resolve) => setTimeout(resolve, 25 * attempt));
      continue;
    }
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const MIGRATE_ATTEMPTS = 10;
/** Undefined schema, table, column or object. */
const VANISHED_CODES = new Set(['3F000', '42P01', '42703', '42704']);

/**
 * Kysely's migrator finds its bookkeeping tables by reading the tables and columns of every schema
 * in the database; a schema or table that another user of the database drops meanwhile fails that
 * read ("schema … does not exist", "column … of relation … does not exist"). It fails before any
 * migration has run (no results), and the object is not ours, so it is safe to try again.
 */
function isVanishedObject(error: unknown, schema: string): boolean {
  return error instanceof Error && VANISHED_CODES.has(String((error as Error & { code?: unknown }).code)) && !error.message.includes(`"${schema}"`);
}
