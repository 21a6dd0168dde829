import { Alert, App, Button, DatePicker, Flex, Form, InputNumber, Popconfirm, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { TInterviewSlot, TJob } from '@yunpin/shared';
import { useCurrentUser } from '../../app/current-user';
import { QueryError } from '../../app/ui/QueryError';
import { useNow } from '../../lib/use-now';
import { BookingStatusTag, durationMinutes, panelNames, SlotStatusTag, useInterviewErrorText, useInterviewTime, validationDetails } from './interview-text';
import { useCreateSlots, useJobSlots, useWithdrawSlot } from './interviews-api';

const DURATION_MIN = 10;
const DURATION_MAX = 120;
const DEFAULT_DURATION = 30;
const MAX_SLOTS = 50;
const FIRST_HOUR = 7;
const LAST_HOUR = 21;
const STEP_MINUTES = 15;
const BEIJING_OFFSET = '+08:00';

interface TSlotFormValues {
  date: Dayjs;
  times: string[];
  durationMinutes: number;
}

/** Start times every quarter hour through the working day, as HH:mm. */
const TIME_OPTIONS = Array.from({ length: ((LAST_HOUR - FIRST_HOUR + 1) * 60) / STEP_MINUTES }, (_, index) => {
  const minutes = FIRST_HOUR * 60 + index * STEP_MINUTES;
  const value = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return { value, label: value };
});

/** The instant a picked Beijing day and HH:mm stand for. */
function startInstant(date: Dayjs, time: string): string {
  return `${date.format('YYYY-MM-DD')}T${time}:00${BEIJING_OFFSET}`;
}

function minutesOf(time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/** Two start times closer together than one slot's length: the panel cannot be in both. */
function hasOverlap(times: string[], duration: number): boolean {
  const sorted = times.map(minutesOf).sort((a, b) => a - b);
  return sorted.some((minutes, index) => index > 0 && minutes - sorted[index - 1]! < duration);
}

function SlotForm({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const errorText = useInterviewErrorText();
  const create = useCreateSlots(jobId);
  const [form] = Form.useForm<TSlotFormValues>();
  const details = validationDetails(create.error);

  const onFinish = ({ date, times, durationMinutes: duration }: TSlotFormValues) =>
    create.mutate(
      { startsAt: [...times].sort().map((time) => startInstant(date, time)), durationMinutes: duration, interviewerIds: [] },
      {
        onSuccess: ({ items }) => {
          form.setFieldValue('times', []);
          void message.success(t('interviews.slotsAdded', { count: items.length }));
        },
        onError: (error) => void message.error(errorText(error)),
      },
    );

  const timesRule = {
    validator: (_rule: unknown, times: string[] | undefined) => {
      const date = form.getFieldValue('date') as Dayjs | undefined;
      const duration = form.getFieldValue('durationMinutes') as number | undefined;
      if (!times || times.length === 0) return Promise.reject(new Error(t('interviews.timesRequired')));
      if (times.length > MAX_SLOTS) return Promise.reject(new Error(t('interviews.tooManyTimes', { max: MAX_SLOTS })));
      if (date && times.some((time) => Date.parse(startInstant(date, time)) <= Date.now())) return Promise.reject(new Error(t('interviews.timesInPast')));
      if (duration && hasOverlap(times, duration)) return Promise.reject(new Error(t('interviews.timesOverlap')));
      return Promise.resolve();
    },
  };

  return (
    <Form<TSlotFormValues>
      form={form}
      layout="vertical"
      initialValues={{ durationMinutes: DEFAULT_DURATION, times: [] }}
      onFinish={onFinish}
      data-testid="interview-slot-form"
    >
      <Flex gap={16} wrap align="start">
        <Form.Item name="date" label={t('interviews.date')} rules={[{ required: true, message: t('interviews.dateRequired') }]} style={{ minWidth: 180 }}>
          <DatePicker
            disabledDate={(day) => day.isBefore(dayjs(), 'day')}
            format={`YYYY-MM-DD ddd`}
            onChange={() => void form.validateFields(['times']).catch(() => undefined)}
            data-testid="interview-slot-date"
          />
        </Form.Item>
        <Form.Item
          name="times"
          label={t('interviews.startTimes')}
          required
          dependencies={['date', 'durationMinutes']}
          rules={[timesRule]}
          extra={t('interviews.beijingTime')}
          style={{ flex: 1, minWidth: 260 }}
        >
          <Select mode="multiple" options={TIME_OPTIONS} placeholder={t('interviews.startTimesPlaceholder')} allowClear data-testid="interview-slot-times" />
        </Form.Item>
        <Form.Item
          name="durationMinutes"
          label={t('interviews.duration')}
          rules={[{ required: true, type: 'integer', min: DURATION_MIN, max: DURATION_MAX, message: t('interviews.durationRule', { min: DURATION_MIN, max: DURATION_MAX }) }]}
        >
          <InputNumber min={DURATION_MIN} max={DURATION_MAX} step={5} precision={0} suffix={t('interviews.minutes')} style={{ width: 130 }} data-testid="interview-slot-duration" />
        </Form.Item>
      </Flex>
      <Form.Item label={t('interviews.panel')} extra={t('interviews.panelSelfOnly')}>
        <Typography.Text data-testid="interview-slot-panel">{user.name}</Typography.Text>
      </Form.Item>
      {details.length > 0 && (
        <Alert type="error" showIcon title={errorText(create.error)} description={details.join('\n')} style={{ marginBottom: 16, whiteSpace: 'pre-wrap' }} data-testid="interview-slot-errors" />
      )}
      <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={create.isPending} data-testid="interview-slot-add">
        {t('interviews.addSlots')}
      </Button>
    </Form>
  );
}

function WithdrawSlotButton({ slot }: { slot: TInterviewSlot }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useInterviewErrorText();
  const withdraw = useWithdrawSlot();
  return (
    <Popconfirm
      title={slot.booking ? t('interviews.confirmWithdrawBooked', { name: slot.booking.graduateName }) : t('interviews.confirmWithdraw')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      onConfirm={() =>
        withdraw.mutate(slot.id, {
          onSuccess: () => void message.success(t('interviews.slotWithdrawn')),
          onError: (error) => void message.error(errorText(error)),
        })
      }
    >
      <Button size="small" danger loading={withdraw.isPending} data-testid="interview-slot-withdraw">
        {t('interviews.withdraw')}
      </Button>
    </Popconfirm>
  );
}

function useColumns(now: number): TableColumnsType<TInterviewSlot> {
  const { t } = useTranslation();
  const interviewTime = useInterviewTime();
  const empty = t('common.empty');
  return [
    { key: 'time', title: t('interviews.time'), render: (_, slot) => interviewTime(slot.startsAt, slot.endsAt) },
    { key: 'duration', title: t('interviews.duration'), render: (_, slot) => t('interviews.minutesValue', { count: durationMinutes(slot.startsAt, slot.endsAt) }) },
    { key: 'panel', title: t('interviews.panel'), render: (_, slot) => panelNames(slot.interviewers, empty) },
    { key: 'status', title: t('interviews.status'), render: (_, slot) => <SlotStatusTag status={slot.status} /> },
    {
      key: 'candidate',
      title: t('interviews.candidate'),
      render: (_, slot) =>
        slot.booking ? (
          <Flex gap={6} align="center" wrap>
            <span data-testid="interview-slot-candidate">{slot.booking.graduateName}</span>
            <BookingStatusTag status={slot.booking.status} />
          </Flex>
        ) : (
          empty
        ),
    },
    {
      key: 'actions',
      title: t('office.actions'),
      render: (_, slot) =>
        slot.status !== 'cancelled' && Date.parse(slot.startsAt) > now && slot.booking?.status !== 'completed' ? <WithdrawSlotButton slot={slot} /> : empty,
    },
  ];
}

function slotRowAttributes(slot: TInterviewSlot): Record<string, string> {
  return { 'data-testid': 'interview-slot-row', 'data-slot-id': slot.id, 'data-status': slot.status };
}

/**
 * 面试时段: the employer publishes cloud-interview times for a published job and sees who booked
 * each; withdrawing a booked time cancels the booking and tells the candidate.
 */
export function InterviewSlotsPanel({ job }: { job: TJob }) {
  const { t } = useTranslation();
  const slots = useJobSlots(job.id);
  const now = useNow(60_000);
  const columns = useColumns(now);
  return (
    <Flex vertical gap={16} data-testid="interview-slots">
      <Alert type="info" showIcon title={t('interviews.slotsHint')} />
      {job.status === 'published' ? <SlotForm jobId={job.id} /> : <Alert type="warning" showIcon title={t('interviews.publishedOnly')} />}
      {slots.isError ? (
        <QueryError error={slots.error} onRetry={() => void slots.refetch()} />
      ) : (
        <Table<TInterviewSlot>
          rowKey="id"
          columns={columns}
          dataSource={slots.data}
          loading={slots.isFetching}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('interviews.noSlots') }}
          onRow={slotRowAttributes}
          data-testid="interview-slot-list"
        />
      )}
    </Flex>
  );
}
