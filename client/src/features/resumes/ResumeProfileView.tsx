import { Descriptions, Empty, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TParsedResume } from '@yunpin/shared';
import { useLanguageName, useSkillName } from '../jobs/options';

/** A period; an experience with a start and no end is still going on. */
function period(start: string | number | null, end: string | number | null, texts: { empty: string; present: string }): string {
  if (start === null && end === null) return texts.empty;
  return `${start ?? '?'} – ${end ?? texts.present}`;
}

/** A resume's structured profile, read-only: for recruiters and caseworkers. */
export function ResumeProfileView({ profile }: { profile: TParsedResume | null }) {
  const { t } = useTranslation();
  const skillName = useSkillName();
  const languageName = useLanguageName();
  const empty = t('common.empty');
  const texts = { empty, present: t('resumes.present') };
  if (!profile) return <Empty description={t('resumes.noProfile')} />;
  const { contact, education, skills, experience, languages } = profile;
  return (
    <Flex vertical gap={12} data-testid="resume-profile">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'name', label: t('resumes.contactName'), children: contact.name ?? empty },
          { key: 'phone', label: t('resumes.contactPhone'), children: contact.phone ?? empty },
          { key: 'email', label: t('resumes.contactEmail'), children: contact.email ?? empty },
        ]}
      />
      <Flex vertical gap={4}>
        <Typography.Text strong>{t('resumes.education')}</Typography.Text>
        {education.length === 0 && <Typography.Text type="secondary">{empty}</Typography.Text>}
        {education.map((row, index) => (
          <Typography.Text key={index}>
            {[row.school, row.major, row.degree ? t(`degrees.${row.degree}`) : null].filter(Boolean).join(' · ') || empty}
            <Typography.Text type="secondary"> ({period(row.startYear, row.endYear, texts)})</Typography.Text>
          </Typography.Text>
        ))}
      </Flex>
      <Flex vertical gap={4}>
        <Typography.Text strong>{t('resumes.skills')}</Typography.Text>
        <Flex gap={4} wrap>
          {skills.length === 0 && <Typography.Text type="secondary">{empty}</Typography.Text>}
          {skills.map((skill) => (
            <Tag key={skill} color="blue" style={{ marginInlineEnd: 0 }}>
              {skillName(skill)}
            </Tag>
          ))}
        </Flex>
      </Flex>
      <Flex vertical gap={8}>
        <Typography.Text strong>{t('resumes.experience')}</Typography.Text>
        {experience.length === 0 && <Typography.Text type="secondary">{empty}</Typography.Text>}
        {experience.map((row, index) => (
          <Flex key={index} vertical gap={2}>
            <Typography.Text>
              {[row.organisation, row.title].filter(Boolean).join(' · ') || empty}
              <Typography.Text type="secondary"> ({period(row.start, row.end, texts)})</Typography.Text>
            </Typography.Text>
            {row.description && (
              <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} ellipsis={{ rows: 3, expandable: true }}>
                {row.description}
              </Typography.Paragraph>
            )}
          </Flex>
        ))}
      </Flex>
      <Flex vertical gap={4}>
        <Typography.Text strong>{t('resumes.languages')}</Typography.Text>
        <Flex gap={4} wrap>
          {languages.length === 0 && <Typography.Text type="secondary">{empty}</Typography.Text>}
          {languages.map((row) => (
            <Tag key={`${row.language}-${row.level ?? ''}`} style={{ marginInlineEnd: 0 }}>
              {languageName(row.language)}
              {row.level ? ` · ${row.level}` : ''}
            </Tag>
          ))}
        </Flex>
      </Flex>
    </Flex>
  );
}
