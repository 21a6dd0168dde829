import type { ReactNode } from 'react';
import { Alert, Descriptions, Flex, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, QuestionCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TVerification } from '@yunpin/shared';
import { CompactTable } from '../../app/ui/CompactTable';
import { formatShanghaiDateTime } from '../../lib/shanghai-time';
import { useSignerRoleText, useVersionKindText } from '../offers/offer-text';

type TVerifiedSignature = TVerification['signatures'][number];
type TVerdict = TVerification['verdict'];

const VERDICT_ALERTS: Record<TVerdict, 'success' | 'error' | 'warning'> = { valid: 'success', invalid: 'error', unknown: 'warning' };
const VERDICT_ICONS: Record<TVerdict, ReactNode> = { valid: <CheckCircleFilled />, invalid: <CloseCircleFilled />, unknown: <QuestionCircleFilled /> };

/** A yes/no check, green when it is the good answer. */
export function CheckTag({ isOk, yes, no, testId }: { isOk: boolean; yes: string; no: string; testId?: string }) {
  return (
    <Tag color={isOk ? 'success' : 'error'} data-testid={testId} data-ok={isOk ? 'true' : 'false'}>
      {isOk ? yes : no}
    </Tag>
  );
}

function signatureRowAttributes(signature: TVerifiedSignature): Record<string, string> {
  return {
    'data-testid': 'verify-signature-row',
    'data-valid': String(signature.digestValid && signature.certificateIssuedByPlatformCa),
    'data-covers-whole': String(signature.coversWholeDocument),
  };
}

function useSignatureColumns(): TableColumnsType<TVerifiedSignature> {
  const { t } = useTranslation();
  const roleText = useSignerRoleText();
  const empty = t('common.empty');
  const yesNo = (isOk: boolean) => <CheckTag isOk={isOk} yes={t('common.yes')} no={t('common.no')} />;
  return [
    { key: 'index', title: '#', render: (_, signature) => signature.index + 1 },
    { key: 'signer', title: t('verify.signer'), render: (_, signature) => <span data-testid="verify-signer">{signature.signerName}</span> },
    { key: 'organisation', title: t('verify.organisation'), render: (_, signature) => signature.organisation ?? empty },
    { key: 'role', title: t('verify.role'), render: (_, signature) => (signature.role ? roleText(signature.role) : empty) },
    { key: 'time', title: t('verify.signingTime'), render: (_, signature) => (signature.signingTime ? formatShanghaiDateTime(signature.signingTime) : empty) },
    { key: 'digest', title: t('verify.digestValid'), render: (_, signature) => yesNo(signature.digestValid) },
    { key: 'ca', title: t('verify.platformCa'), render: (_, signature) => yesNo(signature.certificateIssuedByPlatformCa) },
    { key: 'whole', title: t('verify.coversWhole'), render: (_, signature) => <Tag color={signature.coversWholeDocument ? 'success' : 'default'}>{signature.coversWholeDocument ? t('common.yes') : t('common.no')}</Tag> },
  ];
}

function KnownVersion({ known }: { known: NonNullable<TVerification['knownVersion']> }) {
  const { t } = useTranslation();
  const kindText = useVersionKindText();
  return (
    <span data-testid="verify-known-version">
      {t('verify.knownVersionValue', { reference: known.offerReference, version: known.version, kind: kindText(known.kind) })}{' '}
      <Tag color={known.latest ? 'success' : 'warning'}>{known.latest ? t('verify.latest') : t('verify.notLatest')}</Tag>
    </span>
  );
}

/**
 * What a verification found: the verdict (有效 / 无效 / 未知), each signature (who, for which
 * organisation and role, when, whether its digest holds, its certificate comes from the platform
 * CA and it covers the whole file), the seal, changes after the last signature, and whether the
 * file is a version the platform stored.
 */
export function VerificationReport({ report }: { report: TVerification }) {
  const { t } = useTranslation();
  const columns = useSignatureColumns();
  const verdict = report.verdict;
  return (
    <Flex vertical gap={16} data-testid="verify-report" data-verdict={verdict}>
      <Alert
        type={VERDICT_ALERTS[verdict]}
        showIcon
        icon={VERDICT_ICONS[verdict]}
        title={<span data-testid="verify-verdict" data-verdict={verdict}>{t(`verify.verdicts.${verdict}`)}</span>}
        description={t(`verify.verdictHints.${verdict}`)}
      />
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          { key: 'sha', label: 'SHA-256', children: <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid="verify-sha256">{report.sha256}</Typography.Text> },
          { key: 'valid', label: t('verify.allValid'), children: <CheckTag isOk={report.allValid} yes={t('common.yes')} no={t('common.no')} testId="verify-all-valid" /> },
          { key: 'sealed', label: t('verify.sealed'), children: <Tag color={report.sealed ? 'success' : 'default'} data-testid="verify-sealed" data-ok={report.sealed ? 'true' : 'false'}>{report.sealed ? t('verify.sealedYes') : t('verify.sealedNo')}</Tag> },
          {
            key: 'modified',
            label: t('verify.modified'),
            children: <CheckTag isOk={!report.modifiedAfterLastSignature} yes={t('verify.notModified')} no={t('verify.modifiedYes')} testId="verify-modified" />,
          },
          ...(report.auditChainValid === null
            ? []
            : [{ key: 'chain', label: t('verify.auditChain'), children: <CheckTag isOk={report.auditChainValid} yes={t('verify.chainIntact')} no={t('verify.chainBroken')} testId="verify-chain" /> }]),
          { key: 'known', label: t('verify.knownVersion'), children: report.knownVersion ? <KnownVersion known={report.knownVersion} /> : t('verify.unknownVersion') },
        ]}
      />
      <CompactTable rows={report.signatures} columns={columns} rowKey="index" emptyText={t('verify.noSignatures')} testId="verify-signatures" onRow={signatureRowAttributes} />
    </Flex>
  );
}
