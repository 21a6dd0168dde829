import { Col, Empty, Flex, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/current-user';
import { PageLoading } from '../../app/ui/PageLoading';
import { QueryError } from '../../app/ui/QueryError';
import { useRouteParam } from '../../lib/use-route-param';
import { ConnectionAlert } from '../live/ConnectionAlert';
import { MyQueuesPanel } from '../queue/MyQueuesPanel';
import { FairHeader } from './FairHeader';
import { LobbyBoothCard } from './LobbyBoothCard';
import { useLobby } from './use-lobby';

function LobbyBooths({ fairId }: { fairId: string }) {
  const { t } = useTranslation();
  const lobby = useLobby(fairId);
  if (lobby.isPending) return <PageLoading />;
  if (lobby.isError) return <QueryError error={lobby.error} onRetry={() => void lobby.refetch()} />;
  if (lobby.data.booths.length === 0) return <Empty description={t('lobby.noBooths')} />;
  return (
    <Row gutter={[16, 16]}>
      {lobby.data.booths.map((booth) => (
        <Col key={booth.boothId} xs={24} md={12} xxl={8}>
          <LobbyBoothCard fairId={fairId} booth={booth} />
        </Col>
      ))}
    </Row>
  );
}

/** 展厅: every approved booth of a live fair with its queue figures, updated as they change. */
export function LobbyPage() {
  const { t } = useTranslation();
  const fairId = useRouteParam('fairId');
  const user = useCurrentUser();
  const isGraduate = user.role === 'graduate';
  return (
    <Flex vertical gap={16}>
      <ConnectionAlert />
      <FairHeader fairId={fairId} backTo="/fairs" backLabel={t('lobby.backToFairs')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={isGraduate ? 16 : 24}>
          <LobbyBooths fairId={fairId} />
        </Col>
        {isGraduate && (
          <Col xs={24} xl={8}>
            <MyQueuesPanel />
          </Col>
        )}
      </Row>
    </Flex>
  );
}
