import { useTranslation } from 'react-i18next';
import { isApplicationStatus } from '../applications/ApplicationStatusTag';

/** The server's reasons for not moving an application, in the interface language; unknown ones as written. */
export function useSkipReasonText(): (reason: string) => string {
  const { t } = useTranslation();
  return (reason) => {
    if (reason === 'not found') return t('pipeline.skipped.notFound');
    if (reason === 'withdrawn by the graduate') return t('pipeline.skipped.withdrawn');
    const already = /^already (\w+)$/.exec(reason)?.[1];
    if (already && isApplicationStatus(already)) return t('pipeline.skipped.already', { status: t(`applications.statuses.${already}`) });
    return reason;
  };
}
