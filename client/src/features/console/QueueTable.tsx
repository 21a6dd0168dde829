import { Flex, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEGREES, type TStaffQueue } from '@yunpin/shared';
import { formatShanghaiTime } from '../../lib/shanghai-time';
import { useNow } from '../../lib/use-now';
import { CandidateTags } from './CandidateTags';

type TEntry = TStaffQueue['entries'][number];

const CLOCK_TICK_MS = 30_000;

function isDegree(value: string): value is (typeof DEGREES)[number] {
  return DEGREES.some((degree) => degree === value);
}

function useQueueColumns(): TableColumnsType<TEntry> {
  const { t } = useTranslation();
  const now = useNow(CLOCK_TICK_MS);
  const empty = t('common.empty');
  return [
    {
      key: 'name',
      title: t('console.candidate'),
      render: (_, entry) => (
        <Flex vertical gap={4}>
          <Typography.Text strong>{entry.candidate.name}</Typography.Text>
          <Flex gap={2} wrap>
            <CandidateTags entry={entry} />
          </Flex>
        </Flex>
      ),
    },
    { key: 'school', title: t('graduate.school'), render: (_, entry) => entry.candidate.school ?? empty },
    { key: 'major', title: t('graduate.major'), render: (_, entry) => entry.candidate.major ?? empty },
    {
      key: 'degree',
      title: t('graduate.degree'),
      render: (_, { candidate: { degree } }) => (degree === null ? empty : isDegree(degree) ? t(`degrees.${degree}`) : degree),
    },
    {
      key: 'joinedAt',
      title: t('console.waitingSince'),
      render: (_, entry) => (
        <Flex vertical>
          {formatShanghaiTime(entry.joinedAt)}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('console.waitedMinutes', { minutes: Math.max(0, Math.floor((now - Date.parse(entry.joinedAt)) / 60_000)) })}
          </Typography.Text>
        </Flex>
      ),
    },
  ];
}

/** The graduates waiting at the booth, in call order. */
export function QueueTable({ entries }: { entries: TEntry[] }) {
  const { t } = useTranslation();
  const columns = useQueueColumns();
  return (
    <Table<TEntry>
      rowKey={(entry) => entry.candidate.userId}
      size="small"
      columns={columns}
      dataSource={entries}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('console.queueEmpty') }}
      data-testid="console-queue"
    />
  );
}
