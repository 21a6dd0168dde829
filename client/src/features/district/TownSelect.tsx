import { Select, type SelectProps } from 'antd';
import { useTowns } from './district-api';

type TTownSelectProps = Omit<SelectProps<string>, 'options' | 'loading' | 'showSearch'> & {
  /** Offer only these towns (an office user's own); all towns when absent. */
  onlyTownIds?: readonly string[] | null;
};

/** A searchable select of the district's towns, filled from /api/v1/towns. */
export function TownSelect({ onlyTownIds, ...props }: TTownSelectProps) {
  const towns = useTowns();
  const options = (towns.data ?? [])
    .filter((town) => !onlyTownIds || onlyTownIds.includes(town.id))
    .map((town) => ({ value: town.id, label: town.name }));
  return <Select<string> {...props} options={options} loading={towns.isPending} showSearch={{ optionFilterProp: 'label' }} />;
}
