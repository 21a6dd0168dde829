import { useEffect, useRef, useState } from 'react';
import { Alert, Card, Flex, Progress, Typography } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { RESUME_MAX_BYTES, type TResume } from '@yunpin/shared';
import { FileDropZone, UploadProgress } from '../../app/ui/FileDropZone';
import { isApiError } from '../../lib/api-error';
import { useErrorText } from '../../lib/use-error-text';
import { useResume, useUploadResume } from './resumes-api';

const ACCEPT = '.pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const MAX_MB = Math.round(RESUME_MAX_BYTES / 1024 / 1024);
/** Refusals of the file itself, which the server explains in both languages. */
const FILE_ERROR_CODES = new Set([
  'payload_too_large',
  'unsupported_media_type',
  'file_type_mismatch',
  'unprocessable_file',
  'docx_invalid',
  'docx_zip_bomb',
  'zip_path_escape',
  'pdf_encrypted',
]);

type TUploadState =
  | { phase: 'idle' }
  | { phase: 'uploading'; filename: string; percent: number }
  | { phase: 'uploaded'; resumeId: string; created: boolean }
  | { phase: 'error'; message: string };

/** The parsing half of the progress: the workers' progress, polled until the resume is parsed or failed. */
function ParsingProgress({ resumeId, created }: { resumeId: string; created: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const resume = useResume(resumeId);
  if (resume.isError) return <Alert type="error" showIcon title={errorText(resume.error)} />;
  const data: TResume | undefined = resume.data;
  const status = data?.status ?? 'parsing';
  const percent = status === 'parsing' ? (data?.progress ?? 0) : 100;
  const caption = {
    parsing: t('resumes.parsingCaption'),
    parsed: t('resumes.parsedCaption'),
    confirmed: t('resumes.confirmedCaption'),
    failed: t('resumes.failedCaption'),
  }[status];
  return (
    <Flex vertical gap={4}>
      {!created && <Typography.Text type="secondary">{t('resumes.sameFile')}</Typography.Text>}
      <Typography.Text>{caption}</Typography.Text>
      <Progress
        percent={percent}
        status={status === 'failed' ? 'exception' : status === 'parsing' ? 'active' : 'success'}
        data-testid="resume-parse-progress"
        aria-label={t('resumes.parsingProgress')}
      />
      {status === 'failed' && data?.failureMessage && <Alert type="error" showIcon title={data.failureMessage} data-testid="resume-failure" />}
    </Flex>
  );
}

/**
 * 上传简历: PDF or DOCX up to 10 MB. One progress area shows the upload (bytes sent), then the
 * parsing (polled every 700 ms); its data-phase says which.
 */
export function ResumeUploadCard({ onUploaded }: { onUploaded: (resumeId: string) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const upload = useUploadResume();
  const [state, setState] = useState<TUploadState>({ phase: 'idle' });
  /** Leaving the page cancels an upload still under way. */
  const uploadAbort = useRef<AbortController | null>(null);
  useEffect(() => () => uploadAbort.current?.abort(), []);
  const uploadedId = state.phase === 'uploaded' ? state.resumeId : undefined;
  const parsed = useResume(uploadedId);
  const phase = state.phase === 'uploaded' ? (parsed.data?.status ?? 'parsing') : state.phase;

  const start = (file: File) => {
    if (file.size > RESUME_MAX_BYTES) {
      setState({ phase: 'error', message: t('resumes.tooLarge', { mb: MAX_MB }) });
      return;
    }
    setState({ phase: 'uploading', filename: file.name, percent: 0 });
    const controller = new AbortController();
    uploadAbort.current = controller;
    upload.mutate(
      { file, signal: controller.signal, onProgress: (percent) => setState((previous) => (previous.phase === 'uploading' ? { ...previous, percent } : previous)) },
      {
        onSuccess: ({ resume, created }) => {
          setState({ phase: 'uploaded', resumeId: resume.id, created });
          onUploaded(resume.id);
        },
        onError: (error) =>
          setState({ phase: 'error', message: isApiError(error) && FILE_ERROR_CODES.has(error.code) && error.message ? error.message : errorText(error) }),
      },
    );
  };

  return (
    <Card title={t('resumes.uploadTitle')}>
      <Flex vertical gap={16}>
        <FileDropZone
          accept={ACCEPT}
          disabled={state.phase === 'uploading'}
          onFile={start}
          icon={<InboxOutlined />}
          text={t('resumes.uploadText')}
          hint={t('resumes.uploadHint', { mb: MAX_MB })}
          testId="resume-upload-input"
        />
        {state.phase !== 'idle' && (
          <div data-testid="resume-progress" data-phase={phase}>
            {state.phase === 'uploading' && (
              <UploadProgress
                label={t('resumes.uploading', { filename: state.filename })}
                percent={state.percent}
                ariaLabel={t('resumes.uploadProgress')}
                testId="resume-upload-progress"
              />
            )}
            {state.phase === 'uploaded' && <ParsingProgress resumeId={state.resumeId} created={state.created} />}
            {state.phase === 'error' && <Alert type="error" showIcon title={state.message} data-testid="resume-upload-error" />}
          </div>
        )}
      </Flex>
    </Card>
  );
}
