import { App, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TCreateFair } from '@yunpin/shared';
import { PageLoading } from '../../app/ui/PageLoading';
import { QueryError } from '../../app/ui/QueryError';
import { useRouteParam } from '../../lib/use-route-param';
import { useErrorText } from '../../lib/use-error-text';
import { useCreateFair, useFair, useUpdateFair } from '../fairs/fairs-api';
import { FairForm } from './FairForm';
import { fairFormValues, NEW_FAIR_VALUES } from './fair-form';

function manageUrl(fairId: string): string {
  return `/office/fairs/${encodeURIComponent(fairId)}`;
}

/** 新建招聘会: a new fair starts as a draft that only organisers see. */
export function FairCreatePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const create = useCreateFair();
  const onSubmit = (payload: TCreateFair) =>
    create.mutate(payload, {
      onSuccess: (fair) => {
        void message.success(t('fairAdmin.created'));
        void navigate(manageUrl(fair.id));
      },
      onError: (error) => void message.error(errorText(error)),
    });
  return (
    <Card title={t('fairAdmin.create')} style={{ maxWidth: 960 }}>
      <FairForm initialValues={NEW_FAIR_VALUES} submitText={t('fairAdmin.create')} isSubmitting={create.isPending} onSubmit={onSubmit} />
    </Card>
  );
}

export function FairEditPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const fairId = useRouteParam('fairId');
  const fair = useFair(fairId);
  const update = useUpdateFair(fairId);
  if (fair.isPending) return <PageLoading />;
  if (fair.isError) return <QueryError error={fair.error} onRetry={() => void fair.refetch()} />;

  const onSubmit = (payload: TCreateFair) =>
    update.mutate(payload, {
      onSuccess: () => {
        void message.success(t('common.saved'));
        void navigate(manageUrl(fairId));
      },
      onError: (error) => void message.error(errorText(error)),
    });
  return (
    <Card title={t('fairAdmin.editTitle', { title: fair.data.title })} style={{ maxWidth: 960 }}>
      <FairForm
        key={fair.data.id}
        initialValues={fairFormValues(fair.data)}
        submitText={t('common.save')}
        isSubmitting={update.isPending}
        onSubmit={onSubmit}
      />
    </Card>
  );
}
