import { App, Button, Card, Flex, Input, Popconfirm, Select, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { DELETION_STATUSES, type TDeletionRequest } from '@yunpin/shared';
import { useCurrentUser } from '../../app/current-user';
import { PagedTable } from '../../app/ui/PagedTable';
import { formatDateTime } from '../../lib/format';
import { usePagedList } from '../../lib/use-paged-list';
import { useErrorText } from '../../lib/use-error-text';
import { ServerCsvButton } from '../jobs/ServerCsvButton';
import { canManageRegistry, REGISTRY_KEY, useDecideDeletion } from './registry-api';
import { useRegistryTexts } from './registry-texts';

type TFilters = { status?: (typeof DELETION_STATUSES)[number] };

const STATUS_COLOR = { pending: 'gold', executed: 'default', rejected: 'blue' } as const;

/** What a decided request removed and kept, item by item (named in the interface language), and the legal bases of what stayed. */
export function DeletionRecord({ request }: { request: TDeletionRequest }) {
  const r = useRegistryTexts();
  if (request.status !== 'executed') return <Typography.Text type="secondary">{request.decisionNote}</Typography.Text>;
  const items = (record: Record<string, unknown>) =>
    Object.entries(record)
      .filter(([, v]) => typeof v !== 'string' && v !== false && v !== 0)
      .map(([key, v]) => (v === true ? (r.recordItems[key] ?? key) : `${r.recordItems[key] ?? key} ${String(v)}`));
  const bases = Object.values(request.kept).filter((v): v is string => typeof v === 'string');
  return (
    <Flex vertical gap={4}>
      <span>
        {r.removed}：{items(request.removed).join('、')}
      </span>
      <span>
        {r.kept}：{items(request.kept).join('、')}
      </span>
      {bases.map((basis) => (
        <Typography.Text key={basis} type="secondary">
          {basis}
        </Typography.Text>
      ))}
    </Flex>
  );
}

/** 删除申请 (office): requests of the caller's towns; caseworkers and admins carry them out or refuse them. */
export function DeletionRequestsPage() {
  const r = useRegistryTexts();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const list = usePagedList<TDeletionRequest, TFilters>([...REGISTRY_KEY, 'deletion-requests'], '/registry/deletion-requests', { status: 'pending' });
  const decide = useDecideDeletion();
  const [note, setNote] = useState('');
  const onError = (error: unknown) => void message.error(errorText(error));

  const columns: TableColumnsType<TDeletionRequest> = [
    { key: 'createdAt', title: r.requestedAt, render: (_, req) => formatDateTime(req.createdAt) },
    { key: 'graduate', title: r.graduate, dataIndex: 'graduateName' },
    { key: 'reason', title: r.reasonLabel, dataIndex: 'reason' },
    { key: 'status', title: r.deletionTitle, render: (_, req) => <Tag color={STATUS_COLOR[req.status]}>{r.status[req.status]}</Tag> },
    { key: 'record', title: `${r.removed} / ${r.kept}`, render: (_, req) => <DeletionRecord request={req} /> },
    {
      key: 'actions',
      title: '',
      render: (_, req) =>
        req.status === 'pending' && canManageRegistry(user) ? (
          <Flex gap={8}>
            <Popconfirm title={r.executeConfirm} onConfirm={() => decide.mutate({ id: req.id, decision: 'execute', note: '' }, { onError })}>
              <Button danger size="small">
                {r.execute}
              </Button>
            </Popconfirm>
            <Popconfirm
              title={<Input placeholder={r.rejectReason} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />}
              onConfirm={() => decide.mutate({ id: req.id, decision: 'reject', note }, { onError, onSuccess: () => setNote('') })}
            >
              <Button size="small">{r.reject}</Button>
            </Popconfirm>
          </Flex>
        ) : null,
    },
  ];

  return (
    <Card
      title={r.deletionTitle}
      extra={<ServerCsvButton path={`/registry/deletion-requests.csv${list.filters.status ? `?status=${list.filters.status}` : ''}`} name={r.deletionTitle} testId="deletion-export" />}
    >
      <Flex vertical gap={16}>
        <Select
          allowClear
          style={{ width: 180 }}
          value={list.filters.status}
          options={DELETION_STATUSES.map((s) => ({ value: s, label: r.status[s] }))}
          onChange={(status) => list.setFilters({ status })}
        />
        <PagedTable list={list} columns={columns} />
      </Flex>
    </Card>
  );
}
