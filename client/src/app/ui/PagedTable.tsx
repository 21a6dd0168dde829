import { Table } from 'antd';
import type { TableColumnsType, TablePaginationConfig } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import type { TPage } from '@yunpin/shared';
import { QueryError } from './QueryError';

interface TPagedTableProps<T> {
  list: { query: UseQueryResult<TPage<T>>; pagination: TablePaginationConfig };
  columns: TableColumnsType<T>;
  size?: 'small' | 'middle' | 'large';
}

/** A server-paginated table fed by usePagedList, or the load error in its place. */
export function PagedTable<T extends { id: string | number }>({ list, columns, size }: TPagedTableProps<T>) {
  const { query, pagination } = list;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Table<T>
      rowKey="id"
      size={size}
      columns={columns}
      dataSource={query.data?.items}
      loading={query.isFetching}
      pagination={pagination}
      scroll={{ x: 'max-content' }}
    />
  );
}
