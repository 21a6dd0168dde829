import type { Kysely } from 'kysely';
import type { Redis } from 'ioredis';
import type { Logger } from './logger.js';
import type { Database } from './db/schema.js';
import type { BlobStore } from '@yunpin/shared/node';
import type { JobProducer } from './queues.js';
import type { EsignService } from './services/esign-service.js';
import type { FieldCrypto } from './services/field-crypto.js';

/** What every use case receives: storage, time, logging and the job producer. */
export interface AppContext {
  db: Kysely<Database>;
  redis: Redis;
  redisPrefix: string;
  clock: () => Date;
  logger: Logger;
  jobs: JobProducer;
  /** Uploaded files by content hash (resumes). */
  blobs: BlobStore;
  /** Offer letters: rendering, verification, one-time code hashes. */
  esign: EsignService;
  /** Sealing and keyed hashing of sensitive fields (national ID). */
  fieldCrypto: FieldCrypto;
}

/** Who is acting, and from where; written into the audit log. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}
