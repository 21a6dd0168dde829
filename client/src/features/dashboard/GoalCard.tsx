import { Button, Card, Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TAreaGoals, TGoal, TGoalCount, TGoalListQuery } from '@yunpin/shared';
import { ratePercent } from './dashboard-api';

type TGroup = TGoalListQuery['group'];
type TState = TGoalListQuery['state'];

interface TGoalCardProps {
  goal: TGoal;
  area: TAreaGoals;
  /** Opens the list behind a number. */
  onOpen: (goal: TGoal, state: TState, group: TGroup) => void;
  /** Whether the low-income lists may be opened (they name people); otherwise only their counts show. */
  lowIncomeListable: boolean;
}

interface TCountLinksProps {
  count: TGoalCount;
  testId: string;
  /** Absent: the numbers show without a list behind them. */
  onOpen?: (state: TState) => void;
}

/** "done / total" where both numbers open their list: done the files that count, total those still pending. */
function CountLinks({ count, testId, onOpen }: TCountLinksProps) {
  const { t } = useTranslation();
  if (!onOpen) {
    return (
      <span data-testid={testId} data-done={count.done} data-total={count.total} title={t('dashboard.countsOnly')}>
        {count.done} / {count.total}
      </span>
    );
  }
  return (
    <span data-testid={testId} data-done={count.done} data-total={count.total}>
      <Button type="link" size="small" style={{ padding: 0 }} title={t('dashboard.done')} onClick={() => onOpen('done')} data-testid={`${testId}-done`}>
        {count.done}
      </Button>
      {' / '}
      <Button type="link" size="small" style={{ padding: 0 }} title={t('dashboard.pending')} onClick={() => onOpen('pending')} data-testid={`${testId}-total`}>
        {count.total}
      </Button>
    </span>
  );
}

function RateText({ count }: { count: TGoalCount }) {
  const { t } = useTranslation();
  const rate = ratePercent(count);
  return <Typography.Text strong>{rate === null ? t('dashboard.noData') : `${rate}%`}</Typography.Text>;
}

/** One goal for the viewer's scope: a ring with the rate, done/total, the pending count and each priority group. */
export function GoalCard({ goal, area, onOpen, lowIncomeListable }: TGoalCardProps) {
  const { t } = useTranslation();
  const count = area.all[goal];
  const rate = ratePercent(count);
  const groups: { group: Exclude<TGroup, 'all'>; count: TGoalCount }[] = [{ group: 'local', count: area.local[goal] }];
  if (area.lowIncome) groups.push({ group: 'low_income', count: area.lowIncome[goal] });
  return (
    <Card size="small" title={t(`dashboard.goals.${goal}`)} data-testid={`goal-${goal}`} styles={{ body: { minHeight: 250 } }}>
      <Flex vertical align="center" gap={4}>
        <Progress type="dashboard" percent={rate ?? 0} format={() => (rate === null ? t('dashboard.noData') : `${rate}%`)} status={rate === 100 ? 'success' : 'normal'} size={120} />
        <Typography.Text type="secondary" style={{ textAlign: 'center', fontSize: 12 }}>
          {t(`dashboard.definitions.${goal}`)}
        </Typography.Text>
        <CountLinks count={count} testId={`goal-${goal}-all`} onOpen={(state) => onOpen(goal, state, 'all')} />
        <Button size="small" onClick={() => onOpen(goal, 'pending', 'all')} data-testid={`goal-${goal}-pending`}>
          {t('dashboard.pending')} {count.total - count.done}
        </Button>
      </Flex>
      <Flex vertical gap={2} style={{ marginTop: 12 }}>
        {groups.map(({ group, count: groupCount }) => (
          <Flex key={group} justify="space-between" align="center" gap={8}>
            <Typography.Text type="secondary">{t(`dashboard.groups.${group}`)}</Typography.Text>
            <span>
              <RateText count={groupCount} />{' '}
              <CountLinks count={groupCount} testId={`goal-${goal}-${group}`} {...(group !== 'low_income' || lowIncomeListable ? { onOpen: (state: TState) => onOpen(goal, state, group) } : {})} />
            </span>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
