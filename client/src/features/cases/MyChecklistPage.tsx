import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/current-user';
import { PageLoading } from '../../app/ui/PageLoading';
import { QueryError } from '../../app/ui/QueryError';
import { ChecklistCard } from './CaseFilePage';
import { useCaseFile, useCaseMutations } from './cases-api';

function MyChecklist({ profileId }: { profileId: string }) {
  const file = useCaseFile(profileId);
  const mutations = useCaseMutations(profileId);
  if (file.isError) return <QueryError error={file.error} onRetry={() => void file.refetch()} />;
  if (!file.data) return <PageLoading />;
  return <ChecklistCard file={file.data} mutations={mutations} />;
}

/** A graduate sees their own checklist progress, read-only; notes and services stay with the office. */
export function MyChecklistPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (!user.graduateProfileId) return <Alert type="info" showIcon title={t('graduate.noFile')} />;
  return <MyChecklist profileId={user.graduateProfileId} />;
}
