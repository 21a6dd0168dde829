import { Alert, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../app/ui/PageLoading';
import { QueryError } from '../../app/ui/QueryError';
import { useRegions, useTowns } from '../district/district-api';
import { RegionCard } from './RegionCard';

/** Regions with their towns; the development zone is shown in every region it is paired with. */
export function RegionsPage() {
  const { t } = useTranslation();
  const regions = useRegions();
  const towns = useTowns();
  if (regions.isPending || towns.isPending) return <PageLoading />;
  if (regions.isError) return <QueryError error={regions.error} onRetry={() => void regions.refetch()} />;
  if (towns.isError) return <QueryError error={towns.error} onRetry={() => void towns.refetch()} />;

  const devZones = towns.data.filter((town) => town.isDevZone);
  const unassigned = towns.data.filter((town) => !town.isDevZone && town.regionId === null);

  return (
    <>
      <Alert type="info" showIcon title={t('office.regionsIntro')} style={{ marginBottom: 16 }} />
      <Row gutter={[16, 16]}>
        {regions.data.map((region) => (
          <Col key={region.id} xs={24} md={12} xl={8}>
            <RegionCard
              title={region.name}
              code={region.code}
              towns={towns.data.filter((town) => town.regionId === region.id && !town.isDevZone)}
              pairedTowns={devZones}
            />
          </Col>
        ))}
        {unassigned.length > 0 && (
          <Col xs={24} md={12} xl={8}>
            <RegionCard title={t('office.unassignedTowns')} towns={unassigned} pairedTowns={[]} />
          </Col>
        )}
      </Row>
    </>
  );
}
