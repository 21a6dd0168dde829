import { DatePicker, Flex, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { shanghaiDayBounds, toPickerValue } from '../../lib/shanghai-time';
import { useRegions } from '../district/district-api';
import { TownSelect } from '../district/TownSelect';
import type { TFairFilters } from './fair-filters';
import { useFairLevelOptions, useFairStatusOptions } from './options';

interface TFairFiltersProps {
  value: TFairFilters;
  onChange: (filters: TFairFilters) => void;
  /** The calendar picks its own month, so it hides the date range. */
  withDates?: boolean;
  /** Only organisers see drafts. */
  withDrafts?: boolean;
}

export function FairFilters({ value, onChange, withDates = true, withDrafts = false }: TFairFiltersProps) {
  const { t } = useTranslation();
  const regions = useRegions();
  const levelOptions = useFairLevelOptions();
  const statusOptions = useFairStatusOptions().filter((option) => withDrafts || option.value !== 'draft');
  const regionOptions = (regions.data ?? []).map((region) => ({ value: region.id, label: region.name }));
  const dates: [Dayjs, Dayjs] | null = value.from && value.to ? [toPickerValue(value.from), toPickerValue(value.to)] : null;

  return (
    <Flex gap={12} wrap>
      <Select
        allowClear
        value={value.level}
        options={levelOptions}
        placeholder={t('fairs.filters.level')}
        aria-label={t('fairs.filters.level')}
        style={{ width: 120 }}
        onChange={(level) => onChange({ ...value, level })}
        data-testid="fair-filter-level"
      />
      <Select
        allowClear
        value={value.regionId}
        options={regionOptions}
        loading={regions.isPending}
        placeholder={t('fairs.filters.region')}
        aria-label={t('fairs.filters.region')}
        style={{ width: 150 }}
        onChange={(regionId) => onChange({ ...value, regionId })}
      />
      <TownSelect
        allowClear
        value={value.townId}
        placeholder={t('fairs.filters.town')}
        aria-label={t('fairs.filters.town')}
        style={{ width: 160 }}
        onChange={(townId) => onChange({ ...value, townId })}
      />
      {withDates && (
        <DatePicker.RangePicker
          value={dates}
          placeholder={[t('fairs.filters.from'), t('fairs.filters.to')]}
          aria-label={t('fairs.filters.dates')}
          onChange={(range) => {
            const [from, to] = range ?? [];
            onChange({ ...value, ...(from && to ? shanghaiDayBounds(from, to) : { from: undefined, to: undefined }) });
          }}
        />
      )}
      <Select
        allowClear
        value={value.status}
        options={statusOptions}
        placeholder={t('fairs.filters.status')}
        aria-label={t('fairs.filters.status')}
        style={{ width: 120 }}
        onChange={(status) => onChange({ ...value, status })}
        data-testid="fair-filter-status"
      />
      <Input.Search
        allowClear
        defaultValue={value.industry}
        placeholder={t('fairs.filters.industry')}
        aria-label={t('fairs.filters.industry')}
        style={{ width: 200 }}
        onSearch={(industry) => onChange({ ...value, industry: industry.trim() || undefined })}
      />
    </Flex>
  );
}
