import { Card, Flex, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TApplication } from '@yunpin/shared';
import { PageLoading } from '../../app/ui/PageLoading';
import { QueryError } from '../../app/ui/QueryError';
import { formatDateTime } from '../../lib/format';
import { ApplicationActions } from './ApplicationActions';
import { ApplicationHistory } from './ApplicationHistory';
import { ApplicationStatusTag } from './ApplicationStatusTag';
import { useApplication, useMyApplications } from './applications-api';

/** The history of one application, loaded when its row is opened. */
function HistoryRow({ applicationId }: { applicationId: string }) {
  const detail = useApplication(applicationId);
  if (detail.isPending) return <PageLoading />;
  if (detail.isError) return <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  return (
    <Flex vertical gap={8} style={{ padding: '8px 0' }}>
      {detail.data.coverNote && (
        <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
          {detail.data.coverNote}
        </Typography.Paragraph>
      )}
      <ApplicationHistory history={detail.data.history} />
    </Flex>
  );
}

function useColumns(): TableColumnsType<TApplication> {
  const { t } = useTranslation();
  return [
    {
      key: 'job',
      title: t('applications.job'),
      render: (_, application) => (
        <Flex vertical gap={2}>
          <Link to={`/graduate/jobs/${encodeURIComponent(application.jobId)}`}>{application.jobTitle}</Link>
          <Typography.Text type="secondary">{application.organisationName}</Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'status',
      title: t('applications.status'),
      render: (_, application) => (
        <Flex gap={4} wrap>
          <ApplicationStatusTag status={application.status} />
          {application.reviewRequestedAt && application.status !== 'withdrawn' && (
            <Tag color="orange" data-testid="review-requested">
              {t('applications.reviewPending')}
            </Tag>
          )}
        </Flex>
      ),
    },
    { key: 'createdAt', title: t('applications.appliedAt'), render: (_, application) => formatDateTime(application.createdAt) },
    { key: 'updatedAt', title: t('applications.updatedAt'), render: (_, application) => formatDateTime(application.updatedAt) },
    { key: 'actions', title: t('office.actions'), render: (_, application) => <ApplicationActions application={application} /> },
  ];
}

/** 我的申请: each application's status and history, with withdrawal, the score's explanation and a person's review. */
export function MyApplicationsPage() {
  const { t } = useTranslation();
  const applications = useMyApplications();
  const columns = useColumns();
  return (
    <Card title={t('nav.myApplications')}>
      {applications.isError ? (
        <QueryError error={applications.error} onRetry={() => void applications.refetch()} />
      ) : (
        <Table<TApplication>
          rowKey="id"
          columns={columns}
          dataSource={applications.data}
          loading={applications.isFetching}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          expandable={{ expandedRowRender: (application) => <HistoryRow applicationId={application.id} /> }}
          locale={{ emptyText: t('applications.noApplications') }}
          onRow={(application) => rowAttributes(application)}
          data-testid="my-applications"
        />
      )}
    </Card>
  );
}

function rowAttributes(application: TApplication): Record<string, string> {
  return { 'data-testid': 'application-row', 'data-application-id': application.id, 'data-status': application.status };
}
