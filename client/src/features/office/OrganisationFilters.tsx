import { Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { TownSelect } from '../district/TownSelect';
import type { TOrganisationFilters } from './organisation-filters';

interface TOrganisationFiltersProps {
  value: TOrganisationFilters;
  onChange: (filters: TOrganisationFilters) => void;
}

export function OrganisationFilters({ value, onChange }: TOrganisationFiltersProps) {
  const { t } = useTranslation();
  const verificationOptions = [
    { value: 'true' as const, label: t('employer.verified') },
    { value: 'false' as const, label: t('employer.unverified') },
  ];
  return (
    <Flex gap={12} wrap>
      <Input.Search
        allowClear
        defaultValue={value.q}
        placeholder={t('office.orgSearchPlaceholder')}
        aria-label={t('office.orgSearchPlaceholder')}
        style={{ width: 260 }}
        onSearch={(q) => onChange({ ...value, q: q.trim() || undefined })}
      />
      <TownSelect
        allowClear
        value={value.townId}
        placeholder={t('office.townFilter')}
        aria-label={t('office.townFilter')}
        style={{ width: 180 }}
        onChange={(townId) => onChange({ ...value, townId })}
      />
      <Select
        allowClear
        value={value.isVerified}
        options={verificationOptions}
        placeholder={t('office.verificationFilter')}
        aria-label={t('office.verificationFilter')}
        style={{ width: 160 }}
        onChange={(isVerified) => onChange({ ...value, isVerified })}
      />
    </Flex>
  );
}
