import { Alert, Card, Checkbox, Flex, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TBoothMessage } from '@yunpin/shared';
import { useCurrentUser } from '../../app/current-user';
import { PagedTable } from '../../app/ui/PagedTable';
import { formatShanghaiDateTime } from '../../lib/shanghai-time';
import { usePagedList } from '../../lib/use-paged-list';
import { BOOTH_MESSAGES_KEY } from './booth-messages-api';
import { FairTitle } from './MessageContext';
import { ReplyButton } from './ReplyButton';
import { ReplyText } from './ReplyText';

type TInboxFilters = { unanswered?: 'true' };

function useInboxColumns(): TableColumnsType<TBoothMessage> {
  const { t } = useTranslation();
  return [
    { key: 'createdAt', title: t('boothMessages.sentAt'), render: (_, row) => formatShanghaiDateTime(row.createdAt) },
    { key: 'fair', title: t('boothMessages.fair'), render: (_, row) => <FairTitle fairId={row.fairId} /> },
    { key: 'graduate', title: t('boothMessages.graduate'), dataIndex: 'graduateName' },
    {
      key: 'body',
      title: t('boothMessages.body'),
      render: (_, row) => <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{row.body}</Typography.Text>,
    },
    { key: 'reply', title: t('boothMessages.replyColumn'), render: (_, row) => <ReplyText message={row} /> },
    { key: 'actions', title: t('office.actions'), render: (_, row) => row.reply === null && <ReplyButton message={row} /> },
  ];
}

function Inbox({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const list = usePagedList<TBoothMessage, TInboxFilters>(
    [...BOOTH_MESSAGES_KEY, 'inbox', organisationId],
    `/organisations/${encodeURIComponent(organisationId)}/inbox`,
    {},
  );
  const columns = useInboxColumns();
  return (
    <Card title={t('nav.inbox')}>
      <Flex vertical gap={16}>
        <Checkbox
          checked={list.filters.unanswered === 'true'}
          onChange={(event) => list.setFilters(event.target.checked ? { unanswered: 'true' } : {})}
          data-testid="inbox-unanswered"
        >
          {t('boothMessages.onlyUnanswered')}
        </Checkbox>
        <PagedTable list={list} columns={columns} />
      </Flex>
    </Card>
  );
}

/** 留言箱: messages graduates left at the organisation's booths, to answer here. */
export function InboxPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (!user.organisationId) return <Alert type="info" showIcon title={t('employer.noOrganisation')} />;
  return <Inbox organisationId={user.organisationId} />;
}
