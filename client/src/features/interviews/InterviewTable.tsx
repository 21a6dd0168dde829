import { Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import type { TInterview } from '@yunpin/shared';
import { QueryError } from '../../app/ui/QueryError';
import { interviewRowAttributes } from './InterviewTimeCell';

/** A list of interviews (the employer's schedule or the graduate's own), or the error with a retry. */
export function InterviewTable({ query, columns, emptyText, testId }: { query: UseQueryResult<TInterview[]>; columns: TableColumnsType<TInterview>; emptyText: string; testId: string }) {
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Table<TInterview>
      rowKey="bookingId"
      columns={columns}
      dataSource={query.data}
      loading={query.isFetching}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText }}
      onRow={interviewRowAttributes}
      data-testid={testId}
    />
  );
}
