import { Button, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TFair } from '@yunpin/shared';
import { useCurrentUser } from '../../app/current-user';
import { canManageBooths } from '../../lib/permissions';
import { useFairBooths } from '../fairs/fairs-api';
import { BoothStatusTag } from '../fairs/FairTags';
import { ConsoleLink } from './ConsoleLink';

/** The user's own booths at a fair (their organisation's, or those they represent), or a way to apply. */
export function OwnBoothCell({ fair }: { fair: TFair }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const booths = useFairBooths(fair.id);
  if (booths.isPending) return <Spin size="small" />;
  if (booths.isError) return <Typography.Text type="danger">{t('common.loadFailed')}</Typography.Text>;

  const isAdmin = canManageBooths(user);
  const mine = booths.data.filter(
    (booth) =>
      booth.organisationId === user.organisationId &&
      (isAdmin || booth.representatives.some((person) => person.userId === user.id)),
  );
  const fairPath = `/employer/fairs/${encodeURIComponent(fair.id)}`;

  if (mine.length === 0) {
    const canApply = isAdmin && (fair.status === 'published' || fair.status === 'live');
    return canApply ? (
      <Link to={`${fairPath}/apply`}>
        <Button size="small" data-testid="apply-booth">
          {t('booths.apply')}
        </Button>
      </Link>
    ) : (
      <Typography.Text type="secondary">{t('booths.noBooth')}</Typography.Text>
    );
  }
  return (
    <Flex vertical gap={8}>
      {mine.map((booth) => (
        <Flex key={booth.id} align="center" gap={8} wrap data-testid="own-booth">
          <BoothStatusTag status={booth.status} />
          <Link to={`${fairPath}/booths/${encodeURIComponent(booth.id)}`}>
            <Button size="small" data-testid="manage-booth">
              {t('booths.manage')}
            </Button>
          </Link>
          {fair.status === 'live' && <ConsoleLink booth={booth} size="small" />}
        </Flex>
      ))}
    </Flex>
  );
}
