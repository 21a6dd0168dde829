import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TResumeStatus } from '@yunpin/shared';

const COLOURS: Record<TResumeStatus, string> = {
  parsing: 'processing',
  parsed: 'warning',
  confirmed: 'success',
  failed: 'error',
};

const KNOWN_WARNINGS = ['pdf_javascript_ignored', 'no_text_layer', 'text_truncated'] as const;
type TKnownWarning = (typeof KNOWN_WARNINGS)[number];

function isKnownWarning(code: string): code is TKnownWarning {
  return KNOWN_WARNINGS.some((known) => known === code);
}

export function ResumeStatusTag({ status }: { status: TResumeStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[status]} data-testid="resume-status" data-status={status}>
      {t(`resumes.statuses.${status}`)}
    </Tag>
  );
}

/** What the parser noticed about a file, in words; unknown codes are shown as they are. */
export function useWarningText(): (code: string) => string {
  const { t } = useTranslation();
  return (code) => (isKnownWarning(code) ? t(`resumes.warnings.${code}`) : code);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
