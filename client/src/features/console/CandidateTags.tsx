import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TStaffQueue } from '@yunpin/shared';

type TEntry = TStaffQueue['entries'][number];

/** Held, called, missed once, and a neutral priority mark (which lane is never shown). */
export function CandidateTags({ entry }: { entry: TEntry }) {
  const { t } = useTranslation();
  return (
    <>
      {entry.isPriority && <Tag data-testid="candidate-priority">{t('console.priority')}</Tag>}
      {entry.isCalled && <Tag color="processing">{t('console.called')}</Tag>}
      {entry.isHeld && <Tag color="gold">{t('console.held')}</Tag>}
      {entry.hasMissedOnce && <Tag color="orange">{t('console.missedOnce')}</Tag>}
    </>
  );
}
