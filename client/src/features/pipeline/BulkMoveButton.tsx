import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal } from 'antd';
import { SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TPipelineStatus } from '@yunpin/shared';
import { SkippedTable } from '../../app/ui/SkippedTable';
import { useErrorText } from '../../lib/use-error-text';
import { useBulkMoveApplications, type TBulkMoveResult } from '../applications/applications-api';
import { MoveStatusPicker } from './MoveStatusPicker';
import { useSkipReasonText } from './skip-reasons';

const NOTE_MAX = 1000;

interface TBulkMoveValues {
  status: TPipelineStatus;
  note?: string;
}

interface TBulkMoveButtonProps {
  ids: string[];
  /** Names of the selected applicants, for the list of those not moved. */
  names: ReadonlyMap<string, string>;
  /** Called with the ids that moved. */
  onMoved: (moved: string[]) => void;
}

function MoveSkippedTable({ result, names }: { result: TBulkMoveResult; names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const reasonText = useSkipReasonText();
  return (
    <SkippedTable
      skipped={result.skipped}
      nameTitle={t('pipeline.applicant')}
      nameOf={(id) => names.get(id)}
      reasonTitle={t('pipeline.skippedReason')}
      reasonText={reasonText}
      testId="bulk-skipped"
    />
  );
}

/** 批量移动: moves the selected applications to one status with one note; those that cannot move are listed with why. */
export function BulkMoveButton({ ids, names, onMoved }: TBulkMoveButtonProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const bulkMove = useBulkMoveApplications();
  const [isOpen, setIsOpen] = useState(false);
  const [result, setResult] = useState<TBulkMoveResult | null>(null);

  const close = () => {
    setIsOpen(false);
    setResult(null);
  };
  const onFinish = ({ status, note }: TBulkMoveValues) =>
    bulkMove.mutate(
      { ids, status, note: note?.trim() ?? '' },
      {
        onSuccess: (outcome) => {
          onMoved(outcome.moved);
          if (outcome.skipped.length === 0) {
            void message.success(t('pipeline.bulkMoved', { count: outcome.moved.length }));
            close();
          } else {
            setResult(outcome);
          }
        },
        onError: (error) => void message.error(errorText(error)),
      },
    );

  return (
    <>
      <Button type="primary" icon={<SwapOutlined />} disabled={ids.length === 0} onClick={() => setIsOpen(true)} data-testid="pipeline-bulk-move">
        {t('pipeline.bulkMove', { count: ids.length })}
      </Button>
      <Modal open={isOpen} title={t('pipeline.bulkMoveTitle', { count: ids.length })} footer={null} onCancel={close} width={600} destroyOnHidden>
        {result ? (
          <>
            <Alert
              type="warning"
              showIcon
              title={t('pipeline.bulkResult', { moved: result.moved.length, skipped: result.skipped.length })}
              style={{ marginBottom: 16 }}
              data-testid="bulk-result"
            />
            <MoveSkippedTable result={result} names={names} />
            <Button style={{ marginTop: 16 }} onClick={close} data-testid="bulk-result-close">
              {t('common.confirm')}
            </Button>
          </>
        ) : (
          <Form<TBulkMoveValues> layout="vertical" onFinish={onFinish}>
            <Form.Item name="status" label={t('pipeline.moveTo')} rules={[{ required: true, message: t('pipeline.chooseStatus') }]}>
              <MoveStatusPicker testIdPrefix="pipeline-bulk-status" />
            </Form.Item>
            <Form.Item name="note" label={t('pipeline.note')} rules={[{ max: NOTE_MAX, message: t('validation.tooLong') }]}>
              <Input.TextArea rows={3} maxLength={NOTE_MAX} showCount placeholder={t('pipeline.notePlaceholder')} data-testid="pipeline-bulk-note" />
            </Form.Item>
            <Alert type="info" showIcon title={t('pipeline.decisionHint')} style={{ marginBottom: 16 }} />
            <Button type="primary" htmlType="submit" loading={bulkMove.isPending} data-testid="pipeline-bulk-submit">
              {t('pipeline.move')}
            </Button>
          </Form>
        )}
      </Modal>
    </>
  );
}
