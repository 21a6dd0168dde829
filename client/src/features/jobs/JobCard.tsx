import { Card, Flex, Tag, Typography } from 'antd';
import { EnvironmentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TJob } from '@yunpin/shared';
import { VerifiedTag } from '../employer/VerifiedTag';
import { useSalaryText } from './JobTags';

const SKILLS_SHOWN = 5;

/** One search result; opening it shows the whole job and the apply button. */
export function JobCard({ job, onOpen }: { job: TJob; onOpen: (job: TJob) => void }) {
  const { t } = useTranslation();
  const salaryText = useSalaryText();
  const skills = job.requirements.skills;
  return (
    <Card hoverable size="small" onClick={() => onOpen(job)} data-testid="job-card" data-job-id={job.id}>
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <Flex vertical gap={4} style={{ minWidth: 0 }}>
          <Typography.Link strong style={{ fontSize: 16 }} data-testid="job-card-title">
            {job.title}
          </Typography.Link>
          <Flex gap={8} align="center" wrap>
            <Typography.Text>{job.organisationName}</Typography.Text>
            <VerifiedTag isVerified={job.employerVerified} />
          </Flex>
          <Flex gap={4} wrap>
            {skills.slice(0, SKILLS_SHOWN).map((skill) => (
              <Tag key={skill} style={{ marginInlineEnd: 0 }}>
                {skill}
              </Tag>
            ))}
            {skills.length > SKILLS_SHOWN && <Tag style={{ marginInlineEnd: 0 }}>+{skills.length - SKILLS_SHOWN}</Tag>}
          </Flex>
        </Flex>
        <Flex vertical align="flex-end" gap={4}>
          <Typography.Text strong type="danger">
            {salaryText(job)}
          </Typography.Text>
          <Typography.Text type="secondary">
            <EnvironmentOutlined /> {job.townName}
          </Typography.Text>
          <Typography.Text type="secondary">
            {job.requirements.degree ? t(`degrees.${job.requirements.degree}`) : t('jobs.anyDegree')} · {t('jobs.deadlineOn', { date: job.deadline })}
          </Typography.Text>
        </Flex>
      </Flex>
    </Card>
  );
}
