import { useState } from 'react';
import { Badge, Calendar, Col, Empty, Flex, Row, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFair, TPage } from '@yunpin/shared';
import { QueryError } from '../../app/ui/QueryError';
import { api } from '../../lib/api';
import { inShanghai, shanghaiDayBounds } from '../../lib/shanghai-time';
import { FairCard } from './FairCard';
import type { TFairFilters } from './fair-filters';
import { FAIRS_KEY } from './fairs-api';

/** A month holds far fewer fairs than this; the calendar reads them in one request. */
const MONTH_PAGE_SIZE = 200;
const DAY = 'YYYY-MM-DD';

function isOnDay(fair: TFair, day: Dayjs): boolean {
  const date = day.format(DAY);
  return inShanghai(fair.startsAt).format(DAY) <= date && date <= inShanghai(fair.endsAt).format(DAY);
}

function useMonthFairs(filters: TFairFilters, month: Dayjs) {
  const bounds = shanghaiDayBounds(month.startOf('month'), month.endOf('month'));
  return useQuery({
    queryKey: [...FAIRS_KEY, 'calendar', filters, bounds.from],
    queryFn: ({ signal }) =>
      api.get<TPage<TFair>>('/fairs', { ...filters, ...bounds, page: 1, pageSize: MONTH_PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });
}

/** A month view of the fairs matching the filters; picking a day lists its fairs below. */
export function FairCalendar({ filters }: { filters: Omit<TFairFilters, 'from' | 'to'> }) {
  const { t } = useTranslation();
  const [day, setDay] = useState<Dayjs>(() => dayjs());
  const fairs = useMonthFairs(filters, day);
  if (fairs.isError) return <QueryError error={fairs.error} onRetry={() => void fairs.refetch()} />;
  const items = fairs.data?.items ?? [];
  const onDay = items.filter((fair) => isOnDay(fair, day));

  return (
    <Flex vertical gap={16}>
      <Calendar
        value={day}
        onSelect={(date) => setDay(date)}
        onPanelChange={(date) => setDay(date)}
        cellRender={(date, info) =>
          info.type === 'date' ? (
            <Flex vertical gap={2}>
              {items
                .filter((fair) => isOnDay(fair, date))
                .map((fair) => (
                  <Badge key={fair.id} status={fair.status === 'live' ? 'success' : 'processing'} text={fair.title} />
                ))}
            </Flex>
          ) : null
        }
      />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('fairs.onDay', { day: day.format(t('fairs.dayFormat')) })}
      </Typography.Title>
      {onDay.length === 0 ? (
        <Empty description={t('fairs.noFairsOnDay')} />
      ) : (
        <Row gutter={[16, 16]}>
          {onDay.map((fair) => (
            <Col key={fair.id} xs={24} md={12} xl={8}>
              <FairCard fair={fair} />
            </Col>
          ))}
        </Row>
      )}
    </Flex>
  );
}
