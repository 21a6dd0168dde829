import { Descriptions, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TJob } from '@yunpin/shared';
import { VerifiedTag } from '../employer/VerifiedTag';
import { JobStatusTag, useSalaryText } from './JobTags';
import { useLanguageName } from './options';

function TagList({ items, color }: { items: readonly string[]; color?: string }) {
  const { t } = useTranslation();
  if (items.length === 0) return <>{t('common.empty')}</>;
  return (
    <Flex gap={4} wrap>
      {items.map((item) => (
        <Tag key={item} color={color} style={{ marginInlineEnd: 0 }}>
          {item}
        </Tag>
      ))}
    </Flex>
  );
}

/** Everything a job says about itself: for graduates deciding to apply, and for its reviewers. */
export function JobDetails({ job, withStatus = false }: { job: TJob; withStatus?: boolean }) {
  const { t } = useTranslation();
  const salaryText = useSalaryText();
  const languageName = useLanguageName();
  const empty = t('common.empty');
  const { requirements } = job;
  return (
    <Flex vertical gap={16} data-testid="job-details">
      <Flex vertical gap={4}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {job.title}
        </Typography.Title>
        <Flex gap={8} align="center" wrap>
          <Typography.Text>{job.organisationName}</Typography.Text>
          <VerifiedTag isVerified={job.employerVerified} />
          {withStatus && <JobStatusTag status={job.status} />}
        </Flex>
      </Flex>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'salary', label: t('jobs.salary'), children: <Typography.Text strong>{salaryText(job)}</Typography.Text> },
          { key: 'town', label: t('jobs.town'), children: job.townName },
          { key: 'headcount', label: t('jobs.headcount'), children: job.headcount },
          { key: 'deadline', label: t('jobs.deadline'), children: job.deadline },
          { key: 'industry', label: t('employer.industry'), children: job.industry ?? empty },
          { key: 'degree', label: t('jobs.degree'), children: requirements.degree ? t(`degrees.${requirements.degree}`) : t('jobs.anyDegree') },
          { key: 'skills', label: t('jobs.skills'), span: 'filled', children: <TagList items={requirements.skills} color="blue" /> },
          { key: 'preferred', label: t('jobs.preferredSkills'), span: 'filled', children: <TagList items={requirements.preferredSkills} /> },
          { key: 'majors', label: t('jobs.majors'), span: 'filled', children: <TagList items={requirements.majors} /> },
          { key: 'languages', label: t('jobs.languages'), span: 'filled', children: <TagList items={requirements.languages.map(languageName)} /> },
        ]}
      />
      <Flex vertical gap={4}>
        <Typography.Text type="secondary">{t('jobs.description')}</Typography.Text>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{job.description || empty}</Typography.Paragraph>
      </Flex>
    </Flex>
  );
}
