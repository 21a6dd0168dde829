import { Alert, Col, Flex, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TQueuePlace } from '@yunpin/shared';
import { useWaitText } from '../live/use-wait-text';

interface TQueueWidgetProps {
  place: TQueuePlace;
  /** This booth is calling the graduate now; the server then counts the place as held too. */
  isBeingCalled: boolean;
}

/** A graduate's place at one booth; the figures follow the booth's broadcasts. */
export function QueueWidget({ place, isBeingCalled }: TQueueWidgetProps) {
  const { t } = useTranslation();
  const waitText = useWaitText();
  return (
    <Flex vertical gap={12} data-testid="queue-widget">
      <Row gutter={16}>
        <Col span={8}>
          <Statistic
            title={t('queue.position')}
            value={place.position}
            suffix={t('queue.positionSuffix')}
            data-testid="queue-position"
          />
        </Col>
        <Col span={8}>
          <Statistic title={t('queue.waitingTotal')} value={place.waitingTotal} data-testid="queue-waiting" />
        </Col>
        <Col span={8}>
          <Statistic title={t('queue.estimatedWait')} value={waitText(place.estimatedWaitSeconds)} data-testid="queue-wait" />
        </Col>
      </Row>
      {isBeingCalled && <Alert type="success" showIcon title={t('queue.beingCalled')} data-testid="queue-called" />}
      {place.isHeld && !isBeingCalled && <Alert type="info" showIcon title={t('queue.held')} data-testid="queue-held" />}
      {place.hasMissedOnce && <Alert type="warning" showIcon title={t('queue.missedOnce')} data-testid="queue-missed-once" />}
    </Flex>
  );
}
