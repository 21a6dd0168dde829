import { Card, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TOfferDetail } from '@yunpin/shared';
import { CompactTable } from '../../app/ui/CompactTable';
import { formatShanghaiDateTime } from '../../lib/shanghai-time';
import { DownloadOfferLink } from './OfferDocument';
import { useOfferEventText, useSignerRoleText, useVersionKindText } from './offer-text';

type TVersion = TOfferDetail['versions'][number];
type TEvent = TOfferDetail['events'][number];
type TSignature = TOfferDetail['signatures'][number];

/** Hashes are long: the start is shown, the whole on hover and in the copy. */
const HASH_SHOWN = 16;

function Hash({ value, testId }: { value: string; testId?: string }) {
  return (
    <Typography.Text code copyable={{ text: value }} title={value} data-testid={testId} data-hash={value}>
      {value.slice(0, HASH_SHOWN)}…
    </Typography.Text>
  );
}

function versionRowAttributes(version: TVersion): Record<string, string> {
  return { 'data-testid': 'offer-version-row', 'data-kind': version.kind, 'data-sha256': version.sha256 };
}

function useVersionColumns(offer: TOfferDetail): TableColumnsType<TVersion> {
  const { t } = useTranslation();
  const kindText = useVersionKindText();
  return [
    { key: 'version', title: t('offers.version'), render: (_, version) => `v${version.version}` },
    { key: 'kind', title: t('offers.versionKind'), render: (_, version) => kindText(version.kind) },
    { key: 'sha', title: 'SHA-256', render: (_, version) => <Hash value={version.sha256} testId="offer-version-sha" /> },
    { key: 'created', title: t('offers.createdAt'), render: (_, version) => formatShanghaiDateTime(version.createdAt) },
    { key: 'download', title: t('office.actions'), render: (_, version) => <DownloadOfferLink offer={offer} version={version.version} /> },
  ];
}

function useEventColumns(): TableColumnsType<TEvent> {
  const { t } = useTranslation();
  const eventText = useOfferEventText();
  return [
    { key: 'seq', title: '#', render: (_, event) => event.seq },
    { key: 'at', title: t('offers.eventAt'), render: (_, event) => formatShanghaiDateTime(event.at) },
    { key: 'actor', title: t('offers.eventActor'), render: (_, event) => event.actorName ?? t('offers.platform') },
    { key: 'action', title: t('offers.eventAction'), render: (_, event) => <span data-testid="offer-event-action" data-action={event.action}>{eventText(event.action)}</span> },
    { key: 'hash', title: t('offers.eventHash'), render: (_, event) => <Hash value={event.hash} /> },
  ];
}

function useSignatureColumns(): TableColumnsType<TSignature> {
  const { t } = useTranslation();
  const roleText = useSignerRoleText();
  return [
    { key: 'role', title: t('verify.role'), render: (_, signature) => roleText(signature.role) },
    { key: 'name', title: t('verify.signer'), render: (_, signature) => signature.signerName },
    { key: 'at', title: t('verify.signingTime'), render: (_, signature) => formatShanghaiDateTime(signature.signedAt) },
    { key: 'otp', title: t('offers.otpVerified'), render: (_, signature) => (signature.otpVerified ? <Tag color="success">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>) },
    { key: 'signed', title: t('offers.signedVersion'), render: (_, signature) => <Hash value={signature.documentSha256} /> },
    { key: 'result', title: t('offers.resultVersion'), render: (_, signature) => <Hash value={signature.resultSha256} /> },
  ];
}

/** Who signed which version, when, and whether a one-time code confirmed it. */
export function OfferSignatures({ offer }: { offer: TOfferDetail }) {
  const { t } = useTranslation();
  const columns = useSignatureColumns();
  return <CompactTable rows={offer.signatures} columns={columns} rowKey="role" emptyText={t('offers.noSignatures')} testId="offer-signatures" />;
}

/**
 * 版本与记录: every stored version of the document with its SHA-256, and the offer's event trail,
 * each event carrying the hash that chains it to the one before.
 */
export function OfferTrail({ offer }: { offer: TOfferDetail }) {
  const { t } = useTranslation();
  const versionColumns = useVersionColumns(offer);
  const eventColumns = useEventColumns();
  return (
    <>
      <Card title={t('offers.versions')}>
        <CompactTable rows={offer.versions} columns={versionColumns} rowKey="version" emptyText={t('offers.noVersions')} testId="offer-versions" onRow={versionRowAttributes} />
      </Card>
      <Card title={t('offers.eventsTitle')}>
        <Typography.Paragraph type="secondary">{t('offers.eventsHint')}</Typography.Paragraph>
        <CompactTable rows={offer.events} columns={eventColumns} rowKey="seq" testId="offer-events" />
      </Card>
    </>
  );
}
