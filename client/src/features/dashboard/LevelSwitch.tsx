import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { downloadCsv, toCsv } from '../../lib/csv';
import { fileStamp } from '../../lib/format';

export type TLevel = 'regions' | 'towns';

/** Chooses whether a chart and its table show regions or towns. */
export function LevelSwitch({ value, onChange, testId }: { value: TLevel; onChange: (level: TLevel) => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Segmented<TLevel>
      value={value}
      onChange={onChange}
      options={[
        { value: 'regions', label: t('dashboard.level.regions') },
        { value: 'towns', label: t('dashboard.level.towns') },
      ]}
      data-testid={testId}
    />
  );
}

/** Downloads a table the page already shows as CSV (named with a timestamp); resolves to its number of rows. */
export async function saveTableCsv(name: string, header: string[], body: string[][]): Promise<number> {
  downloadCsv(`${name}-${fileStamp()}.csv`, toCsv([header, ...body]));
  return body.length;
}
