import { useState } from 'react';
import { App, Button, DatePicker, Descriptions, Drawer, Flex, Form, Input, Select, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { CONSENT_BASES, type TCensusEntry, type THardshipConsent } from '@yunpin/shared';
import { useCurrentUser } from '../../app/current-user';
import { QueryError } from '../../app/ui/QueryError';
import { useErrorText } from '../../lib/use-error-text';
import { canManageRegistry, revealNationalId, useHardship, useRecordHardship, useSetNationalId } from './registry-api';
import { fill, useRegistryTexts } from './registry-texts';

interface TDrawerProps {
  entry: TCensusEntry;
  onClose: () => void;
}

/** One file's registry facts: the masked national ID (full number on request, audited) and hardship with its consents. */
export function GraduateRegistryDrawer({ entry, onClose }: TDrawerProps) {
  const r = useRegistryTexts();
  return (
    <Drawer open width={640} title={fill(r.fileTitle, { name: entry.name })} onClose={onClose}>
      <Flex vertical gap={24}>
        <NationalIdSection entry={entry} />
        <HardshipSection graduateId={entry.id} />
      </Flex>
    </Drawer>
  );
}

function NationalIdSection({ entry }: { entry: TCensusEntry }) {
  const r = useRegistryTexts();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [full, setFull] = useState<string | null>(null);
  const [masked, setMasked] = useState(entry.nationalIdMasked);
  const setId = useSetNationalId(entry.id);
  const canManage = canManageRegistry(user);

  const reveal = async () => {
    try {
      setFull((await revealNationalId(entry.id)).nationalId);
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  return (
    <Flex vertical gap={8}>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={r.nationalId}>
          <Flex gap={12} align="center" wrap>
            <Typography.Text code data-testid="national-id">
              {full ?? masked ?? r.notRecorded}
            </Typography.Text>
            {canManage && masked && !full && (
              <Button size="small" onClick={() => void reveal()} title={r.revealNote} data-testid="reveal-national-id">
                {r.reveal}
              </Button>
            )}
          </Flex>
        </Descriptions.Item>
      </Descriptions>
      {canManage && (
        <Form
          layout="inline"
          onFinish={(values: { nationalId: string }) =>
            setId.mutate(values.nationalId, {
              onSuccess: (answer) => {
                setMasked(answer.nationalIdMasked);
                setFull(null);
              },
              onError: (error) => void message.error(errorText(error)),
            })
          }
        >
          <Form.Item name="nationalId" rules={[{ required: true, pattern: /^\d{17}[\dXx]$/, message: r.nationalId }]}>
            <Input placeholder={r.nationalId} maxLength={18} style={{ width: 220 }} autoComplete="off" />
          </Form.Item>
          <Button htmlType="submit" loading={setId.isPending}>
            {r.setNationalId}
          </Button>
        </Form>
      )}
    </Flex>
  );
}

interface TConsentForm {
  givenBy: string;
  basis: (typeof CONSENT_BASES)[number];
  consentedAt: Dayjs;
  note?: string;
}

function HardshipSection({ graduateId }: { graduateId: string }) {
  const r = useRegistryTexts();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const record = useHardship(graduateId);
  const save = useRecordHardship(graduateId);
  const onError = (error: unknown) => void message.error(errorText(error));
  if (record.isError) return <QueryError error={record.error} onRetry={() => void record.refetch()} />;
  const data = record.data;
  return (
    <Flex vertical gap={8}>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={r.hardship}>{data ? (data.isHardship ? r.hardshipYes : r.hardshipNo) : '…'}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>{r.consents}</Typography.Title>
      <Table<THardshipConsent>
        size="small"
        rowKey="id"
        loading={record.isPending}
        dataSource={data?.consents}
        pagination={false}
        columns={[
          { key: 'givenBy', title: r.givenBy, dataIndex: 'givenBy' },
          { key: 'basis', title: r.basis, render: (_, c) => r.bases[c.basis] },
          { key: 'consentedAt', title: r.consentedAt, render: (_, c) => c.consentedAt.slice(0, 10) },
          { key: 'withdrawnAt', title: r.withdrawnAt, render: (_, c) => c.withdrawnAt?.slice(0, 10) ?? '' },
        ]}
      />
      {canManageRegistry(user) && (
        <Form<TConsentForm>
          layout="vertical"
          onFinish={(values) =>
            save.mutate({ isHardship: true, givenBy: values.givenBy, basis: values.basis, consentedAt: values.consentedAt.toISOString(), ...(values.note ? { note: values.note } : {}) }, { onError })
          }
        >
          <Flex gap={12} wrap>
            <Form.Item name="givenBy" label={r.givenBy} rules={[{ required: true }]}>
              <Input maxLength={64} />
            </Form.Item>
            <Form.Item name="basis" label={r.basis} rules={[{ required: true }]}>
              <Select style={{ width: 160 }} options={CONSENT_BASES.map((b) => ({ value: b, label: r.bases[b] }))} />
            </Form.Item>
            <Form.Item name="consentedAt" label={r.consentedAt} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
          </Flex>
          <Form.Item name="note" label={r.note}>
            <Input maxLength={500} />
          </Form.Item>
          <Flex gap={12}>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {r.recordHardship}
            </Button>
            {data?.isHardship && (
              <Button danger onClick={() => save.mutate({ isHardship: false }, { onError })}>
                {r.clearHardship}
              </Button>
            )}
          </Flex>
        </Form>
      )}
    </Flex>
  );
}
