import { useState } from 'react';
import { Alert, Button, Card, Flex, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { OFFER_STATUSES, type TOfferStatus } from '@yunpin/shared';
import { ServerCsvButton } from '../jobs/ServerCsvButton';
import { BulkOfferButtons } from './BulkOfferButtons';
import { isOfferStatus } from './offer-text';
import { OfferTable } from './OfferTable';
import { employerOfferPath, offersCsvPath, useOffers } from './offers-api';

/**
 * 录用通知: the employer's offers by status, with bulk send and revoke, CSV export and each
 * offer's page. New offers start from an application in the pipeline.
 */
export function OffersPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<TOfferStatus | undefined>(undefined);
  const [selected, setSelected] = useState<string[]>([]);
  const offers = useOffers(status);
  const statusOptions = [
    { value: 'all', label: t('offers.allStatuses') },
    ...OFFER_STATUSES.map((value) => ({ value, label: t(`offers.statuses.${value}`) })),
  ];
  const onDone = (done: string[]) => setSelected((previous) => previous.filter((id) => !done.includes(id)));
  return (
    <Card title={t('nav.offers')} extra={<ServerCsvButton path={offersCsvPath(status)} name={t('offers.exportName')} testId="offer-export" />}>
      <Flex vertical gap={12}>
        <Alert type="info" showIcon title={t('offers.employerHint')} />
        <Flex gap={12} wrap align="center" justify="space-between">
          <Select
            value={status ?? 'all'}
            options={statusOptions}
            style={{ width: 160 }}
            aria-label={t('offers.status')}
            onChange={(value: string) => {
              setSelected([]);
              setStatus(isOfferStatus(value) ? value : undefined);
            }}
            data-testid="offer-status-filter"
          />
          <Flex gap={8} wrap align="center">
            <Typography.Text type="secondary" data-testid="offer-selected-count">
              {t('offers.selected', { count: selected.length })}
            </Typography.Text>
            {selected.length > 0 && (
              <Button size="small" type="link" onClick={() => setSelected([])}>
                {t('pipeline.clearSelection')}
              </Button>
            )}
            <BulkOfferButtons ids={selected} offers={offers.data ?? []} onDone={onDone} />
          </Flex>
        </Flex>
        <OfferTable query={offers} pathOf={employerOfferPath} party="graduate" emptyText={t('offers.noOffers')} selection={{ keys: selected, onChange: setSelected }} />
      </Flex>
    </Card>
  );
}
