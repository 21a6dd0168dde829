import { App, Card, Col, Flex, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TApplyBooth, TBooth } from '@yunpin/shared';
import { useCurrentUser } from '../../app/current-user';
import { PageLoading } from '../../app/ui/PageLoading';
import { QueryError } from '../../app/ui/QueryError';
import { canManageBooths } from '../../lib/permissions';
import { useRouteParam } from '../../lib/use-route-param';
import { useErrorText } from '../../lib/use-error-text';
import { BoothProfileCard } from '../booth/BoothProfileCard';
import { useBooth } from '../fairs/fairs-api';
import { BoothStatusTag } from '../fairs/FairTags';
import { FairHeader } from '../lobby/FairHeader';
import { BoothForm } from './BoothForm';
import { boothFormValues } from './booth-form';
import { BoothReviewAlert } from './BoothReviewAlert';
import { useUpdateBooth } from './booths-api';
import { ConsoleLink } from './ConsoleLink';
import { RotaEditor, RotaTable } from './RotaEditor';

function BoothEditCard({ booth }: { booth: TBooth }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const update = useUpdateBooth(booth.id);
  const onSubmit = (payload: TApplyBooth) =>
    update.mutate(payload, {
      onSuccess: () => void message.success(t('common.saved')),
      onError: (error) => void message.error(errorText(error)),
    });
  return (
    <Card
      title={
        <Flex align="center" gap={8}>
          {booth.organisationName}
          <BoothStatusTag status={booth.status} />
        </Flex>
      }
      extra={<ConsoleLink booth={booth} />}
    >
      <Flex vertical gap={16}>
        <BoothReviewAlert booth={booth} />
        <BoothForm key={booth.id} initialValues={boothFormValues(booth)} submitText={t('common.save')} isSubmitting={update.isPending} onSubmit={onSubmit} />
      </Flex>
    </Card>
  );
}

function RepresentativesCard({ booth }: { booth: TBooth }) {
  const { t } = useTranslation();
  return (
    <Card title={t('booths.representatives')}>
      <Flex vertical gap={8}>
        <Flex gap={4} wrap data-testid="booth-representatives">
          {booth.representatives.map((person) => (
            <Tag key={person.userId}>{person.name}</Tag>
          ))}
          {booth.representatives.length === 0 && <Typography.Text type="secondary">{t('booths.noRepresentatives')}</Typography.Text>}
        </Flex>
        <Typography.Text type="secondary">{t('booths.representativesReadOnly')}</Typography.Text>
      </Flex>
    </Card>
  );
}

function BoothManagement({ booth }: { booth: TBooth }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canEdit = canManageBooths(user);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        {canEdit ? (
          <BoothEditCard booth={booth} />
        ) : (
          <Flex vertical gap={16}>
            <Flex gap={8} align="center">
              <BoothStatusTag status={booth.status} />
              <ConsoleLink booth={booth} />
            </Flex>
            <BoothProfileCard booth={booth} live={undefined} />
          </Flex>
        )}
      </Col>
      <Col xs={24} xl={10}>
        <Flex vertical gap={16}>
          <RepresentativesCard booth={booth} />
          <Card title={t('booths.rota')}>{canEdit ? <RotaEditor key={booth.id} booth={booth} /> : <RotaTable booth={booth} />}</Card>
        </Flex>
      </Col>
    </Row>
  );
}

/** One of the employer's booths: its application, representatives, rota and a way into the console. */
export function BoothManagePage() {
  const { t } = useTranslation();
  const fairId = useRouteParam('fairId');
  const boothId = useRouteParam('boothId');
  const booth = useBooth(boothId);
  const body = () => {
    if (booth.isPending) return <PageLoading />;
    if (booth.isError) return <QueryError error={booth.error} onRetry={() => void booth.refetch()} />;
    return <BoothManagement booth={booth.data} />;
  };
  return (
    <Flex vertical gap={16}>
      <FairHeader fairId={fairId} backTo="/employer/fairs" backLabel={t('booths.backToMyBooths')} />
      {body()}
    </Flex>
  );
}
