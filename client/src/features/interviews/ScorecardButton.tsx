import { useState } from 'react';
import { Alert, App, Button, Flex, Form, Input, Modal, Radio, Rate, Typography } from 'antd';
import { DeleteOutlined, FormOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { INTERVIEW_OUTCOMES, type TInterview } from '@yunpin/shared';
import { useInterviewErrorText, validationDetails, type TOutcome } from './interview-text';
import { useRecordOutcome } from './interviews-api';

const CRITERIA_MAX = 12;
const CRITERION_NAME_MAX = 40;
const NOTES_MAX = 4000;

type TMoveChoice = 'none' | 'offer' | 'rejected';

interface TScorecardValues {
  criteria: Array<{ name?: string; score?: number }>;
  notes?: string;
  outcome: TOutcome;
  moveTo: TMoveChoice;
}

function useInitialValues(interview: TInterview): Partial<TScorecardValues> {
  const { t } = useTranslation();
  const recorded = interview.scorecard;
  return {
    criteria: recorded?.criteria.length
      ? recorded.criteria.map((criterion) => ({ ...criterion }))
      : [{ name: t('interviews.defaultCriteria.skills') }, { name: t('interviews.defaultCriteria.communication') }, { name: t('interviews.defaultCriteria.motivation') }],
    notes: recorded?.notes ?? '',
    ...(interview.outcome ? { outcome: interview.outcome } : {}),
    moveTo: 'none',
  };
}

function CriteriaRows() {
  const { t } = useTranslation();
  return (
    <Form.List name="criteria">
      {(fields, { add, remove }) => (
        <Flex vertical gap={4} data-testid="interview-criteria">
          {fields.map((field) => (
            <Flex key={field.key} gap={8} align="start" wrap data-testid="interview-criterion-row">
              <Form.Item
                name={[field.name, 'name']}
                rules={[
                  { required: true, whitespace: true, message: t('interviews.criterionNameRequired') },
                  { max: CRITERION_NAME_MAX, message: t('validation.tooLong') },
                ]}
                style={{ flex: 1, minWidth: 180, marginBottom: 8 }}
              >
                <Input maxLength={CRITERION_NAME_MAX} placeholder={t('interviews.criterionName')} aria-label={t('interviews.criterionName')} data-testid="interview-criterion-name" />
              </Form.Item>
              <Form.Item name={[field.name, 'score']} rules={[{ required: true, message: t('interviews.scoreRequired') }]} style={{ marginBottom: 8 }}>
                <Rate count={5} allowClear={false} aria-label={t('interviews.score')} data-testid="interview-criterion-score" />
              </Form.Item>
              <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('interviews.removeCriterion')} />
            </Flex>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            disabled={fields.length >= CRITERIA_MAX}
            onClick={() => add({ name: '' })}
            style={{ alignSelf: 'flex-start' }}
            data-testid="interview-criterion-add"
          >
            {t('interviews.addCriterion')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}

/**
 * 面试评分: criteria rated 1–5, notes and the outcome, recorded on the application's history; a
 * person may move the application to offer or rejected in the same step.
 */
export function ScorecardButton({ interview }: { interview: TInterview }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useInterviewErrorText();
  const record = useRecordOutcome();
  const [isOpen, setIsOpen] = useState(false);
  const initialValues = useInitialValues(interview);
  const details = validationDetails(record.error);

  const onFinish = ({ criteria, notes, outcome, moveTo }: TScorecardValues) =>
    record.mutate(
      {
        bookingId: interview.bookingId,
        body: {
          outcome,
          scorecard: { criteria: criteria.map((criterion) => ({ name: criterion.name?.trim() ?? '', score: criterion.score ?? 0 })), notes: notes?.trim() ?? '' },
          ...(moveTo === 'none' ? {} : { moveTo }),
        },
      },
      {
        onSuccess: () => {
          setIsOpen(false);
          void message.success(t('interviews.outcomeRecorded', { outcome: t(`interviews.outcomes.${outcome}`) }));
        },
        onError: (error) => void message.error(errorText(error)),
      },
    );

  return (
    <>
      <Button size="small" type={interview.outcome ? 'default' : 'primary'} icon={<FormOutlined />} onClick={() => setIsOpen(true)} data-testid="interview-scorecard">
        {interview.outcome ? t('interviews.editScorecard') : t('interviews.scorecard')}
      </Button>
      <Modal
        open={isOpen}
        title={t('interviews.scorecardTitle', { name: interview.graduateName, job: interview.jobTitle })}
        footer={null}
        onCancel={() => setIsOpen(false)}
        width={640}
        destroyOnHidden
      >
        <Form<TScorecardValues> layout="vertical" initialValues={initialValues} onFinish={onFinish} data-testid="interview-scorecard-form">
          <Typography.Paragraph type="secondary">{t('interviews.scorecardHint')}</Typography.Paragraph>
          <Form.Item label={t('interviews.criteria')} required>
            <CriteriaRows />
          </Form.Item>
          <Form.Item name="notes" label={t('interviews.notes')} rules={[{ max: NOTES_MAX, message: t('validation.tooLong') }]}>
            <Input.TextArea rows={4} maxLength={NOTES_MAX} showCount data-testid="interview-notes" />
          </Form.Item>
          <Form.Item name="outcome" label={t('interviews.outcome')} rules={[{ required: true, message: t('interviews.outcomeRequired') }]}>
            <Radio.Group optionType="button" buttonStyle="solid">
              {INTERVIEW_OUTCOMES.map((outcome) => (
                <Radio.Button key={outcome} value={outcome}>
                  <span data-testid={`interview-outcome-${outcome}`}>{t(`interviews.outcomes.${outcome}`)}</span>
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item name="moveTo" label={t('interviews.moveTo')} extra={t('interviews.moveToHint')}>
            <Radio.Group>
              {(['none', 'offer', 'rejected'] as const).map((choice) => (
                <Radio key={choice} value={choice}>
                  <span data-testid={`interview-move-${choice}`}>{choice === 'none' ? t('interviews.moveNone') : t(`applications.statuses.${choice}`)}</span>
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          {details.length > 0 && <Alert type="error" showIcon title={errorText(record.error)} description={details.join('\n')} style={{ marginBottom: 16, whiteSpace: 'pre-wrap' }} />}
          <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="interview-outcome-submit">
            {t('interviews.recordOutcome')}
          </Button>
        </Form>
      </Modal>
    </>
  );
}
