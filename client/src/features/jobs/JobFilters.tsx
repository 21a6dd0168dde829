import { useState } from 'react';
import { Button, Flex, Input, Select, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useRegions } from '../district/district-api';
import { TownSelect } from '../district/TownSelect';
import { useDegreeOptions } from '../graduate/options';
import { SALARY_FLOORS, type TJobFilters } from './job-filters';

interface TJobFiltersProps {
  value: TJobFilters;
  onChange: (filters: TJobFilters) => void;
}

/** Words in Chinese or English, the town or region, the degree asked for and a salary floor. */
export function JobFilters({ value, onChange }: TJobFiltersProps) {
  const { t, i18n } = useTranslation();
  const regions = useRegions();
  const degreeOptions = useDegreeOptions();
  const format = new Intl.NumberFormat(i18n.language === 'en' ? 'en' : 'zh-CN');
  const regionOptions = (regions.data ?? []).map((region) => ({ value: region.id, label: region.name }));
  const [text, setText] = useState(value.q ?? '');
  const search = (q: string) => onChange({ ...value, q: q.trim() || undefined });
  const salaryOptions = SALARY_FLOORS.map((amount) => ({ value: amount, label: t('jobs.salaryAtLeast', { amount: format.format(amount) }) }));
  return (
    <Flex gap={12} wrap>
      <Space.Compact style={{ width: 360 }}>
        <Input
          allowClear
          value={text}
          placeholder={t('jobs.searchPlaceholder')}
          aria-label={t('jobs.searchPlaceholder')}
          onChange={(event) => {
            setText(event.target.value);
            /** The clear button empties the box and shows every job again. */
            if (event.type !== 'change') search('');
          }}
          onPressEnter={() => search(text)}
          data-testid="job-search-input"
        />
        <Button type="primary" icon={<SearchOutlined />} aria-label={t('jobs.search')} onClick={() => search(text)} data-testid="job-search-submit" />
      </Space.Compact>
      <Select
        allowClear
        value={value.regionId}
        options={regionOptions}
        loading={regions.isPending}
        placeholder={t('jobs.region')}
        aria-label={t('jobs.region')}
        style={{ width: 150 }}
        onChange={(regionId) => onChange({ ...value, regionId })}
        data-testid="job-filter-region"
      />
      <TownSelect
        allowClear
        value={value.townId}
        placeholder={t('jobs.town')}
        aria-label={t('jobs.town')}
        style={{ width: 160 }}
        onChange={(townId) => onChange({ ...value, townId })}
        data-testid="job-filter-town"
      />
      <Select
        allowClear
        value={value.degree}
        options={degreeOptions}
        placeholder={t('jobs.degree')}
        aria-label={t('jobs.degree')}
        style={{ width: 120 }}
        onChange={(degree) => onChange({ ...value, degree })}
        data-testid="job-filter-degree"
      />
      <Select
        allowClear
        value={value.salaryMin}
        options={salaryOptions}
        placeholder={t('jobs.salaryFilter')}
        aria-label={t('jobs.salaryFilter')}
        style={{ width: 160 }}
        onChange={(salaryMin) => onChange({ ...value, salaryMin })}
        data-testid="job-filter-salary"
      />
    </Flex>
  );
}
