import { useState } from 'react';
import { Alert, App, Button, Flex, Form, Input, Modal, Select, Tooltip, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TJob, TResume } from '@yunpin/shared';
import { useCurrentUser } from '../../app/current-user';
import { formatDate } from '../../lib/format';
import { useErrorText } from '../../lib/use-error-text';
import { ApplicationStatusTag } from '../applications/ApplicationStatusTag';
import { useApplyToJob, useMyApplications } from '../applications/applications-api';
import { useMyResumes } from '../resumes/resumes-api';

const COVER_NOTE_MAX = 2000;

interface TApplyValues {
  resumeId?: string;
  coverNote?: string;
}

/** The resume to offer first: the newest confirmed one, else the newest that parsed, else the newest. */
function preferredResume(resumes: TResume[]): TResume | undefined {
  const newestFirst = [...resumes].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    newestFirst.find((resume) => resume.status === 'confirmed') ??
    newestFirst.find((resume) => resume.status === 'parsed') ??
    newestFirst[0]
  );
}

function ApplyModal({ job, resumes, onClose }: { job: TJob; resumes: TResume[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const apply = useApplyToJob(job.id);
  const usable = resumes.filter((resume) => resume.status !== 'failed');
  const options = usable.map((resume) => ({
    value: resume.id,
    label: `${resume.filename} · ${t(`resumes.statuses.${resume.status}`)} · ${formatDate(resume.createdAt)}`,
  }));

  const onFinish = ({ resumeId, coverNote }: TApplyValues) =>
    apply.mutate(
      { ...(resumeId ? { resumeId } : {}), coverNote: coverNote?.trim() ?? '' },
      {
        onSuccess: () => {
          void message.success(t('jobs.applied', { title: job.title }));
          onClose();
        },
        onError: (error) => void message.error(errorText(error)),
      },
    );

  return (
    <Modal open title={t('jobs.applyTitle', { title: job.title })} footer={null} onCancel={onClose} destroyOnHidden>
      <Form<TApplyValues> layout="vertical" initialValues={{ resumeId: preferredResume(usable)?.id, coverNote: '' }} onFinish={onFinish}>
        {usable.length === 0 ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('jobs.noResume')}
            description={<Link to="/graduate/resumes">{t('jobs.uploadResume')}</Link>}
          />
        ) : (
          <Form.Item name="resumeId" label={t('jobs.resume')} extra={t('jobs.resumeHint')}>
            <Select options={options} data-testid="job-apply-resume" />
          </Form.Item>
        )}
        <Form.Item name="coverNote" label={t('jobs.coverNote')} rules={[{ max: COVER_NOTE_MAX, message: t('validation.tooLong') }]}>
          <Input.TextArea rows={5} maxLength={COVER_NOTE_MAX} showCount placeholder={t('jobs.coverNotePlaceholder')} data-testid="job-apply-note" />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={apply.isPending} data-testid="job-apply-submit">
          {t('jobs.submitApplication')}
        </Button>
      </Form>
    </Modal>
  );
}

/** 申请职位: graduates apply once with a resume and a cover note; afterwards the application's status shows instead. */
export function ApplyToJob({ job }: { job: TJob }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const isGraduate = user.role === 'graduate';
  const applications = useMyApplications({ enabled: isGraduate });
  const resumes = useMyResumes({ enabled: isGraduate });
  const [isOpen, setIsOpen] = useState(false);
  if (!isGraduate) return null;

  if (!user.graduateProfileId) {
    return (
      <Tooltip title={t('graduate.noFile')}>
        <Button type="primary" disabled>
          {t('jobs.apply')}
        </Button>
      </Tooltip>
    );
  }
  const existing = applications.data?.find((application) => application.jobId === job.id && application.status !== 'withdrawn');
  if (existing) {
    return (
      <Flex gap={8} align="center" wrap data-testid="job-applied">
        <Typography.Text>{t('jobs.alreadyApplied')}</Typography.Text>
        <ApplicationStatusTag status={existing.status} />
        <Link to="/graduate/applications">{t('jobs.viewApplications')}</Link>
      </Flex>
    );
  }
  const isOpenForApplications = job.status === 'published';
  return (
    <>
      <Button
        type="primary"
        icon={<SendOutlined />}
        disabled={!isOpenForApplications || applications.isPending || resumes.isPending}
        onClick={() => setIsOpen(true)}
        data-testid="job-apply"
      >
        {t('jobs.apply')}
      </Button>
      {isOpen && <ApplyModal job={job} resumes={resumes.data ?? []} onClose={() => setIsOpen(false)} />}
    </>
  );
}
