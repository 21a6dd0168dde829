import type { TGraduateProfile } from '@yunpin/shared';

/** Filters of the office graduate list, sent as query parameters. */
export type TGraduateFilters = {
  townId?: string;
  employmentStatus?: TGraduateProfile['employmentStatus'];
  q?: string;
};
