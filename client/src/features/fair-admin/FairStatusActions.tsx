import { App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFair, TFairStatus } from '@yunpin/shared';
import { useErrorText } from '../../lib/use-error-text';
import { useFairStatus } from '../fairs/fairs-api';

type TStep = { to: TFairStatus; action: 'publish' | 'start' | 'end' };

/** Fairs move one way: draft → published (发布) → live (开始) → ended (结束). */
const NEXT_STEP: Record<TFairStatus, TStep | null> = {
  draft: { to: 'published', action: 'publish' },
  published: { to: 'live', action: 'start' },
  live: { to: 'ended', action: 'end' },
  ended: null,
};

export function FairStatusActions({ fair }: { fair: TFair }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const changeStatus = useFairStatus(fair.id);
  const step = NEXT_STEP[fair.status];
  if (!step) return null;

  return (
    <Popconfirm
      title={t(`fairAdmin.confirm.${step.action}`)}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      onConfirm={() =>
        changeStatus.mutate(step.to, {
          onSuccess: () => void message.success(t(`fairAdmin.done.${step.action}`)),
          onError: (error) => void message.error(errorText(error)),
        })
      }
    >
      <Button
        type="primary"
        danger={step.action === 'end'}
        loading={changeStatus.isPending}
        data-testid={`fair-${step.action}`}
      >
        {t(`fairAdmin.actions.${step.action}`)}
      </Button>
    </Popconfirm>
  );
}
