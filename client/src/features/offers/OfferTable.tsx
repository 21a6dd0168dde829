import type { Key } from 'react';
import { Flex, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TOffer } from '@yunpin/shared';
import { ListTable } from '../../app/ui/ListTable';
import { formatShanghaiDateTime } from '../../lib/shanghai-time';
import { OfferStatusTag, useYuanText } from './offer-text';

interface TOfferTableProps {
  query: UseQueryResult<TOffer[]>;
  /** The detail page of an offer in this portal. */
  pathOf: (offerId: string) => string;
  /** The employer sees whom each offer is for; the graduate, from whom. */
  party: 'graduate' | 'organisation';
  emptyText: string;
  selection?: { keys: string[]; onChange: (keys: string[]) => void };
}

function rowAttributes(offer: TOffer): Record<string, string> {
  return { 'data-testid': 'offer-row', 'data-offer-id': offer.id, 'data-status': offer.status, 'data-application-id': offer.applicationId };
}

function useColumns(pathOf: (offerId: string) => string, party: TOfferTableProps['party']): TableColumnsType<TOffer> {
  const { t } = useTranslation();
  const yuanText = useYuanText();
  const empty = t('common.empty');
  return [
    {
      key: 'reference',
      title: t('offers.reference'),
      render: (_, offer) => (
        <Link to={pathOf(offer.id)} data-testid="offer-open">
          {offer.reference}
        </Link>
      ),
    },
    {
      key: 'position',
      title: t('offers.position'),
      render: (_, offer) => (
        <Flex vertical gap={2}>
          <Typography.Text>{offer.position}</Typography.Text>
          <Typography.Text type="secondary">{party === 'graduate' ? offer.graduateName : offer.organisationName}</Typography.Text>
        </Flex>
      ),
    },
    { key: 'salary', title: t('offers.salary'), render: (_, offer) => yuanText(offer.salaryMonthlyYuan) },
    { key: 'start', title: t('offers.startDate'), render: (_, offer) => offer.startDate },
    { key: 'status', title: t('offers.status'), render: (_, offer) => <OfferStatusTag status={offer.status} /> },
    { key: 'expires', title: t('offers.expiresAt'), render: (_, offer) => formatShanghaiDateTime(offer.expiresAt) },
    { key: 'sent', title: t('offers.sentAt'), render: (_, offer) => (offer.sentAt ? formatShanghaiDateTime(offer.sentAt) : empty) },
  ];
}

/** A list of offers, each linking to its page; the employer's may be selected for bulk actions. */
export function OfferTable({ query, pathOf, party, emptyText, selection }: TOfferTableProps) {
  const columns = useColumns(pathOf, party);
  return (
    <ListTable
      query={query}
      columns={columns}
      rowKey="id"
      emptyText={emptyText}
      testId="offer-table"
      onRow={rowAttributes}
      rowSelection={selection && { selectedRowKeys: selection.keys, preserveSelectedRowKeys: true, onChange: (keys: Key[]) => selection.onChange(keys.map(String)) }}
    />
  );
}
