import { useTranslation } from 'react-i18next';
import type { TOrganisation } from '@yunpin/shared';
import { downloadCsv, toCsv } from '../../lib/csv';
import { fetchAllPages } from '../../lib/fetch-all-pages';
import { fileStamp, formatDate } from '../../lib/format';
import { useTownNames } from '../district/district-api';
import type { TOrganisationFilters } from './organisation-filters';

/** Exports every organisation matching the filters as a CSV download. */
export function useOrganisationExport(filters: TOrganisationFilters): () => Promise<number> {
  const { t } = useTranslation();
  const townNames = useTownNames();

  return async () => {
    const items = await fetchAllPages<TOrganisation>('/organisations', filters);
    const header = [
      t('employer.name'),
      t('employer.creditCode'),
      t('employer.industry'),
      t('employer.town'),
      t('office.verificationFilter'),
      t('employer.createdAt'),
    ];
    const rows = items.map((item) => [
      item.name,
      item.creditCode ?? '',
      item.industry ?? '',
      townNames.get(item.townId) ?? '',
      item.isVerified ? t('employer.verified') : t('employer.unverified'),
      formatDate(item.createdAt),
    ]);
    downloadCsv(`${t('nav.organisations')}-${fileStamp()}.csv`, toCsv([header, ...rows]));
    return items.length;
  };
}
