import { Alert, Card, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { OfferTable } from './OfferTable';
import { graduateOfferPath, useMyOffers } from './offers-api';

/** 我的录用通知: offers sent to the graduate; each opens the letter to read, accept and sign, or decline. */
export function MyOffersPage() {
  const { t } = useTranslation();
  const offers = useMyOffers();
  return (
    <Card title={t('nav.myOffers')}>
      <Flex vertical gap={12}>
        <Alert type="info" showIcon title={t('offers.graduateHint')} />
        <OfferTable query={offers} pathOf={graduateOfferPath} party="organisation" emptyText={t('offers.noMyOffers')} />
      </Flex>
    </Card>
  );
}
