import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TApplicationDetail } from '@yunpin/shared';
import { formatDateTime } from '../../lib/format';
import { useApplicationStatusText } from './ApplicationStatusTag';

type TEvent = TApplicationDetail['history'][number];

/** Every move of an application, oldest first, with who made it and their note. */
export function ApplicationHistory({ history }: { history: readonly TEvent[] }) {
  const { t } = useTranslation();
  const statusText = useApplicationStatusText();
  if (history.length === 0) return <Typography.Text type="secondary">{t('applications.noHistory')}</Typography.Text>;
  return (
    <Timeline
      data-testid="application-history"
      items={history.map((event, index) => ({
        key: index,
        title: formatDateTime(event.at),
        content: (
          <>
            <Typography.Text strong>
              {event.fromStatus && event.fromStatus !== event.toStatus
                ? `${statusText(event.fromStatus)} → ${statusText(event.toStatus)}`
                : statusText(event.toStatus)}
            </Typography.Text>
            {event.actorName && <Typography.Text type="secondary"> · {event.actorName}</Typography.Text>}
            {event.note && <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{event.note}</Typography.Paragraph>}
          </>
        ),
      }))}
    />
  );
}
