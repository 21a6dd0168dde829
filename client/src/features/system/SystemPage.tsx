import { Badge, Card, Col, Flex, Row, Statistic, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TQueueHealth } from '@yunpin/shared';
import { QueryError } from '../../app/ui/QueryError';
import { formatShanghaiTime } from '../../lib/shanghai-time';
import { useQueueHealth } from './system-api';

type TQueueRow = TQueueHealth['queues'][number];

const KNOWN_QUEUES = ['notifications', 'resumes', 'screening', 'results'] as const;

function isKnownQueue(name: string): name is (typeof KNOWN_QUEUES)[number] {
  return KNOWN_QUEUES.some((known) => known === name);
}

function rate(value: number): string {
  return (Math.round(value * 10) / 10).toString();
}

function rowAttributes(row: TQueueRow): Record<string, string> {
  return { 'data-testid': 'queue-row', 'data-queue': row.name };
}

function useColumns(): TableColumnsType<TQueueRow> {
  const { t } = useTranslation();
  return [
    {
      key: 'name',
      title: t('system.queue'),
      render: (_, row) => (
        <Flex vertical>
          <Typography.Text strong>{isKnownQueue(row.name) ? t(`system.queues.${row.name}`) : row.name}</Typography.Text>
          <Typography.Text type="secondary" code>
            {row.name}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'waiting', title: t('system.waiting'), dataIndex: 'waiting', align: 'right' },
    { key: 'active', title: t('system.active'), dataIndex: 'active', align: 'right' },
    { key: 'delayed', title: t('system.delayed'), dataIndex: 'delayed', align: 'right' },
    {
      key: 'failed',
      title: t('system.failed'),
      align: 'right',
      render: (_, row) => <Typography.Text type={row.failed > 0 ? 'danger' : undefined}>{row.failed}</Typography.Text>,
    },
    { key: 'completed', title: t('system.completed'), dataIndex: 'completed', align: 'right' },
    { key: 'completedPerMinute', title: t('system.completedPerMinute'), align: 'right', render: (_, row) => rate(row.completedPerMinute) },
    {
      key: 'failedPerMinute',
      title: t('system.failedPerMinute'),
      align: 'right',
      render: (_, row) => <Typography.Text type={row.failedPerMinute > 0 ? 'danger' : undefined}>{rate(row.failedPerMinute)}</Typography.Text>,
    },
  ];
}

/** 系统状态: the background queues (resume parsing, screening, notifications), refreshed every five seconds. */
export function SystemPage() {
  const { t } = useTranslation();
  const health = useQueueHealth();
  const columns = useColumns();
  const data = health.data;
  const totals = (data?.queues ?? []).reduce(
    (sum, row) => ({ waiting: sum.waiting + row.waiting, active: sum.active + row.active, failed: sum.failed + row.failed }),
    { waiting: 0, active: 0, failed: 0 },
  );
  const updated = health.dataUpdatedAt ? formatShanghaiTime(new Date(health.dataUpdatedAt).toISOString()) : null;

  if (health.isError && !data) return <QueryError error={health.error} onRetry={() => void health.refetch()} />;
  return (
    <Flex vertical gap={16}>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card>
            <Statistic
              title={t('system.workersOnline')}
              value={data?.workersOnline ?? 0}
              prefix={<Badge status={data && data.workersOnline > 0 ? 'success' : 'error'} />}
              data-testid="workers-online"
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('system.waiting')} value={totals.waiting} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('system.active')} value={totals.active} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('system.failed')} value={totals.failed} />
          </Card>
        </Col>
      </Row>
      <Card
        title={t('nav.system')}
        extra={
          <Typography.Text type="secondary">
            {t('system.polling')}
            {updated ? ` · ${t('system.updatedAt', { time: updated })}` : ''}
          </Typography.Text>
        }
      >
        {health.isError && <Typography.Text type="danger">{t('common.loadFailed')}</Typography.Text>}
        <Table<TQueueRow>
          rowKey="name"
          columns={columns}
          dataSource={data?.queues}
          loading={health.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={rowAttributes}
          data-testid="queue-health"
        />
      </Card>
    </Flex>
  );
}
