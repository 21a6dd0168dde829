import { Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/current-user';
import { townScope } from '../../lib/permissions';
import { TownSelect } from '../district/TownSelect';
import { useEmploymentStatusOptions } from '../graduate/options';
import type { TGraduateFilters } from './graduate-filters';

interface TGraduateFiltersProps {
  value: TGraduateFilters;
  onChange: (filters: TGraduateFilters) => void;
}

export function GraduateFilters({ value, onChange }: TGraduateFiltersProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const statusOptions = useEmploymentStatusOptions();
  return (
    <Flex gap={12} wrap>
      <Input.Search
        allowClear
        defaultValue={value.q}
        placeholder={t('office.searchPlaceholder')}
        aria-label={t('office.searchPlaceholder')}
        style={{ width: 260 }}
        onSearch={(q) => onChange({ ...value, q: q.trim() || undefined })}
      />
      <TownSelect
        allowClear
        value={value.townId}
        onlyTownIds={townScope(user)}
        placeholder={t('office.townFilter')}
        aria-label={t('office.townFilter')}
        style={{ width: 180 }}
        onChange={(townId) => onChange({ ...value, townId })}
      />
      <Select
        allowClear
        value={value.employmentStatus}
        options={statusOptions}
        placeholder={t('office.statusFilter')}
        aria-label={t('office.statusFilter')}
        style={{ width: 160 }}
        onChange={(employmentStatus) => onChange({ ...value, employmentStatus })}
      />
    </Flex>
  );
}
