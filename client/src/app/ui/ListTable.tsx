import { Table } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { QueryError } from './QueryError';

interface TListTableProps<T> {
  query: UseQueryResult<T[]>;
  columns: TableColumnsType<T>;
  rowKey: keyof T & string;
  emptyText: string;
  testId: string;
  onRow?: (row: T) => Record<string, string>;
  rowSelection?: TableProps<T>['rowSelection'];
}

/** A whole list from one query (not paged by the server) in pages of 20, or the load error with a retry. */
export function ListTable<T extends object>({ query, columns, rowKey, emptyText, testId, onRow, rowSelection }: TListTableProps<T>) {
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Table<T>
      rowKey={rowKey}
      columns={columns}
      dataSource={query.data}
      loading={query.isFetching}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText }}
      onRow={onRow}
      rowSelection={rowSelection}
      data-testid={testId}
    />
  );
}
