import { useTranslation } from 'react-i18next';
import type { TGraduateProfile } from '@yunpin/shared';
import { downloadCsv, toCsv } from '../../lib/csv';
import { fetchAllPages } from '../../lib/fetch-all-pages';
import { fileStamp, formatDateTime } from '../../lib/format';
import { useTownNames } from '../district/district-api';
import type { TGraduateFilters } from './graduate-filters';

/** Exports every graduate file matching the filters as a CSV download. */
export function useGraduateExport(filters: TGraduateFilters): () => Promise<number> {
  const { t } = useTranslation();
  const townNames = useTownNames();

  return async () => {
    const items = await fetchAllPages<TGraduateProfile>('/graduates', filters);
    const withHardship = items.some((item) => item.isHardship !== undefined);
    const header = [
      t('graduate.name'),
      t('graduate.phone'),
      t('graduate.email'),
      t('graduate.school'),
      t('graduate.major'),
      t('graduate.degree'),
      t('graduate.graduationYear'),
      t('graduate.hukouTown'),
      t('graduate.employmentStatus'),
      ...(withHardship ? [t('graduate.hardship')] : []),
      t('graduate.updatedAt'),
    ];
    const rows = items.map((item) => [
      item.name,
      item.phone ?? '',
      item.email ?? '',
      item.school ?? '',
      item.major ?? '',
      item.degree ? t(`degrees.${item.degree}`) : '',
      item.graduationYear === null ? '' : String(item.graduationYear),
      item.hukouTownId ? (townNames.get(item.hukouTownId) ?? '') : '',
      t(`employmentStatuses.${item.employmentStatus}`),
      ...(withHardship ? [item.isHardship ? t('common.yes') : t('common.no')] : []),
      formatDateTime(item.updatedAt),
    ]);
    downloadCsv(`${t('nav.graduates')}-${fileStamp()}.csv`, toCsv([header, ...rows]));
    return items.length;
  };
}
