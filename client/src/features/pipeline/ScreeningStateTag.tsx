import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TApplication } from '@yunpin/shared';

/** Whether the application is scored against the current requirements, waiting for the workers, or for a resume. */
export function ScreeningStateTag({ application }: { application: TApplication }) {
  const { t } = useTranslation();
  const { screeningState, screening } = application;
  if (screeningState === 'waiting_resume') return <Tag data-testid="screening-state" data-state="waiting_resume">{t('pipeline.states.waiting_resume')}</Tag>;
  if (screeningState === 'queued') {
    return (
      <Tag color="processing" data-testid="screening-state" data-state="queued">
        {screening ? t('pipeline.states.rescoring') : t('pipeline.states.queued')}
      </Tag>
    );
  }
  return (
    <Tag color="success" data-testid="screening-state" data-state="done">
      {t('pipeline.states.done')}
    </Tag>
  );
}
