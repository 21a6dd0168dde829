import { Button, Card, Flex, Typography } from 'antd';
import { DownloadOutlined, ExportOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TOffer, TOfferDetail } from '@yunpin/shared';
import { documentUrl, previewUrl } from './offers-api';

const VIEWER_HEIGHT = 760;

/** 下载 PDF: the newest stored version (the signed and sealed letter once complete), through the browser's own download. */
export function DownloadOfferLink({ offer, version }: { offer: TOffer; version?: number }) {
  const { t } = useTranslation();
  const isSigned = version === undefined && offer.status === 'completed';
  return (
    <a href={documentUrl(offer.id, version)} download data-testid={version === undefined ? 'offer-download' : 'offer-version-download'}>
      <Button size={version === undefined ? 'middle' : 'small'} type={isSigned ? 'primary' : 'default'} icon={<DownloadOutlined />}>
        {version !== undefined ? t('offers.downloadVersion') : isSigned ? t('offers.downloadSigned') : t('offers.download')}
      </Button>
    </a>
  );
}

/**
 * The letter itself in the browser's PDF viewer: a draft as it would be sent (rendered now), then
 * the newest stored version. Every change adds an event to the offer's trail, which reloads it.
 */
export function OfferDocument({ offer }: { offer: TOfferDetail }) {
  const { t } = useTranslation();
  const isDraft = offer.status === 'draft';
  const src = isDraft ? previewUrl(offer.id) : documentUrl(offer.id);
  return (
    <Card
      title={isDraft ? t('offers.preview') : t('offers.document')}
      extra={
        <Flex gap={8} wrap>
          <a href={src} target="_blank" rel="noreferrer">
            <Button icon={<ExportOutlined />}>{t('offers.openInNewWindow')}</Button>
          </a>
          {offer.latestSha256 && <DownloadOfferLink offer={offer} />}
        </Flex>
      }
    >
      <Flex vertical gap={8}>
        {isDraft && <Typography.Text type="secondary">{t('offers.previewHint')}</Typography.Text>}
        <iframe
          key={`${offer.id}-${offer.events.at(-1)?.seq ?? 0}`}
          src={src}
          title={t('offers.document')}
          style={{ width: '100%', height: VIEWER_HEIGHT, border: '1px solid #f0f0f0', borderRadius: 6 }}
          data-testid="offer-pdf"
          data-src={src}
        />
      </Flex>
    </Card>
  );
}
