import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TInterview, TInterviewSlot } from '@yunpin/shared';
import { isApiError } from '../../lib/api-error';
import { useBilingualErrorText } from '../../lib/use-bilingual-error-text';
import { formatShanghaiRange, inShanghai } from '../../lib/shanghai-time';

export type TSlotStatus = TInterviewSlot['status'];
export type TBookingStatus = TInterview['status'];
export type TOutcome = NonNullable<TInterview['outcome']>;

const SLOT_COLOURS: Record<TSlotStatus, string> = { open: 'green', booked: 'blue', cancelled: 'default' };
const BOOKING_COLOURS: Record<TBookingStatus, string> = { booked: 'blue', callback: 'orange', completed: 'green', cancelled: 'default' };
const OUTCOME_COLOURS: Record<TOutcome, string> = { pass: 'success', hold: 'warning', fail: 'error' };

/** Interview times in Beijing time with the weekday, such as 2026-11-30（周一）10:00–10:30. */
export function useInterviewTime(): (startsAt: string, endsAt: string) => string {
  const { t } = useTranslation();
  return (startsAt, endsAt) => formatShanghaiRange(startsAt, endsAt, t('interviews.dayFormat'));
}

/** One instant in Beijing time with the weekday. */
export function useInstantText(): (iso: string) => string {
  const { t } = useTranslation();
  return (iso) => inShanghai(iso).format(`${t('interviews.dayFormat')} HH:mm`);
}

export function durationMinutes(startsAt: string, endsAt: string): number {
  return Math.round((Date.parse(endsAt) - Date.parse(startsAt)) / 60_000);
}

export function panelNames(interviewers: ReadonlyArray<{ name: string }>, empty: string): string {
  const names = interviewers.map((person) => person.name).filter(Boolean);
  return names.length > 0 ? names.join('、') : empty;
}

/** A booking that still stands: it can be cancelled, moved or given a fallback. */
export function isLive(status: TBookingStatus): boolean {
  return status === 'booked' || status === 'callback';
}

export function SlotStatusTag({ status }: { status: TSlotStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={SLOT_COLOURS[status]} data-testid="interview-slot-status" data-status={status}>
      {t(`interviews.slotStatuses.${status}`)}
    </Tag>
  );
}

export function BookingStatusTag({ status }: { status: TBookingStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={BOOKING_COLOURS[status]} data-testid="interview-status" data-status={status}>
      {t(`interviews.statuses.${status}`)}
    </Tag>
  );
}

export function OutcomeTag({ outcome }: { outcome: TOutcome }) {
  const { t } = useTranslation();
  return (
    <Tag color={OUTCOME_COLOURS[outcome]} data-testid="interview-outcome" data-outcome={outcome}>
      {t(`interviews.outcomes.${outcome}`)}
    </Tag>
  );
}

/** Interview refusals (conflicts) are worded in both languages; shown in the interface language. */
const BILINGUAL_CODES = ['conflict'] as const;

export function useInterviewErrorText(): (error: unknown) => string {
  return useBilingualErrorText(BILINGUAL_CODES);
}

/** Messages of a validation_failed refusal, one per field, as the server wrote them. */
export function validationDetails(error: unknown): string[] {
  if (!isApiError(error) || error.code !== 'validation_failed' || !Array.isArray(error.details)) return [];
  return error.details.flatMap((detail: unknown) => {
    if (typeof detail !== 'object' || detail === null) return [];
    const { path, message } = detail as { path?: unknown; message?: unknown };
    return typeof message === 'string' ? [typeof path === 'string' ? `${path}: ${message}` : message] : [];
  });
}
