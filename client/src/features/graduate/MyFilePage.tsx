import { Alert, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/current-user';
import { PageLoading } from '../../app/ui/PageLoading';
import { QueryError } from '../../app/ui/QueryError';
import { formatDateTime } from '../../lib/format';
import { EmploymentStatusTag } from './EmploymentStatusTag';
import { GraduateFileForm } from './GraduateFileForm';
import { useGraduateProfile } from './graduate-api';

function GraduateFile({ profileId }: { profileId: string }) {
  const { t } = useTranslation();
  const profile = useGraduateProfile(profileId);
  if (profile.isPending) return <PageLoading />;
  if (profile.isError) return <QueryError error={profile.error} onRetry={() => void profile.refetch()} />;

  const status = (
    <Flex align="center" gap={8} title={t('graduate.employmentStatusHint')}>
      <Typography.Text type="secondary">{t('graduate.employmentStatus')}</Typography.Text>
      <EmploymentStatusTag status={profile.data.employmentStatus} />
    </Flex>
  );
  return (
    <Card title={t('graduate.fileTitle')} extra={status}>
      <Typography.Paragraph type="secondary">
        {t('graduate.updatedAtValue', { time: formatDateTime(profile.data.updatedAt) })}
      </Typography.Paragraph>
      <GraduateFileForm key={profile.data.id} profile={profile.data} />
    </Card>
  );
}

export function MyFilePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (!user.graduateProfileId) return <Alert type="info" showIcon title={t('graduate.noFile')} />;
  return <GraduateFile profileId={user.graduateProfileId} />;
}
