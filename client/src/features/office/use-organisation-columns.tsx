import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TOrganisation } from '@yunpin/shared';
import { useCurrentUser } from '../../app/current-user';
import { formatDate } from '../../lib/format';
import { canOfferVerification } from '../../lib/permissions';
import { useTownNames } from '../district/district-api';
import { VerifiedTag } from '../employer/VerifiedTag';
import { VerificationAction } from './VerificationAction';

export function useOrganisationColumns(): TableColumnsType<TOrganisation> {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const townNames = useTownNames();
  const empty = t('common.empty');
  const columns: TableColumnsType<TOrganisation> = [
    { key: 'name', title: t('employer.name'), dataIndex: 'name' },
    { key: 'town', title: t('employer.town'), render: (_, row) => townNames.get(row.townId) ?? empty },
    { key: 'creditCode', title: t('employer.creditCode'), render: (_, row) => row.creditCode ?? empty },
    { key: 'industry', title: t('employer.industry'), render: (_, row) => row.industry ?? empty },
    { key: 'verified', title: t('office.verificationFilter'), render: (_, row) => <VerifiedTag isVerified={row.isVerified} /> },
    { key: 'createdAt', title: t('employer.createdAt'), render: (_, row) => formatDate(row.createdAt) },
  ];
  if (!canOfferVerification(user)) return columns;
  return [
    ...columns,
    { key: 'actions', title: t('office.actions'), render: (_, row) => <VerificationAction organisation={row} /> },
  ];
}
