import { Card, Flex, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TBooth, TLobbyBooth } from '@yunpin/shared';
import { BoothFigures } from '../lobby/BoothFigures';
import { OnDutyBadge } from '../lobby/OnDutyBadge';

type TJobRow = TBooth['jobs'][number] & { key: number };

function useJobColumns(): TableColumnsType<TJobRow> {
  const { t } = useTranslation();
  const empty = t('common.empty');
  return [
    { key: 'title', title: t('booths.jobTitle'), dataIndex: 'title' },
    { key: 'headcount', title: t('booths.headcount'), render: (_, job) => job.headcount ?? empty },
    { key: 'salary', title: t('booths.salary'), render: (_, job) => job.salary ?? empty },
  ];
}

interface TBoothProfileCardProps {
  booth: TBooth;
  /** The booth's live figures from the lobby, when it has them. */
  live: TLobbyBooth | undefined;
}

export function BoothProfileCard({ booth, live }: TBoothProfileCardProps) {
  const { t } = useTranslation();
  const columns = useJobColumns();
  return (
    <Card
      title={
        <Flex align="center" gap={8} wrap>
          <Typography.Text strong data-testid="booth-organisation">
            {booth.organisationName}
          </Typography.Text>
          {booth.industry && <Tag color="blue">{booth.industry}</Tag>}
        </Flex>
      }
      extra={<OnDutyBadge isOnDuty={live?.isOnDuty ?? booth.isOnDuty} />}
    >
      <Flex vertical gap={16}>
        {live && <BoothFigures booth={live} />}
        <div>
          <Typography.Title level={5}>{t('booths.profile')}</Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{booth.profile || t('common.empty')}</Typography.Paragraph>
        </div>
        <div>
          <Typography.Title level={5}>{t('booths.jobs')}</Typography.Title>
          <Table<TJobRow>
            size="small"
            columns={columns}
            dataSource={booth.jobs.map((job, index) => ({ ...job, key: index }))}
            pagination={false}
            locale={{ emptyText: t('lobby.noJobs') }}
          />
        </div>
      </Flex>
    </Card>
  );
}
