import { App, Card, Flex, Skeleton, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../app/ui/QueryError';
import { useErrorText } from '../../lib/use-error-text';
import { useGraduateProfile, useUpdateGraduateProfile } from '../graduate/graduate-api';

/** 允许企业发现我: the graduate alone decides whether employers see them among recommended candidates. */
export function DiscoverableSwitch({ profileId }: { profileId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const profile = useGraduateProfile(profileId);
  const update = useUpdateGraduateProfile(profileId);

  const body = () => {
    if (profile.isPending) return <Skeleton active paragraph={{ rows: 1 }} />;
    if (profile.isError) return <QueryError error={profile.error} onRetry={() => void profile.refetch()} />;
    const onChange = (discoverable: boolean) =>
      update.mutate(
        { discoverable },
        {
          onSuccess: () => void message.success(t(discoverable ? 'resumes.discoverableOn' : 'resumes.discoverableOff')),
          onError: (error) => void message.error(errorText(error)),
        },
      );
    return (
      <Flex gap={12} align="flex-start">
        <Switch
          checked={profile.data.discoverable}
          loading={update.isPending}
          onChange={onChange}
          aria-label={t('resumes.discoverable')}
          data-testid="graduate-discoverable"
        />
        <Flex vertical gap={2}>
          <Typography.Text strong>{t('resumes.discoverable')}</Typography.Text>
          <Typography.Text type="secondary">{t('resumes.discoverableHint')}</Typography.Text>
        </Flex>
      </Flex>
    );
  };

  return <Card size="small">{body()}</Card>;
}
