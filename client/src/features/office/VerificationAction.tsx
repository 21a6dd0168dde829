import { App, Button, Popconfirm, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TOrganisation } from '@yunpin/shared';
import { useCurrentUser } from '../../app/current-user';
import { canVerifyOrganisation } from '../../lib/permissions';
import { useErrorText } from '../../lib/use-error-text';
import { useVerifyOrganisation } from './use-verify-organisation';

/** Verify or revoke one organisation; disabled for towns outside the user's scope. */
export function VerificationAction({ organisation }: { organisation: TOrganisation }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const user = useCurrentUser();
  const verify = useVerifyOrganisation();
  const { id, name, isVerified } = organisation;

  const setVerified = (next: boolean) =>
    verify.mutate(
      { id, isVerified: next },
      {
        onSuccess: () => void message.success(t(next ? 'office.verifiedDone' : 'office.unverifiedDone', { name })),
        onError: (error) => void message.error(errorText(error)),
      },
    );

  if (!canVerifyOrganisation(user, organisation.townId)) {
    return (
      <Tooltip title={t('office.outOfScope')}>
        <Button size="small" disabled>
          {isVerified ? t('office.unverify') : t('office.verify')}
        </Button>
      </Tooltip>
    );
  }
  if (!isVerified) {
    return (
      <Button size="small" type="primary" loading={verify.isPending} onClick={() => setVerified(true)}>
        {t('office.verify')}
      </Button>
    );
  }
  return (
    <Popconfirm
      title={t('office.confirmUnverify', { name })}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      onConfirm={() => setVerified(false)}
    >
      <Button size="small" danger loading={verify.isPending}>
        {t('office.unverify')}
      </Button>
    </Popconfirm>
  );
}
