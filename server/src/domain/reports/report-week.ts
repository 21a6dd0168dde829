const DAY_MS = 86_400_000;
/** Asia/Shanghai is UTC+8 all year (no daylight saving). */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

export interface ReportWeek {
  /** The Monday the reported week starts on, 'YYYY-MM-DD' in Shanghai. */
  weekStart: string;
  /** The end of that week: the next Monday 00:00 in Shanghai; figures count what happened before it. */
  cutoff: Date;
}

/** The week a report run at `at` covers: the last full week (Monday to Sunday, Shanghai time) before it. */
export function reportWeekAt(at: Date): ReportWeek {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  const daysSinceMonday = (local.getUTCDay() + 6) % 7;
  const thisMonday = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - daysSinceMonday * DAY_MS;
  return { weekStart: new Date(thisMonday - 7 * DAY_MS).toISOString().slice(0, 10), cutoff: new Date(thisMonday - SHANGHAI_OFFSET_MS) };
}

/** The week starting on a given Monday. */
export function reportWeekOf(weekStart: string): ReportWeek {
  return { weekStart, cutoff: new Date(Date.parse(`${weekStart}T00:00:00Z`) + 7 * DAY_MS - SHANGHAI_OFFSET_MS) };
}

export function previousWeekStart(weekStart: string): string {
  return new Date(Date.parse(`${weekStart}T00:00:00Z`) - 7 * DAY_MS).toISOString().slice(0, 10);
}
