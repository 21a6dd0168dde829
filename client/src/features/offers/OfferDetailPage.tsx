import { Button, Card, Col, Flex, Row, Typography } from 'antd';
import { ArrowLeftOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TOfferDetail } from '@yunpin/shared';
import { useCurrentUser } from '../../app/current-user';
import { portalOf } from '../../app/portals';
import { PageLoading } from '../../app/ui/PageLoading';
import { QueryError } from '../../app/ui/QueryError';
import { useRouteParam } from '../../lib/use-route-param';
import { VerificationReport } from '../verify/VerificationReport';
import { OfferActions } from './OfferActions';
import { OfferDocument } from './OfferDocument';
import { ExpiryCountdown, OfferProgress } from './OfferProgress';
import { OfferTerms } from './OfferTerms';
import { OfferSignatures, OfferTrail } from './OfferTrail';
import { OfferStatusTag } from './offer-text';
import { useOffer, useOfferVerification } from './offers-api';

/** 验证结果: the newest document checked as the public page would, plus the offer's audit chain. */
function OfferVerification({ offer }: { offer: TOfferDetail }) {
  const { t } = useTranslation();
  const verification = useOfferVerification(offer.id, offer.latestSha256);
  return (
    <Card
      title={t('offers.verification')}
      extra={
        <Link to="/verify" target="_blank">
          <Button type="link" icon={<SafetyCertificateOutlined />}>
            {t('verify.title')}
          </Button>
        </Link>
      }
      data-testid="offer-verification"
    >
      {verification.isPending ? (
        <PageLoading />
      ) : verification.isError ? (
        <QueryError error={verification.error} onRetry={() => void verification.refetch()} />
      ) : (
        <VerificationReport report={verification.data} />
      )}
    </Card>
  );
}

function OfferDetail({ offer }: { offer: TOfferDetail }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const listPath = portalOf(user.role) === 'graduate' ? '/graduate/offers' : '/employer/offers';
  const isWaitingForGraduate = offer.status === 'sent';
  return (
    <Flex vertical gap={16} data-testid="offer-detail" data-status={offer.status} data-offer-id={offer.id}>
      <Card
        title={
          <Flex align="center" gap={8} wrap>
            <Link to={listPath}>
              <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('offers.backToList')} />
            </Link>
            <span data-testid="offer-reference">{offer.reference}</span>
            <OfferStatusTag status={offer.status} />
          </Flex>
        }
        extra={<OfferActions offer={offer} />}
      >
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{t('offers.summary', { position: offer.position, organisation: offer.organisationName, name: offer.graduateName })}</Typography.Text>
          {isWaitingForGraduate && <ExpiryCountdown expiresAt={offer.expiresAt} />}
          <OfferProgress offer={offer} />
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <OfferDocument offer={offer} />
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            <Card title={t('offers.terms')}>
              <OfferTerms offer={offer} />
            </Card>
            <Card title={t('offers.signatures')}>
              <OfferSignatures offer={offer} />
            </Card>
          </Flex>
        </Col>
      </Row>
      {offer.signatures.length > 0 && <OfferVerification offer={offer} />}
      <OfferTrail offer={offer} />
    </Flex>
  );
}

/**
 * 录用通知详情, for the employer and the graduate alike: the letter, its terms and progress, what the
 * viewer may do now (edit, send, revoke, countersign; accept or decline), the versions with their
 * SHA-256, the hash-chained events and, once signed, the verification.
 */
export function OfferDetailPage() {
  const offerId = useRouteParam('offerId');
  const offer = useOffer(offerId);
  if (offer.isPending) return <PageLoading />;
  if (offer.isError) return <QueryError error={offer.error} onRetry={() => void offer.refetch()} />;
  return <OfferDetail offer={offer.data} />;
}
