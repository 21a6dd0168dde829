import { useState } from 'react';
import { Button, Card, Flex, Segmented } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TFair } from '@yunpin/shared';
import { useCurrentUser } from '../../app/current-user';
import { canManageFairs } from '../../lib/permissions';
import { usePagedList } from '../../lib/use-paged-list';
import { FairCalendar } from './FairCalendar';
import { FairFilters } from './FairFilters';
import type { TFairFilters } from './fair-filters';
import { FairList } from './FairList';
import { FAIRS_KEY } from './fairs-api';

type TView = 'list' | 'calendar';

/** 招聘会日历: every role browses the fairs; what each can do with one depends on the role. */
export function FairsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [view, setView] = useState<TView>('list');
  const list = usePagedList<TFair, TFairFilters>(FAIRS_KEY, '/fairs', {});
  const { from: _from, to: _to, ...calendarFilters } = list.filters;

  const extra = (
    <Flex gap={8}>
      <Segmented<TView>
        value={view}
        onChange={setView}
        options={[
          { value: 'list', label: t('fairs.listView') },
          { value: 'calendar', label: t('fairs.calendarView') },
        ]}
      />
      {canManageFairs(user) && (
        <Link to="/office/fairs/new">
          <Button type="primary" icon={<PlusOutlined />}>
            {t('fairAdmin.create')}
          </Button>
        </Link>
      )}
    </Flex>
  );

  return (
    <Card title={t('nav.fairs')} extra={extra}>
      <Flex vertical gap={16}>
        <FairFilters value={list.filters} onChange={list.setFilters} withDates={view === 'list'} />
        {view === 'list' ? <FairList list={list} /> : <FairCalendar filters={calendarFilters} />}
      </Flex>
    </Card>
  );
}
