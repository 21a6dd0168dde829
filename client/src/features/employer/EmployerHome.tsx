import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/current-user';
import { PageLoading } from '../../app/ui/PageLoading';
import { QueryError } from '../../app/ui/QueryError';
import { OrganisationCard } from './OrganisationCard';
import { useOrganisation } from './organisation-api';

function OwnOrganisation({ organisationId }: { organisationId: string }) {
  const organisation = useOrganisation(organisationId);
  if (organisation.isPending) return <PageLoading />;
  if (organisation.isError) return <QueryError error={organisation.error} onRetry={() => void organisation.refetch()} />;
  return <OrganisationCard organisation={organisation.data} />;
}

export function EmployerHome() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (!user.organisationId) return <Alert type="info" showIcon title={t('employer.noOrganisation')} />;
  return <OwnOrganisation organisationId={user.organisationId} />;
}
