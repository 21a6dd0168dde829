import { App, Button, Popconfirm, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFair } from '@yunpin/shared';
import { useErrorText } from '../../lib/use-error-text';
import { useFairRegistration } from './fairs-api';

/** A graduate registers for a published or live fair, or cancels; full fairs take no more. */
export function RegistrationButton({ fair }: { fair: TFair }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const registration = useFairRegistration(fair.id);
  if (fair.status !== 'published' && fair.status !== 'live') return null;

  const change = (register: boolean) =>
    registration.mutate(register, {
      onSuccess: () => void message.success(register ? t('fairs.registered') : t('fairs.registrationCancelled')),
      onError: (error) => void message.error(errorText(error)),
    });

  if (fair.isRegistered) {
    return (
      <Popconfirm
        title={t('fairs.confirmCancelRegistration')}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        onConfirm={() => change(false)}
      >
        <Button loading={registration.isPending} data-testid="fair-cancel-registration">
          {t('fairs.cancelRegistration')}
        </Button>
      </Popconfirm>
    );
  }
  const isFull = fair.registeredCount >= fair.capacity;
  return (
    <Tooltip title={isFull ? t('fairs.full') : undefined}>
      <Button
        type="primary"
        disabled={isFull}
        loading={registration.isPending}
        onClick={() => change(true)}
        data-testid="fair-register"
      >
        {t('fairs.register')}
      </Button>
    </Tooltip>
  );
}
