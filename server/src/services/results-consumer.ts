import { Worker, type ConnectionOptions } from 'bullmq';
import { JOB_NAMES, QUEUE_NAMES, ZApplicationScreenedResultSchema, ZOfferSignedResultSchema, ZResumeParsedResultSchema } from '@yunpin/shared';
import type { AppContext } from '../context.js';
import { recordApplicationScreened, recordResumeParsed } from '../domain/applications/record-results.js';
import { recordOfferSigned } from '../domain/offers/signing.js';
import { recordPlacementFromOffer } from '../domain/followups/schedule-followups.js';

/**
 * Writes what the workers produce (parsed resumes, screening scores, offer signatures) to the database. Results wait
 * in Redis while no server runs, and each write is idempotent, so a result is never lost or doubled.
 */
export function startResultsConsumer(ctx: AppContext, connection: ConnectionOptions, concurrency = 4): Worker {
  const worker = new Worker(
    QUEUE_NAMES.results,
    async (job) => {
      if (job.name === JOB_NAMES.resumeParsed) await recordResumeParsed(ctx, ZResumeParsedResultSchema.parse(job.data));
      else if (job.name === JOB_NAMES.applicationScreened) await recordApplicationScreened(ctx, ZApplicationScreenedResultSchema.parse(job.data));
      else if (job.name === JOB_NAMES.offerSigned) {
        const result = ZOfferSignedResultSchema.parse(job.data);
        await recordOfferSigned(ctx, result);
        // A countersigned offer is a placement: its follow-ups are scheduled (once, however often this runs).
        if (result.role === 'employer') await recordPlacementFromOffer(ctx, result.offerId);
      }
      else throw new Error(`No handler for result ${job.name}`);
    },
    { connection, prefix: ctx.redisPrefix, concurrency },
  );
  worker.on('failed', (job, error) => ctx.logger.warn({ jobId: job?.id, attempts: job?.attemptsMade, err: error }, 'result not recorded'));
  worker.on('error', (error) => ctx.logger.error({ err: error }, 'results consumer error'));
  return worker;
}
