import { Table } from 'antd';
import type { TableColumnsType } from 'antd';

interface TCompactTableProps<T> {
  rows: readonly T[];
  columns: TableColumnsType<T>;
  rowKey: keyof T & string;
  emptyText?: string;
  testId: string;
  onRow?: (row: T) => Record<string, string>;
}

/** A short table shown whole (no pages), small, for details inside a card or a dialog. */
export function CompactTable<T extends object>({ rows, columns, rowKey, emptyText, testId, onRow }: TCompactTableProps<T>) {
  return (
    <Table<T>
      rowKey={rowKey}
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={emptyText === undefined ? undefined : { emptyText }}
      onRow={onRow}
      data-testid={testId}
    />
  );
}
