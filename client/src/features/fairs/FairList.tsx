import { Col, Empty, Flex, Pagination, Row, Spin } from 'antd';
import type { TablePaginationConfig } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFair, TPage } from '@yunpin/shared';
import { QueryError } from '../../app/ui/QueryError';
import { FairCard } from './FairCard';

interface TFairListProps {
  list: { query: UseQueryResult<TPage<TFair>>; pagination: TablePaginationConfig };
}

/** One page of fairs as cards, with the pager under them. */
export function FairList({ list }: TFairListProps) {
  const { t } = useTranslation();
  const { query, pagination } = list;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const fairs = query.data?.items ?? [];
  return (
    <Spin spinning={query.isFetching}>
      <Flex vertical gap={16}>
        {fairs.length === 0 && !query.isPending && <Empty description={t('fairs.noFairs')} />}
        <Row gutter={[16, 16]}>
          {fairs.map((fair) => (
            <Col key={fair.id} xs={24} md={12} xl={8}>
              <FairCard fair={fair} />
            </Col>
          ))}
        </Row>
        {fairs.length > 0 && <Pagination {...pagination} align="end" />}
      </Flex>
    </Spin>
  );
}
