import { Button, Card, Flex } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TFair } from '@yunpin/shared';
import { PagedTable } from '../../app/ui/PagedTable';
import { usePagedList } from '../../lib/use-paged-list';
import { FairFilters } from '../fairs/FairFilters';
import type { TFairFilters } from '../fairs/fair-filters';
import { FAIRS_KEY } from '../fairs/fairs-api';
import { FairLevelTag, FairStatusTag } from '../fairs/FairTags';
import { useFairTimeText } from '../fairs/use-fair-text';

function useColumns(): TableColumnsType<TFair> {
  const { t } = useTranslation();
  const timeText = useFairTimeText();
  return [
    {
      key: 'title',
      title: t('fairs.title'),
      render: (_, fair) => <Link to={`/office/fairs/${encodeURIComponent(fair.id)}`}>{fair.title}</Link>,
    },
    { key: 'level', title: t('fairs.level'), render: (_, fair) => <FairLevelTag level={fair.level} /> },
    { key: 'status', title: t('fairs.status'), render: (_, fair) => <FairStatusTag status={fair.status} /> },
    { key: 'time', title: t('fairs.time'), render: (_, fair) => timeText(fair) },
    {
      key: 'registered',
      title: t('fairs.capacity'),
      render: (_, fair) => t('fairs.registeredOf', { registered: fair.registeredCount, capacity: fair.capacity }),
    },
    { key: 'booths', title: t('fairAdmin.approvedBooths'), dataIndex: 'boothCount' },
    {
      key: 'actions',
      title: t('office.actions'),
      render: (_, fair) =>
        fair.status === 'live' && (
          <Link to={`/office/fairs/${encodeURIComponent(fair.id)}/live`}>
            <Button size="small">{t('fairAdmin.liveView')}</Button>
          </Link>
        ),
    },
  ];
}

/** 招聘会管理: all fairs including drafts, for organisers to open, edit and run. */
export function FairsAdminPage() {
  const { t } = useTranslation();
  const list = usePagedList<TFair, TFairFilters>([...FAIRS_KEY, 'admin'], '/fairs', {});
  const columns = useColumns();
  return (
    <Card
      title={t('nav.fairAdmin')}
      extra={
        <Link to="/office/fairs/new">
          <Button type="primary" icon={<PlusOutlined />} data-testid="fair-create">
            {t('fairAdmin.create')}
          </Button>
        </Link>
      }
    >
      <Flex vertical gap={16}>
        <FairFilters value={list.filters} onChange={list.setFilters} withDrafts />
        <PagedTable list={list} columns={columns} />
      </Flex>
    </Card>
  );
}
