import type { TFairLevel, TFairStatus } from '@yunpin/shared';

/** Filters of the fair calendar, sent as query parameters; from and to are instants in Beijing time. */
export type TFairFilters = {
  level?: TFairLevel;
  regionId?: string;
  townId?: string;
  status?: TFairStatus;
  from?: string;
  to?: string;
  industry?: string;
};
