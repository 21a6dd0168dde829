import { Card, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TBoothMessage } from '@yunpin/shared';
import { PagedTable } from '../../app/ui/PagedTable';
import { formatShanghaiDateTime } from '../../lib/shanghai-time';
import { usePagedList, type TNoFilters } from '../../lib/use-paged-list';
import { BOOTH_MESSAGES_KEY } from './booth-messages-api';
import { BoothOrganisation, FairTitle } from './MessageContext';
import { ReplyText } from './ReplyText';

function useColumns(): TableColumnsType<TBoothMessage> {
  const { t } = useTranslation();
  return [
    { key: 'organisation', title: t('boothMessages.organisation'), render: (_, row) => <BoothOrganisation boothId={row.boothId} /> },
    { key: 'fair', title: t('boothMessages.fair'), render: (_, row) => <FairTitle fairId={row.fairId} /> },
    {
      key: 'body',
      title: t('boothMessages.body'),
      render: (_, row) => <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{row.body}</Typography.Text>,
    },
    { key: 'createdAt', title: t('boothMessages.sentAt'), render: (_, row) => formatShanghaiDateTime(row.createdAt) },
    { key: 'reply', title: t('boothMessages.replyColumn'), render: (_, row) => <ReplyText message={row} /> },
  ];
}

/** 我的留言: what the graduate left at booths nobody was staffing, and the employers' replies. */
export function MyBoothMessagesPage() {
  const { t } = useTranslation();
  const list = usePagedList<TBoothMessage, TNoFilters>([...BOOTH_MESSAGES_KEY, 'mine'], '/account/booth-messages', {});
  const columns = useColumns();
  return (
    <Card title={t('nav.boothMessages')}>
      <PagedTable list={list} columns={columns} />
    </Card>
  );
}
