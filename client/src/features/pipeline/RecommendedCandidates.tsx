import { Alert, Flex, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEGREES, type TRecommendedGraduate } from '@yunpin/shared';
import { QueryError } from '../../app/ui/QueryError';
import { AdvisoryScore, AdvisoryScoreTitle, ScreeningCriteria } from '../applications/ScreeningCriteria';
import { useRecommendedGraduates } from './pipeline-api';

function isDegree(value: string): value is (typeof DEGREES)[number] {
  return DEGREES.some((degree) => degree === value);
}

function useColumns(): TableColumnsType<TRecommendedGraduate> {
  const { t } = useTranslation();
  const empty = t('common.empty');
  return [
    {
      key: 'name',
      title: t('pipeline.candidate'),
      render: (_, row) => (
        <Flex gap={6} align="center" wrap>
          {row.name}
          {row.applied && (
            <Tag color="blue" style={{ marginInlineEnd: 0 }}>
              {t('pipeline.alreadyApplied')}
            </Tag>
          )}
        </Flex>
      ),
    },
    { key: 'score', title: <AdvisoryScoreTitle />, render: (_, row) => <AdvisoryScore score={row.score} /> },
    { key: 'school', title: t('graduate.school'), render: (_, row) => row.school ?? empty },
    { key: 'major', title: t('graduate.major'), render: (_, row) => row.major ?? empty },
    {
      key: 'degree',
      title: t('graduate.degree'),
      render: (_, row) => (row.degree === null ? empty : isDegree(row.degree) ? t(`degrees.${row.degree}`) : row.degree),
    },
    { key: 'town', title: t('graduate.hukouTown'), render: (_, row) => row.townName ?? empty },
  ];
}

/** 推荐人选: graduates ranked for the job among those who let employers find them; each row opens its explanation. */
export function RecommendedCandidates({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const candidates = useRecommendedGraduates(jobId);
  const columns = useColumns();
  if (candidates.isError) return <QueryError error={candidates.error} onRetry={() => void candidates.refetch()} />;
  return (
    <Flex vertical gap={12}>
      <Alert type="info" showIcon title={t('pipeline.recommendedHint')} />
      <Table<TRecommendedGraduate>
        rowKey="graduateId"
        columns={columns}
        dataSource={candidates.data}
        loading={candidates.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        expandable={{ expandedRowRender: (row) => <ScreeningCriteria criteria={row.criteria} /> }}
        locale={{ emptyText: t('pipeline.noCandidates') }}
        data-testid="recommended-candidates"
      />
    </Flex>
  );
}
