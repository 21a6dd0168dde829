import type { TDegree } from '@yunpin/shared';

/** Filters of the public job search, sent as query parameters. */
export type TJobFilters = {
  q?: string;
  townId?: string;
  regionId?: string;
  degree?: TDegree;
  salaryMin?: number;
};

/** Monthly salary floors offered as filters, in yuan. */
export const SALARY_FLOORS = [3000, 5000, 8000, 10_000, 15_000, 20_000] as const;
