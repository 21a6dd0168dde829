import type { Processor, Queue } from 'bullmq';
import { JOB_NAMES, ZScreenApplicationJobSchema, applicationScreenedJobId, scoreCandidate } from '@yunpin/shared';

/**
 * Scores one application against its job's requirements and posts the result. The scorer sees only
 * what ZScreeningCandidateSchema allows (no hardship, gender, age, ethnicity or hukou) and decides
 * nothing: the score is advice for the recruiter.
 */
export function screenApplicationProcessor(deps: { results: Queue }): Processor {
  return async (job) => {
    const data = ZScreenApplicationJobSchema.parse(job.data);
    const result = scoreCandidate(data.job, data.candidate);
    await deps.results.add(
      JOB_NAMES.applicationScreened,
      { applicationId: data.applicationId, requirementsVersion: data.requirementsVersion, resumeId: data.resumeId, resumeRevision: data.resumeRevision, result },
      { jobId: applicationScreenedJobId(data) },
    );
    return { score: result.score };
  };
}
