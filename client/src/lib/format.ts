import dayjs from 'dayjs';

export function formatDateTime(iso: string): string {
  return dayjs(iso).format('YYYY-MM-DD HH:mm');
}

export function formatDate(iso: string): string {
  return dayjs(iso).format('YYYY-MM-DD');
}

/** A timestamp for export file names, such as 20250630-1415. */
export function fileStamp(): string {
  return dayjs().format('YYYYMMDD-HHmm');
}

/** Empty form inputs become null, so clearing a field clears it on the server. */
export function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
