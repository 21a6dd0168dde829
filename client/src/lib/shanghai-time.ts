import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Fairs run on Beijing time whatever the browser's own time zone; China keeps no daylight saving. */
const FAIR_TIME_ZONE = 'Asia/Shanghai';
const SHANGHAI_OFFSET = '+08:00';
const WALL_CLOCK = 'YYYY-MM-DDTHH:mm:ss';

/** The instant as Beijing wall-clock time, for display. */
export function inShanghai(iso: string): Dayjs {
  return dayjs(iso).tz(FAIR_TIME_ZONE);
}

export function formatShanghaiDateTime(iso: string): string {
  return inShanghai(iso).format('YYYY-MM-DD HH:mm');
}

export function formatShanghaiTime(iso: string): string {
  return inShanghai(iso).format('HH:mm');
}

/** A day and time range such as "11月28日 09:00–17:00"; `dayFormat` is the language's day pattern. */
export function formatShanghaiRange(startsAt: string, endsAt: string, dayFormat: string): string {
  const start = inShanghai(startsAt);
  const end = inShanghai(endsAt);
  if (start.isSame(end, 'day')) return `${start.format(`${dayFormat} HH:mm`)}–${end.format('HH:mm')}`;
  return `${start.format(`${dayFormat} HH:mm`)} – ${end.format(`${dayFormat} HH:mm`)}`;
}

/** For date pickers, which work in the browser's zone: a value whose wall-clock time is the Beijing time of the instant. */
export function toPickerValue(iso: string): Dayjs {
  return dayjs(inShanghai(iso).format(WALL_CLOCK));
}

/** The instant a picker value stands for, its wall-clock time read as Beijing time. */
export function fromPickerValue(value: Dayjs): string {
  return `${value.format(WALL_CLOCK)}${SHANGHAI_OFFSET}`;
}

/** The first and last second of a picked day in Beijing, for date-range filters. */
export function shanghaiDayBounds(from: Dayjs, to: Dayjs): { from: string; to: string } {
  return {
    from: `${from.format('YYYY-MM-DD')}T00:00:00${SHANGHAI_OFFSET}`,
    to: `${to.format('YYYY-MM-DD')}T23:59:59${SHANGHAI_OFFSET}`,
  };
}
