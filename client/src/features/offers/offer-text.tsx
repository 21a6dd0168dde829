import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { OFFER_STATUSES, type TOfferStatus } from '@yunpin/shared';
import { isApiError } from '../../lib/api-error';
import { useBilingualErrorText } from '../../lib/use-bilingual-error-text';

const STATUS_COLOURS: Record<TOfferStatus, string> = {
  draft: 'default',
  sent: 'blue',
  graduate_signing: 'processing',
  accepted: 'gold',
  employer_signing: 'processing',
  completed: 'green',
  declined: 'red',
  revoked: 'volcano',
  expired: 'default',
};

/** Actions on the offer's hash-chained trail ("offer.sent" …) that have a name in the interface. */
const EVENT_NAMES = ['drafted', 'edited', 'sent', 'revoked', 'declined', 'accepted', 'signed_by_graduate', 'countersign_confirmed', 'completed', 'otp_failed', 'locked'] as const;
type TEventName = (typeof EVENT_NAMES)[number];

/** What each stored version of the document is. */
const VERSION_KINDS = ['rendered', 'graduate_signed', 'employer_signed', 'audit_page', 'sealed'] as const;

type TVersionKind = (typeof VERSION_KINDS)[number];

/** Refusals the server words in both languages ("中文 / English"). */
const BILINGUAL_CODES = ['conflict', 'rate_limited', 'expired', 'locked', 'otp_invalid', 'payload_too_large'] as const;

export function isOfferStatus(value: string): value is TOfferStatus {
  return OFFER_STATUSES.some((status) => status === value);
}

function eventNameOf(action: string): TEventName | undefined {
  const name = action.replace(/^offer\./, '');
  return EVENT_NAMES.find((known) => known === name);
}

function isVersionKind(value: string): value is TVersionKind {
  return VERSION_KINDS.some((kind) => kind === value);
}

export function OfferStatusTag({ status }: { status: TOfferStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="offer-status" data-status={status}>
      {t(`offers.statuses.${status}`)}
    </Tag>
  );
}

/** Offer errors in the interface language. */
export function useOfferErrorText(): (error: unknown) => string {
  return useBilingualErrorText(BILINGUAL_CODES);
}

/** The name of an event on the offer's trail; unknown ones as recorded. */
export function useOfferEventText(): (action: string) => string {
  const { t } = useTranslation();
  return (action) => {
    const name = eventNameOf(action);
    return name ? t(`offers.events.${name}`) : action;
  };
}

/** Monthly salary in yuan, grouped for the language. */
export function useYuanText(): (amount: number) => string {
  const { t, i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language === 'en' ? 'en' : 'zh-CN');
  return (amount) => t('offers.yuanMonthly', { amount: format.format(amount) });
}

/**
 * Why the server skipped an offer in a bulk action, in the interface language. Its reasons read
 * "中文 English (status)" or "中文 / English"; unknown ones are shown as written.
 */
export function useOfferSkipReasonText(): (reason: string) => string {
  const { t, i18n } = useTranslation();
  const statusText = (status: string) => (isOfferStatus(status) ? t(`offers.statuses.${status}`) : status);
  return (reason) => {
    if (/not found/.test(reason)) return t('offers.skipped.notFound');
    const notDraft = /not a draft \((\w+)\)/.exec(reason)?.[1];
    if (notDraft) return t('offers.skipped.notDraft', { status: statusText(notDraft) });
    if (/expiry date has passed/.test(reason)) return t('offers.skipped.expired');
    if (/withdrew the application/.test(reason)) return t('offers.skipped.withdrawn');
    const status = /status is (\w+)/.exec(reason)?.[1];
    if (status) return t('offers.skipped.status', { status: statusText(status) });
    const parts = reason.split(' / ');
    return parts.length === 2 ? ((i18n.language === 'en' ? parts[1] : parts[0])?.trim() ?? reason) : reason;
  };
}

/** How many tries the signer has left, from a wrong-code refusal (details.triesLeft), or null. */
export function triesLeftOf(error: unknown): number | null {
  if (!isApiError(error) || error.code !== 'otp_invalid' || typeof error.details !== 'object' || error.details === null) return null;
  const { triesLeft } = error.details as { triesLeft?: unknown };
  return typeof triesLeft === 'number' ? triesLeft : null;
}

/** The kind of a stored version (as sent, signed by the graduate, countersigned, with the audit page, sealed). */
export function useVersionKindText(): (kind: string) => string {
  const { t } = useTranslation();
  return (kind) => (isVersionKind(kind) ? t(`offers.versionKinds.${kind}`) : kind);
}

const SIGNER_ROLES = ['graduate', 'employer', 'platform'] as const;
type TSignerRole = (typeof SIGNER_ROLES)[number];

function isSignerRole(value: string): value is TSignerRole {
  return SIGNER_ROLES.some((role) => role === value);
}

/** Who signed in what capacity (graduate, employer, the platform's seal); other roles as written in the certificate. */
export function useSignerRoleText(): (role: string) => string {
  const { t } = useTranslation();
  return (role) => (isSignerRole(role) ? t(`offers.signerRoles.${role}`) : role);
}
