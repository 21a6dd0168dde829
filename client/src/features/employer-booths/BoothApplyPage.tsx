import { Alert, App, Card, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TApplyBooth } from '@yunpin/shared';
import { useRouteParam } from '../../lib/use-route-param';
import { useErrorText } from '../../lib/use-error-text';
import { FairHeader } from '../lobby/FairHeader';
import { BoothForm } from './BoothForm';
import { NEW_BOOTH_VALUES } from './booth-form';
import { useApplyBooth } from './booths-api';

/** An employer administrator applies for a booth at a published or live fair; organisers review it. */
export function BoothApplyPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const fairId = useRouteParam('fairId');
  const apply = useApplyBooth(fairId);

  const onSubmit = (payload: TApplyBooth) =>
    apply.mutate(payload, {
      onSuccess: (booth) => {
        void message.success(t('booths.applied'));
        void navigate(`/employer/fairs/${encodeURIComponent(fairId)}/booths/${encodeURIComponent(booth.id)}`);
      },
      onError: (error) => void message.error(errorText(error)),
    });

  return (
    <Flex vertical gap={16}>
      <FairHeader fairId={fairId} backTo="/employer/fairs" backLabel={t('booths.backToMyBooths')} />
      <Card title={t('booths.apply')}>
        <Alert type="info" showIcon title={t('booths.applyHint')} style={{ marginBottom: 16 }} />
        <BoothForm initialValues={NEW_BOOTH_VALUES} submitText={t('booths.submitApplication')} isSubmitting={apply.isPending} onSubmit={onSubmit} />
      </Card>
    </Flex>
  );
}
