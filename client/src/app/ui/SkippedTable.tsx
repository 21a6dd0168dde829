import { useTranslation } from 'react-i18next';
import { CompactTable } from './CompactTable';

interface TSkipped {
  id: string;
  reason: string;
}

interface TSkippedTableProps {
  skipped: readonly TSkipped[];
  /** Heading of the column naming each item. */
  nameTitle: string;
  /** What the item is called; unknown ones show the start of their id. */
  nameOf: (id: string) => string | undefined;
  reasonTitle: string;
  reasonText: (reason: string) => string;
  testId: string;
}

/** The items a bulk action left alone, each with the server's reason in the interface language. */
export function SkippedTable({ skipped, nameTitle, nameOf, reasonTitle, reasonText, testId }: TSkippedTableProps) {
  const { t } = useTranslation();
  return (
    <CompactTable
      rows={skipped}
      rowKey="id"
      columns={[
        { key: 'name', title: nameTitle, render: (_, row) => nameOf(row.id) ?? row.id.slice(0, 8) },
        { key: 'reason', title: reasonTitle, render: (_, row) => <span data-testid="skipped-reason">{reasonText(row.reason)}</span> },
      ]}
      emptyText={t('common.empty')}
      testId={testId}
    />
  );
}
