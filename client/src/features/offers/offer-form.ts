import dayjs, { type Dayjs } from 'dayjs';
import type { TJob, TOffer, TOfferTemplate, TOfferTemplateInput, TUpdateOffer } from '@yunpin/shared';
import { fromPickerValue, inShanghai, toPickerValue } from '../../lib/shanghai-time';

const DAY_MS = 86_400_000;
/** A new offer is open this long unless a template says otherwise. */
export const DEFAULT_VALID_DAYS = 7;
export const DEFAULT_PROBATION_MONTHS = 3;
/** The first working day suggested: this long after the offer expires. */
const START_AFTER_EXPIRY_DAYS = 14;
export const VALID_DAYS_MAX = 60;

/** The letter's terms as the form holds them (dates as pickers' values). */
export interface TOfferFormValues {
  templateId?: string;
  position: string;
  salaryMonthlyYuan: number;
  startDate: Dayjs;
  probationMonths: number;
  location: string;
  conditions?: string;
  /** Beijing wall-clock time, as the picker shows it. */
  expiresAt: Dayjs;
}

/** The end of the Beijing day `days` from today, as a picker value. */
export function expiryAfterDays(days: number): Dayjs {
  return dayjs(`${inShanghai(new Date().toISOString()).add(days, 'day').format('YYYY-MM-DD')}T23:59:00`);
}

function startAfter(expiresAt: Dayjs): Dayjs {
  return expiresAt.add(START_AFTER_EXPIRY_DAYS, 'day').startOf('day');
}

/** A new offer from the job it is for: its title, its town, the middle of its salary range. */
export function valuesFromJob(job: Pick<TJob, 'title' | 'townName' | 'organisationName' | 'salaryMin' | 'salaryMax'>): TOfferFormValues {
  const expiresAt = expiryAfterDays(DEFAULT_VALID_DAYS);
  return {
    position: job.title,
    salaryMonthlyYuan: Math.round((job.salaryMin + job.salaryMax) / 2),
    startDate: startAfter(expiresAt),
    probationMonths: DEFAULT_PROBATION_MONTHS,
    location: job.townName || job.organisationName,
    conditions: '',
    expiresAt,
  };
}

/** What a template fills: the terms it sets, and the expiry its validity gives. */
export function valuesFromTemplate(template: TOfferTemplate): Partial<TOfferFormValues> {
  const expiresAt = expiryAfterDays(template.validDays);
  return {
    templateId: template.id,
    ...(template.position !== null ? { position: template.position } : {}),
    ...(template.salaryMonthlyYuan !== null ? { salaryMonthlyYuan: template.salaryMonthlyYuan } : {}),
    ...(template.probationMonths !== null ? { probationMonths: template.probationMonths } : {}),
    ...(template.location !== null ? { location: template.location } : {}),
    ...(template.conditions ? { conditions: template.conditions } : {}),
    expiresAt,
    startDate: startAfter(expiresAt),
  };
}

export function valuesFromOffer(offer: TOffer): TOfferFormValues {
  return {
    position: offer.position,
    salaryMonthlyYuan: offer.salaryMonthlyYuan,
    startDate: dayjs(offer.startDate),
    probationMonths: offer.probationMonths,
    location: offer.location,
    conditions: offer.conditions,
    expiresAt: toPickerValue(offer.expiresAt),
  };
}

/** The terms as the API takes them. */
export function offerTerms(values: TOfferFormValues): Required<TUpdateOffer> {
  return {
    position: values.position.trim(),
    salaryMonthlyYuan: values.salaryMonthlyYuan,
    startDate: values.startDate.format('YYYY-MM-DD'),
    probationMonths: values.probationMonths,
    location: values.location.trim(),
    conditions: values.conditions?.trim() ?? '',
    expiresAt: fromPickerValue(values.expiresAt.second(0)),
  };
}

/** The server's rule: work may not start before the day the offer expires. */
export function startsInTime(startDate: Dayjs, expiresAt: Dayjs): boolean {
  return Date.parse(`${startDate.format('YYYY-MM-DD')}T00:00:00+08:00`) >= Date.parse(fromPickerValue(expiresAt)) - DAY_MS;
}

/** The form's terms kept as a template named `name`; its validity is the days the offer is open. */
export function templateFromValues(name: string, values: Partial<TOfferFormValues>): TOfferTemplateInput {
  const days = values.expiresAt ? Math.ceil((Date.parse(fromPickerValue(values.expiresAt)) - Date.now()) / DAY_MS) : DEFAULT_VALID_DAYS;
  return {
    name: name.trim(),
    ...(values.position?.trim() ? { position: values.position.trim() } : {}),
    ...(values.salaryMonthlyYuan ? { salaryMonthlyYuan: values.salaryMonthlyYuan } : {}),
    ...(values.probationMonths !== undefined && values.probationMonths !== null ? { probationMonths: values.probationMonths } : {}),
    ...(values.location?.trim() ? { location: values.location.trim() } : {}),
    conditions: values.conditions?.trim() ?? '',
    validDays: Math.min(VALID_DAYS_MAX, Math.max(1, days)),
  };
}
