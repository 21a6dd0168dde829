import { Col, Flex, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/current-user';
import { PageLoading } from '../../app/ui/PageLoading';
import { QueryError } from '../../app/ui/QueryError';
import { useRouteParam } from '../../lib/use-route-param';
import { useBooth, useFair } from '../fairs/fairs-api';
import { ConnectionAlert } from '../live/ConnectionAlert';
import { FairHeader } from '../lobby/FairHeader';
import { useLobby } from '../lobby/use-lobby';
import { MyQueuesPanel } from '../queue/MyQueuesPanel';
import { PresentationWatchCard } from '../video/PresentationWatchCard';
import { BoothProfileCard } from './BoothProfileCard';
import { BoothQueueCard } from './BoothQueueCard';

/** One booth of a fair: its profile and jobs, and for graduates the queue or a message form. */
export function BoothPage() {
  const { t } = useTranslation();
  const fairId = useRouteParam('fairId');
  const boothId = useRouteParam('boothId');
  const user = useCurrentUser();
  const fair = useFair(fairId);
  const booth = useBooth(boothId);
  const lobby = useLobby(fairId);
  const live = lobby.data?.booths.find((item) => item.boothId === boothId);

  const main = () => {
    if (booth.isPending || fair.isPending) return <PageLoading />;
    if (booth.isError) return <QueryError error={booth.error} onRetry={() => void booth.refetch()} />;
    if (fair.isError) return <QueryError error={fair.error} onRetry={() => void fair.refetch()} />;
    const profile = <BoothProfileCard booth={booth.data} live={live} />;
    if (user.role !== 'graduate') return profile;
    return (
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          {profile}
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={16}>
            <PresentationWatchCard boothId={boothId} />
            <BoothQueueCard boothId={boothId} fair={fair.data} isOnDuty={live?.isOnDuty ?? booth.data.isOnDuty} />
            <MyQueuesPanel />
          </Flex>
        </Col>
      </Row>
    );
  };

  return (
    <Flex vertical gap={16}>
      <ConnectionAlert />
      <FairHeader fairId={fairId} backTo={`/fairs/${encodeURIComponent(fairId)}/lobby`} backLabel={t('lobby.backToLobby')} />
      {main()}
    </Flex>
  );
}
