import type { TableColumnsType } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import type { TInterview } from '@yunpin/shared';
import { ListTable } from '../../app/ui/ListTable';
import { interviewRowAttributes } from './InterviewTimeCell';

/** A list of interviews (the employer's schedule or the graduate's own), or the error with a retry. */
export function InterviewTable({ query, columns, emptyText, testId }: { query: UseQueryResult<TInterview[]>; columns: TableColumnsType<TInterview>; emptyText: string; testId: string }) {
  return <ListTable query={query} columns={columns} rowKey="bookingId" emptyText={emptyText} testId={testId} onRow={interviewRowAttributes} />;
}
