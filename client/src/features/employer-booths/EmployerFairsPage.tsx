import { Card, Segmented } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFair } from '@yunpin/shared';
import { PagedTable } from '../../app/ui/PagedTable';
import { usePagedList } from '../../lib/use-paged-list';
import { FAIRS_KEY } from '../fairs/fairs-api';
import { FairLevelTag, FairStatusTag } from '../fairs/FairTags';
import { useFairTimeText } from '../fairs/use-fair-text';
import { OwnBoothCell } from './OwnBoothCell';

type TOpenStatus = 'live' | 'published' | 'ended';

function useColumns(): TableColumnsType<TFair> {
  const { t } = useTranslation();
  const timeText = useFairTimeText();
  return [
    { key: 'title', title: t('fairs.title'), dataIndex: 'title' },
    { key: 'time', title: t('fairs.time'), render: (_, fair) => timeText(fair) },
    { key: 'level', title: t('fairs.level'), render: (_, fair) => <FairLevelTag level={fair.level} /> },
    { key: 'status', title: t('fairs.status'), render: (_, fair) => <FairStatusTag status={fair.status} /> },
    { key: 'booth', title: t('booths.myBooth'), render: (_, fair) => <OwnBoothCell fair={fair} /> },
  ];
}

/** 展位管理: the employer's booths fair by fair, with applications, management and the console. */
export function EmployerFairsPage() {
  const { t } = useTranslation();
  const list = usePagedList<TFair, { status: TOpenStatus }>([...FAIRS_KEY, 'employer'], '/fairs', { status: 'live' });
  const columns = useColumns();
  return (
    <Card
      title={t('nav.myBooths')}
      extra={
        <Segmented<TOpenStatus>
          value={list.filters.status}
          onChange={(status) => list.setFilters({ status })}
          options={[
            { value: 'live', label: t('fairs.statuses.live') },
            { value: 'published', label: t('fairs.statuses.published') },
            { value: 'ended', label: t('fairs.statuses.ended') },
          ]}
        />
      }
    >
      <PagedTable list={list} columns={columns} />
    </Card>
  );
}
