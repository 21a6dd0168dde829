import { Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TLobbyBooth } from '@yunpin/shared';
import { useWaitText } from '../live/use-wait-text';

/** The live figures of a booth: waiting, in conversation, estimated wait. */
export function BoothFigures({ booth }: { booth: TLobbyBooth }) {
  const { t } = useTranslation();
  const waitText = useWaitText();
  return (
    <Row gutter={8}>
      <Col span={7}>
        <Statistic title={t('lobby.waiting')} value={booth.waiting} data-testid="booth-waiting" />
      </Col>
      <Col span={7}>
        <Statistic title={t('lobby.inConversation')} value={booth.inConversation} data-testid="booth-in-conversation" />
      </Col>
      <Col span={10}>
        <Statistic
          title={t('lobby.estimatedWait')}
          value={waitText(booth.estimatedWaitSeconds)}
          styles={{ content: { fontSize: 18 } }}
          data-testid="booth-wait"
        />
      </Col>
    </Row>
  );
}
