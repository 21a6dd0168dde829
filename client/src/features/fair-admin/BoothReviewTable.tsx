import { Flex, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TBooth } from '@yunpin/shared';
import { QueryError } from '../../app/ui/QueryError';
import { useFairBooths } from '../fairs/fairs-api';
import { BoothStatusTag } from '../fairs/FairTags';
import { ReviewActions } from './ReviewActions';

function useReviewColumns(): TableColumnsType<TBooth> {
  const { t } = useTranslation();
  const empty = t('common.empty');
  return [
    { key: 'organisation', title: t('booths.organisation'), dataIndex: 'organisationName' },
    { key: 'industry', title: t('employer.industry'), render: (_, booth) => booth.industry ?? empty },
    {
      key: 'jobs',
      title: t('booths.jobs'),
      render: (_, booth) => (booth.jobs.length === 0 ? empty : booth.jobs.map((job) => job.title).join('、')),
    },
    { key: 'k', title: t('booths.maxConcurrentChatsShort'), dataIndex: 'maxConcurrentChats' },
    { key: 'softLimit', title: t('booths.softLimitShort'), render: (_, booth) => t('booths.minutes', { minutes: booth.softLimitMinutes }) },
    {
      key: 'status',
      title: t('fairs.status'),
      render: (_, booth) => (
        <Flex vertical gap={2}>
          <BoothStatusTag status={booth.status} />
          {booth.reviewReason && <Typography.Text type="secondary">{booth.reviewReason}</Typography.Text>}
        </Flex>
      ),
    },
    { key: 'actions', title: t('office.actions'), render: (_, booth) => <ReviewActions booth={booth} /> },
  ];
}

/** Every booth application of the fair, for the organiser to approve or reject. */
export function BoothReviewTable({ fairId }: { fairId: string }) {
  const { t } = useTranslation();
  const booths = useFairBooths(fairId);
  const columns = useReviewColumns();
  if (booths.isError) return <QueryError error={booths.error} onRetry={() => void booths.refetch()} />;
  return (
    <Table<TBooth>
      rowKey="id"
      columns={columns}
      dataSource={booths.data}
      loading={booths.isFetching}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('fairAdmin.noApplications') }}
      data-testid="booth-review-table"
    />
  );
}
