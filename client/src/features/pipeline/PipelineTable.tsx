import { useState } from 'react';
import { Button, Flex, Segmented, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { APPLICATION_STATUSES, type TApplication } from '@yunpin/shared';
import { QueryError } from '../../app/ui/QueryError';
import { formatDateTime } from '../../lib/format';
import { usePagedList } from '../../lib/use-paged-list';
import { ApplicationStatusTag } from '../applications/ApplicationStatusTag';
import { AdvisoryScore, AdvisoryScoreTitle } from '../applications/ScreeningCriteria';
import { ApplicationDrawer } from './ApplicationDrawer';
import { BulkMoveButton } from './BulkMoveButton';
import { pipelineKey, type TPipelineFilters, type TPipelineSort } from './pipeline-api';
import { ScreeningStateTag } from './ScreeningStateTag';

function rowAttributes(application: TApplication): Record<string, string> {
  return {
    'data-testid': 'pipeline-row',
    'data-application-id': application.id,
    'data-status': application.status,
    'data-score': application.screening ? String(Math.round(application.screening.score * 10) / 10) : '',
  };
}

function useColumns(onOpen: (id: string) => void): TableColumnsType<TApplication> {
  const { t } = useTranslation();
  const empty = t('common.empty');
  return [
    {
      key: 'name',
      title: t('pipeline.applicant'),
      render: (_, application) => (
        <Flex gap={6} align="center" wrap>
          <Button type="link" style={{ padding: 0 }} onClick={() => onOpen(application.id)} data-testid="pipeline-open">
            {application.graduateName}
          </Button>
          {application.reviewRequestedAt && (
            <Tag color="orange" data-testid="pipeline-review-requested" style={{ marginInlineEnd: 0 }}>
              {t('pipeline.reviewRequested')}
            </Tag>
          )}
        </Flex>
      ),
    },
    { key: 'status', title: t('applications.status'), render: (_, application) => <ApplicationStatusTag status={application.status} /> },
    {
      key: 'score',
      title: <AdvisoryScoreTitle />,
      render: (_, application) => (application.screening ? <AdvisoryScore score={application.screening.score} /> : empty),
    },
    { key: 'screening', title: t('pipeline.screeningState'), render: (_, application) => <ScreeningStateTag application={application} /> },
    { key: 'createdAt', title: t('applications.appliedAt'), render: (_, application) => formatDateTime(application.createdAt) },
    {
      key: 'actions',
      title: t('office.actions'),
      render: (_, application) => (
        <Button size="small" onClick={() => onOpen(application.id)}>
          {t('pipeline.details')}
        </Button>
      ),
    },
  ];
}

/**
 * The applications to one job, best advisory score first (or newest), with row selection for bulk
 * moves and a drawer for one application. Scores rank and explain; people decide.
 */
export function PipelineTable({ jobId, canMove }: { jobId: string; canMove: boolean }) {
  const { t } = useTranslation();
  const list = usePagedList<TApplication, TPipelineFilters>(pipelineKey(jobId), `/jobs/${encodeURIComponent(jobId)}/applications`, { sort: 'score' });
  const [openId, setOpenId] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlyMap<string, string>>(new Map());
  const columns = useColumns(setOpenId);
  const { query, pagination, filters, setFilters } = list;

  const statusOptions = [
    { value: 'all', label: t('pipeline.allStatuses') },
    ...APPLICATION_STATUSES.map((status) => ({ value: status, label: t(`applications.statuses.${status}`) })),
  ];
  const onMoved = (moved: string[]) =>
    setSelected((previous) => new Map([...previous].filter(([id]) => !moved.includes(id))));

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap align="center" justify="space-between">
        <Flex gap={12} wrap align="center">
          <Select
            value={filters.status ?? 'all'}
            options={statusOptions}
            style={{ width: 140 }}
            aria-label={t('applications.status')}
            onChange={(status: string) =>
              setFilters({ sort: filters.sort, ...(status === 'all' ? {} : { status: status as TPipelineFilters['status'] }) })
            }
            data-testid="pipeline-status-filter"
          />
          <Segmented<TPipelineSort>
            value={filters.sort}
            onChange={(sort) => setFilters({ ...filters, sort })}
            options={[
              { value: 'score', label: t('pipeline.sortScore') },
              { value: 'newest', label: t('pipeline.sortNewest') },
            ]}
            data-testid="pipeline-sort"
          />
        </Flex>
        {canMove && (
          <Flex gap={8} align="center" wrap>
            <Typography.Text type="secondary" data-testid="pipeline-selected-count">
              {t('pipeline.selected', { count: selected.size })}
            </Typography.Text>
            {selected.size > 0 && (
              <Button size="small" type="link" onClick={() => setSelected(new Map())}>
                {t('pipeline.clearSelection')}
              </Button>
            )}
            <BulkMoveButton ids={[...selected.keys()]} names={selected} onMoved={onMoved} />
          </Flex>
        )}
      </Flex>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<TApplication>
          rowKey="id"
          columns={columns}
          dataSource={query.data?.items}
          loading={query.isPending}
          pagination={pagination}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('pipeline.noApplications') }}
          onRow={rowAttributes}
          rowSelection={
            canMove
              ? {
                  preserveSelectedRowKeys: true,
                  selectedRowKeys: [...selected.keys()],
                  getCheckboxProps: (application) => ({ disabled: application.status === 'withdrawn' }),
                  onChange: (keys, rows) =>
                    setSelected((previous) => {
                      const names = new Map([...previous, ...rows.filter(Boolean).map((row) => [row.id, row.graduateName] as const)]);
                      return new Map(keys.map((key) => [String(key), names.get(String(key)) ?? '']));
                    }),
                }
              : undefined
          }
          data-testid="pipeline-table"
        />
      )}
      <ApplicationDrawer applicationId={openId} onClose={() => setOpenId(null)} />
    </Flex>
  );
}
