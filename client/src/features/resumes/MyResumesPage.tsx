import { useState } from 'react';
import { Alert, Button, Card, Col, Flex, Row, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TResume } from '@yunpin/shared';
import { useCurrentUser } from '../../app/current-user';
import { PageLoading } from '../../app/ui/PageLoading';
import { QueryError } from '../../app/ui/QueryError';
import { formatDateTime } from '../../lib/format';
import { useErrorText } from '../../lib/use-error-text';
import { DiscoverableSwitch } from './DiscoverableSwitch';
import { ResumeConfirmForm } from './ResumeConfirmForm';
import { formatBytes, ResumeStatusTag, useWarningText } from './ResumeTags';
import { ResumeUploadCard } from './ResumeUploadCard';
import { useMyResumes, useResume } from './resumes-api';

function useColumns(selectedId: string | undefined, onSelect: (id: string) => void): TableColumnsType<TResume> {
  const { t } = useTranslation();
  return [
    { key: 'filename', title: t('resumes.filename'), render: (_, resume) => <Typography.Text ellipsis={{ tooltip: resume.filename }} style={{ maxWidth: 260 }}>{resume.filename}</Typography.Text> },
    { key: 'kind', title: t('resumes.kind'), render: (_, resume) => resume.kind.toUpperCase() },
    { key: 'size', title: t('resumes.size'), render: (_, resume) => formatBytes(resume.sizeBytes) },
    { key: 'status', title: t('resumes.status'), render: (_, resume) => <ResumeStatusTag status={resume.status} /> },
    { key: 'createdAt', title: t('resumes.uploadedAt'), render: (_, resume) => formatDateTime(resume.createdAt) },
    {
      key: 'actions',
      title: t('office.actions'),
      render: (_, resume) => (
        <Button size="small" type={resume.id === selectedId ? 'primary' : 'default'} onClick={() => onSelect(resume.id)} data-testid="resume-open">
          {resume.status === 'parsed' ? t('resumes.review') : t('resumes.view')}
        </Button>
      ),
    },
  ];
}

/** The chosen resume: parsing progress, the reason it failed, or the profile to check and confirm. */
function ResumePanel({ resumeId }: { resumeId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const warningText = useWarningText();
  const resume = useResume(resumeId);
  if (resume.isPending) return <PageLoading />;
  if (resume.isError) return <Alert type="error" showIcon title={errorText(resume.error)} />;
  const data = resume.data;
  const title = (
    <Flex gap={8} align="center" wrap>
      {data.filename}
      <ResumeStatusTag status={data.status} />
    </Flex>
  );
  const body = () => {
    if (data.status === 'parsing') return <Typography.Text type="secondary">{t('resumes.parsingCaption')}</Typography.Text>;
    if (data.status === 'failed') {
      return <Alert type="error" showIcon title={t('resumes.failedCaption')} description={data.failureMessage ?? undefined} data-testid="resume-failure" />;
    }
    return (
      <Flex vertical gap={12}>
        <Alert
          type={data.status === 'confirmed' ? 'success' : 'info'}
          showIcon
          title={data.status === 'confirmed' ? t('resumes.confirmedHint', { time: data.confirmedAt ? formatDateTime(data.confirmedAt) : '' }) : t('resumes.checkHint')}
        />
        {data.warnings.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title={t('resumes.warningsTitle')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {data.warnings.map((code) => (
                  <li key={code}>{warningText(code)}</li>
                ))}
              </ul>
            }
            data-testid="resume-warnings"
          />
        )}
        <ResumeConfirmForm key={`${data.id}-${data.status}`} resume={data} />
      </Flex>
    );
  };
  return (
    <Card title={title} data-testid="resume-panel">
      {body()}
    </Card>
  );
}

function ResumeList({ selectedId, onSelect }: { selectedId: string | undefined; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const resumes = useMyResumes();
  const columns = useColumns(selectedId, onSelect);
  if (resumes.isError) return <QueryError error={resumes.error} onRetry={() => void resumes.refetch()} />;
  return (
    <Table<TResume>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={resumes.data}
      loading={resumes.isFetching}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('resumes.noResumes') }}
      data-testid="resume-list"
    />
  );
}

/** 我的简历: upload a resume, watch it being read, then check and confirm what was read. */
export function MyResumesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [selectedId, setSelectedId] = useState<string | undefined>(undefined);
  if (!user.graduateProfileId) return <Alert type="info" showIcon title={t('graduate.noFile')} />;
  return (
    <Flex vertical gap={16}>
      <DiscoverableSwitch profileId={user.graduateProfileId} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <ResumeUploadCard onUploaded={setSelectedId} />
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('nav.myResumes')}>
            <ResumeList selectedId={selectedId} onSelect={setSelectedId} />
          </Card>
        </Col>
      </Row>
      {selectedId && <ResumePanel resumeId={selectedId} />}
    </Flex>
  );
}
