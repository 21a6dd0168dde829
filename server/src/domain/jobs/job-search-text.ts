import { searchTokens } from '@yunpin/shared/node';
import type { TJobRequirements } from '@yunpin/shared';

/** What a job is found by: its words, its skills and majors, its employer and town. */
export function jobSearchTokens(job: { title: string; description: string; requirements: TJobRequirements; organisationName: string; townName: string }): string {
  const r = job.requirements;
  return searchTokens([job.title, job.description, ...r.skills, ...r.preferredSkills, ...r.majors, job.organisationName, job.townName].join('\n'));
}
