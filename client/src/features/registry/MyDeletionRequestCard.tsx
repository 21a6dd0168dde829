import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Input, List, Popconfirm, Tag } from 'antd';
import { formatDateTime } from '../../lib/format';
import { useErrorText } from '../../lib/use-error-text';
import { DeletionRecord } from './DeletionRequestsPage';
import { useMyDeletionRequests, useRequestDeletion } from './registry-api';
import { useRegistryTexts } from './registry-texts';

/** The graduate's side of PIPL deletion: ask, and see what was removed and kept. */
export function MyDeletionRequestCard() {
  const r = useRegistryTexts();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const requests = useMyDeletionRequests();
  const submit = useRequestDeletion();
  const [reason, setReason] = useState('');
  const items = requests.data?.items ?? [];
  const hasPending = items.some((req) => req.status === 'pending');
  return (
    <Card title={r.requestDeletion}>
      <Flex vertical gap={12}>
        <Alert type="warning" showIcon message={r.deletionExplain} />
        {!hasPending && (
          <Flex gap={8}>
            <Input placeholder={r.reasonLabel} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
            <Popconfirm
              title={r.deletionExplain}
              onConfirm={() => submit.mutate(reason, { onSuccess: () => void message.success(r.requestSent), onError: (error) => void message.error(errorText(error)) })}
            >
              <Button danger loading={submit.isPending} data-testid="request-deletion">
                {r.submitRequest}
              </Button>
            </Popconfirm>
          </Flex>
        )}
        <List
          dataSource={items}
          loading={requests.isPending}
          renderItem={(req) => (
            <List.Item>
              <Flex vertical gap={4}>
                <span>
                  {formatDateTime(req.createdAt)} <Tag>{r.status[req.status]}</Tag>
                </span>
                <DeletionRecord request={req} />
              </Flex>
            </List.Item>
          )}
        />
      </Flex>
    </Card>
  );
}
