import type { TJob, TSessionUser } from '@yunpin/shared';

/** Mirrors the server's job policy so the interface only offers what the server will allow. */

/** An employer's recruiters and administrator post and manage the employer's jobs. */
export function canPostJobs(user: TSessionUser): boolean {
  return (user.role === 'recruiter' || user.role === 'employer_admin') && user.organisationId !== null;
}

/** Organisers and administrators review jobs of unverified employers and watch the background queues. */
export function canReviewJobs(user: TSessionUser): boolean {
  return user.role === 'organiser' || user.role === 'admin';
}

export const canViewSystemHealth = canReviewJobs;

/** Only graduates search jobs to apply, upload resumes and keep applications. */
export function canApply(user: TSessionUser): boolean {
  return user.role === 'graduate';
}

/** A closed job can no longer be edited. */
export function isEditable(job: TJob): boolean {
  return job.status !== 'closed';
}
