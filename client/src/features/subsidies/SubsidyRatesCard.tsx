import { useState } from 'react';
import { App, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { SUBSIDY_RATE_MAX_DAYS_AHEAD, SUBSIDY_RATE_MAX_YUAN, ZSubsidyKindSchema, type TSessionUser, type TSubsidyKind, type TSubsidyRate } from '@yunpin/shared';
import { isDistrictWide } from '../../lib/permissions';
import { formatShanghaiDateTime } from '../../lib/shanghai-time';
import { useErrorText } from '../../lib/use-error-text';
import { ServerCsvButton } from '../jobs/ServerCsvButton';
import { useRatesTexts } from './rates-texts';
import { SUBSIDY_RATES_CSV_PATH, useSubsidyRateActions, useSubsidyRates } from './subsidies-api';

/** Mirrors server/src/policy.ts: district organisers and admins set the amounts. */
const canSetSubsidyRates = isDistrictWide;

const STATE_COLOR = { scheduled: 'blue', current: 'green', past: 'default' } as const;

interface TRateForm {
  kind: TSubsidyKind;
  effectiveFrom: Dayjs;
  amountYuan: number;
  note?: string;
}

/** 补贴标准: each kind's amount today and any scheduled change, the full history, and scheduling a new rate. */
export function SubsidyRatesCard({ user }: { user: TSessionUser }) {
  const { t } = useTranslation();
  const texts = useRatesTexts();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const rates = useSubsidyRates();
  const actions = useSubsidyRateActions();
  const [isScheduling, setIsScheduling] = useState(false);
  const canSet = canSetSubsidyRates(user);
  const items = rates.data?.items ?? [];
  const kindLabel = (kind: TSubsidyKind) => t(`subsidies.kinds.${kind}`);

  const remove = (rate: TSubsidyRate) =>
    actions.remove.mutateAsync(rate.id).then(() => void message.success(texts.deleted), (error: unknown) => void message.error(errorText(error)));

  const columns: TableColumnsType<TSubsidyRate> = [
    { key: 'kind', title: texts.kind, render: (_, r) => kindLabel(r.kind) },
    { key: 'effectiveFrom', title: texts.effectiveFrom, dataIndex: 'effectiveFrom' },
    { key: 'amount', title: texts.amount, dataIndex: 'amountYuan' },
    { key: 'state', title: texts.state, render: (_, r) => <Tag color={STATE_COLOR[r.state]}>{texts.states[r.state]}</Tag> },
    { key: 'setBy', title: texts.setBy, render: (_, r) => r.setBy?.name ?? texts.platform },
    { key: 'setAt', title: texts.setAt, render: (_, r) => formatShanghaiDateTime(r.setAt) },
    { key: 'note', title: texts.note, render: (_, r) => <Typography.Text type="secondary">{r.note ?? ''}</Typography.Text> },
    ...(canSet
      ? [
          {
            key: 'actions',
            title: '',
            render: (_: unknown, r: TSubsidyRate) =>
              r.state === 'scheduled' && (
                <Popconfirm title={texts.deleteConfirm} onConfirm={() => remove(r)}>
                  <Button size="small" danger>{texts.delete}</Button>
                </Popconfirm>
              ),
          },
        ]
      : []),
  ];

  return (
    <Card
      size="small"
      title={texts.title}
      extra={
        <Space>
          <ServerCsvButton path={SUBSIDY_RATES_CSV_PATH} name={texts.exportName} testId="subsidy-rates-export" />
          {canSet && <Button type="primary" onClick={() => setIsScheduling(true)} data-testid="subsidy-rate-schedule">{texts.schedule}</Button>}
        </Space>
      }
    >
      <Flex vertical gap={16}>
        <Flex gap={32} wrap>
          {ZSubsidyKindSchema.options.map((kind) => {
            const current = items.find((r) => r.kind === kind && r.state === 'current');
            const scheduled = items.filter((r) => r.kind === kind && r.state === 'scheduled').reverse();
            return (
              <Flex key={kind} vertical>
                <Statistic title={`${kindLabel(kind)} · ${texts.current}`} value={current?.amountYuan ?? '—'} loading={rates.isLoading} />
                {scheduled.map((r) => (
                  <Typography.Text key={r.id} type="secondary">{texts.scheduledFrom(r.amountYuan, r.effectiveFrom)}</Typography.Text>
                ))}
              </Flex>
            );
          })}
        </Flex>
        {!canSet && <Typography.Text type="secondary">{texts.readOnly}</Typography.Text>}
        <Typography.Title level={5}>{texts.history}</Typography.Title>
        <Table<TSubsidyRate> rowKey="id" size="small" columns={columns} dataSource={items} loading={rates.isLoading} pagination={false} scroll={{ x: true }} />
      </Flex>
      {isScheduling && rates.data && <ScheduleRateModal today={rates.data.today} onClose={() => setIsScheduling(false)} />}
    </Card>
  );
}

/** The form for a new rate: a kind, a day from today (Asia/Shanghai, as the server counts it), an amount and a note. */
function ScheduleRateModal({ today, onClose }: { today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const texts = useRatesTexts();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { schedule } = useSubsidyRateActions();
  const [form] = Form.useForm<TRateForm>();
  const first = dayjs(today);
  const last = first.add(SUBSIDY_RATE_MAX_DAYS_AHEAD, 'day');

  const submit = async () => {
    const v = await form.validateFields();
    try {
      await schedule.mutateAsync({ kind: v.kind, effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'), amountYuan: v.amountYuan, ...(v.note?.trim() ? { note: v.note.trim() } : {}) });
      void message.success(texts.saved);
      onClose();
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  return (
    <Modal open title={texts.schedule} onCancel={onClose} onOk={() => void submit()} confirmLoading={schedule.isPending}>
      <Form form={form} layout="vertical" initialValues={{ effectiveFrom: first }}>
        <Form.Item name="kind" label={texts.kind} rules={[{ required: true, message: t('validation.required') }]}>
          <Select options={ZSubsidyKindSchema.options.map((k) => ({ value: k, label: t(`subsidies.kinds.${k}`) }))} data-testid="subsidy-rate-kind" />
        </Form.Item>
        <Form.Item name="effectiveFrom" label={texts.effectiveFrom} extra={texts.effectiveFromHint} rules={[{ required: true, message: t('validation.required') }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isBefore(first, 'day') || day.isAfter(last, 'day')} data-testid="subsidy-rate-date" />
        </Form.Item>
        <Form.Item name="amountYuan" label={texts.amount} rules={[{ required: true, type: 'integer', min: 1, max: SUBSIDY_RATE_MAX_YUAN, message: texts.amountRule(SUBSIDY_RATE_MAX_YUAN) }]}>
          <InputNumber min={1} max={SUBSIDY_RATE_MAX_YUAN} precision={0} style={{ width: '100%' }} data-testid="subsidy-rate-amount" />
        </Form.Item>
        <Form.Item name="note" label={texts.note} rules={[{ max: 500, message: t('validation.tooLong') }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
