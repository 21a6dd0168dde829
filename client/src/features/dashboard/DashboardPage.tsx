import { useCallback, useState } from 'react';
import { Button, Card, Col, Flex, Row, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { GOALS, type TGoal, type TGoalListQuery } from '@yunpin/shared';
import { useCurrentUser } from '../../app/current-user';
import { PageLoading } from '../../app/ui/PageLoading';
import { QueryError } from '../../app/ui/QueryError';
import { formatDateTime } from '../../lib/format';
import { isDistrictWide } from '../../lib/permissions';
import { AreaRates } from './AreaRates';
import { useDashboard, type TGoalListTarget } from './dashboard-api';
import { GoalCard } from './GoalCard';
import { GoalListDrawer } from './GoalListDrawer';

/** 4×100% 目标看板: the four goals for the viewer's scope, per region and town, each number opening the graduates behind it. */
export function DashboardPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const dashboard = useDashboard();
  const [target, setTarget] = useState<TGoalListTarget | null>(null);
  const scopeName = isDistrictWide(user) ? t('dashboard.district') : t('dashboard.myArea');
  const openScope = useCallback((goal: TGoal, state: TGoalListQuery['state'], group: TGoalListQuery['group']) => setTarget({ goal, state, group, areaName: scopeName }), [scopeName]);

  if (dashboard.isError) return <QueryError error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  if (!dashboard.data) return <PageLoading />;
  const { scope } = dashboard.data;
  return (
    <Flex vertical gap={16}>
      <Card
        title={t('dashboard.title')}
        extra={
          <Flex gap={12} align="center">
            <Typography.Text type="secondary">{t('dashboard.generatedAt', { at: formatDateTime(dashboard.data.generatedAt) })}</Typography.Text>
            <Button icon={<ReloadOutlined />} loading={dashboard.isFetching} onClick={() => void dashboard.refetch()} data-testid="dashboard-refresh">
              {t('dashboard.refresh')}
            </Button>
          </Flex>
        }
      >
        <Typography.Paragraph>
          <Typography.Text strong>{scopeName}</Typography.Text>{' '}
          <Typography.Text type="secondary" data-testid="dashboard-registered" data-count={scope.registered}>
            {t('dashboard.registered', { count: scope.registered })}
          </Typography.Text>
        </Typography.Paragraph>
        <Row gutter={[16, 16]}>
          {GOALS.map((goal) => (
            <Col key={goal} xs={24} sm={12} xl={6}>
              <GoalCard goal={goal} area={scope} onOpen={openScope} lowIncomeListable={dashboard.data.lowIncomeListable} />
            </Col>
          ))}
        </Row>
      </Card>
      <AreaRates dashboard={dashboard.data} onOpen={setTarget} />
      <GoalListDrawer target={target} hasLowIncome={dashboard.data.lowIncomeListable} onClose={() => setTarget(null)} />
    </Flex>
  );
}
