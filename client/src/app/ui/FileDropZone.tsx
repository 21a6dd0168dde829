import type { ReactNode } from 'react';
import { Flex, Progress, Typography, Upload } from 'antd';

interface TFileDropZoneProps {
  accept: string;
  disabled: boolean;
  /** The chosen file; nothing is sent by antd itself. */
  onFile: (file: File) => void;
  icon: ReactNode;
  text: string;
  hint: string;
  testId: string;
}

/** A click-or-drop area for one file, handed to `onFile` for the caller to upload its own way. */
export function FileDropZone({ accept, disabled, onFile, icon, text, hint, testId }: TFileDropZoneProps) {
  return (
    <Upload.Dragger
      accept={accept}
      multiple={false}
      showUploadList={false}
      disabled={disabled}
      beforeUpload={(file) => {
        onFile(file);
        return false;
      }}
      data-testid={testId}
    >
      <p className="ant-upload-drag-icon">{icon}</p>
      <p className="ant-upload-text">{text}</p>
      <p className="ant-upload-hint">{hint}</p>
    </Upload.Dragger>
  );
}

/** The share of a file sent so far, under a line naming it. */
export function UploadProgress({ label, percent, ariaLabel, testId }: { label: string; percent: number; ariaLabel: string; testId: string }) {
  return (
    <Flex vertical gap={4}>
      <Typography.Text>{label}</Typography.Text>
      <Progress percent={percent} status="active" data-testid={testId} aria-label={ariaLabel} />
    </Flex>
  );
}
