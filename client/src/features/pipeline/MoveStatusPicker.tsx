import { Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TPipelineStatus } from '@yunpin/shared';

/** Where a recruiter may move applications to; 'new' is where they arrive. */
export const MOVE_TARGETS: readonly TPipelineStatus[] = ['screened', 'interview', 'offer', 'hired', 'rejected'];

interface TMoveStatusPickerProps {
  value?: TPipelineStatus;
  onChange?: (status: TPipelineStatus) => void;
  /** Prefix of each option's data-testid, followed by the status. */
  testIdPrefix: string;
  /** The status an application is in already, offered no more. */
  current?: string;
}

/** The pipeline statuses as buttons, for a form item. */
export function MoveStatusPicker({ value, onChange, testIdPrefix, current }: TMoveStatusPickerProps) {
  const { t } = useTranslation();
  return (
    <Radio.Group value={value} onChange={(event) => onChange?.(event.target.value as TPipelineStatus)} optionType="button" buttonStyle="solid">
      {MOVE_TARGETS.map((status) => (
        <Radio.Button key={status} value={status} disabled={status === current}>
          <span data-testid={`${testIdPrefix}-${status}`}>{t(`applications.statuses.${status}`)}</span>
        </Radio.Button>
      ))}
    </Radio.Group>
  );
}
