import { useState } from 'react';
import { Alert, App, Button, Empty, Flex, Modal, Radio, Typography } from 'antd';
import { CalendarOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TInterviewSlot } from '@yunpin/shared';
import { PageLoading } from '../../app/ui/PageLoading';
import { QueryError } from '../../app/ui/QueryError';
import { formatShanghaiTime, inShanghai } from '../../lib/shanghai-time';
import { isApiError } from '../../lib/api-error';
import { useNow } from '../../lib/use-now';
import { isLive, panelNames, useInterviewErrorText, useInterviewTime } from './interview-text';
import { useBookSlot, useJobSlots } from './interviews-api';

interface TBookInterviewProps {
  jobId: string;
  applicationId: string;
  jobTitle: string;
  /** 改约: the application has a booking already. */
  isMove?: boolean;
}

/** Open slots in the future grouped by their Beijing day, earliest first. */
function groupByDay(slots: TInterviewSlot[], dayFormat: string): Array<[day: string, slots: TInterviewSlot[]]> {
  const groups = new Map<string, TInterviewSlot[]>();
  for (const slot of slots) {
    const day = inShanghai(slot.startsAt).format(dayFormat);
    groups.set(day, [...(groups.get(day) ?? []), slot]);
  }
  return [...groups];
}

function SlotPicker({ jobId, applicationId, onBooked }: { jobId: string; applicationId: string; onBooked: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useInterviewErrorText();
  const interviewTime = useInterviewTime();
  const slots = useJobSlots(jobId);
  const book = useBookSlot();
  const [chosen, setChosen] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const now = useNow(30_000);

  if (slots.isPending) return <PageLoading />;
  if (slots.isError) return <QueryError error={slots.error} onRetry={() => void slots.refetch()} />;

  const mine = slots.data.find((slot) => slot.booking !== null && slot.booking.applicationId === applicationId && isLive(slot.booking.status));
  const open = slots.data.filter((slot) => slot.status === 'open' && Date.parse(slot.startsAt) > now);
  const groups = groupByDay(open, t('interviews.dayFormat'));

  const confirm = () => {
    if (!chosen) return;
    setConflict(null);
    book.mutate(
      { slotId: chosen, applicationId },
      {
        onSuccess: (interview) => {
          void message.success(t('interviews.booked', { time: interviewTime(interview.startsAt, interview.endsAt) }));
          onBooked();
        },
        onError: (error) => {
          setChosen(null);
          if (isApiError(error) && error.status === 409) {
            // The list refreshes itself (the booking invalidates it either way); the refusal stays on show.
            setConflict(errorText(error));
          } else {
            void message.error(errorText(error));
          }
        },
      },
    );
  };

  return (
    <Flex vertical gap={16} data-testid="interview-slot-picker">
      <Typography.Text type="secondary">{t('interviews.pickHint')}</Typography.Text>
      {mine && (
        <Alert
          type="success"
          showIcon
          title={t('interviews.currentBooking', { time: interviewTime(mine.startsAt, mine.endsAt) })}
          description={t('interviews.moveHint')}
          data-testid="interview-current-booking"
        />
      )}
      {conflict && <Alert type="warning" showIcon title={conflict} closable onClose={() => setConflict(null)} data-testid="interview-book-conflict" />}
      {groups.length === 0 ? (
        <Empty description={t('interviews.noOpenSlots')} data-testid="interview-no-slots" />
      ) : (
        <Radio.Group value={chosen} onChange={(event) => setChosen(event.target.value as string)} style={{ width: '100%' }}>
          <Flex vertical gap={12}>
            {groups.map(([day, daySlots]) => (
              <Flex key={day} vertical gap={6}>
                <Typography.Text strong>{day}</Typography.Text>
                <Flex gap={8} wrap>
                  {daySlots.map((slot) => (
                    <Radio.Button key={slot.id} value={slot.id}>
                      <span data-testid="interview-slot-option" data-slot-id={slot.id} title={panelNames(slot.interviewers, '')}>
                        {formatShanghaiTime(slot.startsAt)}–{formatShanghaiTime(slot.endsAt)}
                      </span>
                    </Radio.Button>
                  ))}
                </Flex>
              </Flex>
            ))}
          </Flex>
        </Radio.Group>
      )}
      <Flex gap={8} align="center" wrap>
        <Button type="primary" disabled={!chosen} loading={book.isPending} onClick={confirm} data-testid="interview-book-confirm">
          {mine ? t('interviews.confirmMove') : t('interviews.confirmBook')}
        </Button>
        <Typography.Text type="secondary">{t('interviews.beijingTime')}</Typography.Text>
      </Flex>
    </Flex>
  );
}

/** 预约面试: the graduate invited to interview picks one of the employer's open times, or moves to another. */
export function BookInterviewButton({ jobId, applicationId, jobTitle, isMove = false }: TBookInterviewProps) {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  return (
    <>
      <Button size="small" type={isMove ? 'default' : 'primary'} icon={<CalendarOutlined />} onClick={() => setIsOpen(true)} data-testid="interview-book">
        {isMove ? t('interviews.move') : t('interviews.book')}
      </Button>
      <Modal open={isOpen} title={t('interviews.bookTitle', { title: jobTitle })} footer={null} onCancel={() => setIsOpen(false)} width={640} destroyOnHidden>
        {isOpen && <SlotPicker jobId={jobId} applicationId={applicationId} onBooked={() => setIsOpen(false)} />}
      </Modal>
    </>
  );
}
