import { App, Button, Card, Col, Divider, Flex, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { CheckOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TResume } from '@yunpin/shared';
import { ZEmailSchema } from '@yunpin/shared';
import { useErrorText } from '../../lib/use-error-text';
import { trimInput, zodRule } from '../../lib/zod-rule';
import { useDegreeOptions } from '../graduate/options';
import { useLanguageOptions, useSkillIdOptions } from '../jobs/options';
import { useConfirmResume } from './resumes-api';
import { resumeFormValues, resumePayload, type TResumeFormValues } from './resume-form';

const EDUCATION_MAX = 10;
const EXPERIENCE_MAX = 20;
const LANGUAGES_MAX = 10;
const SKILLS_MAX = 100;
const SKILL_MAX = 60;
const YEAR_MIN = 1950;
const YEAR_MAX = 2100;

function SectionTitle({ children }: { children: string }) {
  return (
    <Divider titlePlacement="start" style={{ marginTop: 8 }}>
      <Typography.Text strong>{children}</Typography.Text>
    </Divider>
  );
}

function EducationRows() {
  const { t } = useTranslation();
  const degreeOptions = useDegreeOptions();
  const yearRule = { type: 'integer' as const, min: YEAR_MIN, max: YEAR_MAX, message: t('resumes.yearRule') };
  return (
    <Form.List name="education">
      {(fields, { add, remove }) => (
        <Flex vertical gap={8}>
          {fields.map((field) => (
            <Row key={field.key} gutter={8} align="top" data-testid="resume-education-row">
              <Col xs={24} md={6}>
                <Form.Item name={[field.name, 'school']} rules={[{ max: 200, message: t('validation.tooLong') }]}>
                  <Input placeholder={t('resumes.school')} aria-label={t('resumes.school')} />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item name={[field.name, 'major']} rules={[{ max: 200, message: t('validation.tooLong') }]}>
                  <Input placeholder={t('resumes.major')} aria-label={t('resumes.major')} />
                </Form.Item>
              </Col>
              <Col xs={24} md={4}>
                <Form.Item name={[field.name, 'degree']}>
                  <Select allowClear options={degreeOptions} placeholder={t('resumes.degree')} aria-label={t('resumes.degree')} />
                </Form.Item>
              </Col>
              <Col xs={11} md={3}>
                <Form.Item name={[field.name, 'startYear']} rules={[yearRule]}>
                  <InputNumber min={YEAR_MIN} max={YEAR_MAX} precision={0} placeholder={t('resumes.startYear')} aria-label={t('resumes.startYear')} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={11} md={3}>
                <Form.Item name={[field.name, 'endYear']} rules={[yearRule]}>
                  <InputNumber min={YEAR_MIN} max={YEAR_MAX} precision={0} placeholder={t('resumes.endYear')} aria-label={t('resumes.endYear')} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={2} md={2}>
                <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('resumes.removeRow')} onClick={() => remove(field.name)} />
              </Col>
            </Row>
          ))}
          {fields.length < EDUCATION_MAX && (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="resume-add-education">
              {t('resumes.addEducation')}
            </Button>
          )}
        </Flex>
      )}
    </Form.List>
  );
}

function ExperienceRows() {
  const { t } = useTranslation();
  return (
    <Form.List name="experience">
      {(fields, { add, remove }) => (
        <Flex vertical gap={8}>
          {fields.map((field) => (
            <Card key={field.key} size="small" data-testid="resume-experience-row">
              <Row gutter={8} align="top">
                <Col xs={24} md={7}>
                  <Form.Item name={[field.name, 'organisation']} rules={[{ max: 200, message: t('validation.tooLong') }]}>
                    <Input placeholder={t('resumes.organisation')} aria-label={t('resumes.organisation')} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={7}>
                  <Form.Item name={[field.name, 'title']} rules={[{ max: 200, message: t('validation.tooLong') }]}>
                    <Input placeholder={t('resumes.jobTitle')} aria-label={t('resumes.jobTitle')} />
                  </Form.Item>
                </Col>
                <Col xs={11} md={4}>
                  <Form.Item name={[field.name, 'start']} rules={[{ max: 20, message: t('validation.tooLong') }]}>
                    <Input placeholder={t('resumes.start')} aria-label={t('resumes.start')} />
                  </Form.Item>
                </Col>
                <Col xs={11} md={4}>
                  <Form.Item name={[field.name, 'end']} rules={[{ max: 20, message: t('validation.tooLong') }]}>
                    <Input placeholder={t('resumes.end')} aria-label={t('resumes.end')} />
                  </Form.Item>
                </Col>
                <Col xs={2} md={2}>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('resumes.removeRow')} onClick={() => remove(field.name)} />
                </Col>
                <Col span={24}>
                  <Form.Item name={[field.name, 'description']} rules={[{ max: 4000, message: t('validation.tooLong') }]} style={{ marginBottom: 0 }}>
                    <Input.TextArea rows={2} maxLength={4000} placeholder={t('resumes.experienceDescription')} aria-label={t('resumes.experienceDescription')} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          ))}
          {fields.length < EXPERIENCE_MAX && (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ description: '' })} data-testid="resume-add-experience">
              {t('resumes.addExperience')}
            </Button>
          )}
        </Flex>
      )}
    </Form.List>
  );
}

function LanguageRows() {
  const { t } = useTranslation();
  const languageOptions = useLanguageOptions();
  return (
    <Form.List name="languages">
      {(fields, { add, remove }) => (
        <Flex vertical gap={8}>
          {fields.map((field) => (
            <Row key={field.key} gutter={8} align="top" data-testid="resume-language-row">
              <Col xs={11} md={8}>
                <Form.Item name={[field.name, 'language']} rules={[{ required: true, message: t('validation.required') }]}>
                  <Select showSearch={{ optionFilterProp: 'label' }} options={languageOptions} placeholder={t('resumes.language')} aria-label={t('resumes.language')} />
                </Form.Item>
              </Col>
              <Col xs={11} md={8}>
                <Form.Item name={[field.name, 'level']} rules={[{ max: 60, message: t('validation.tooLong') }]}>
                  <Input placeholder={t('resumes.languageLevel')} aria-label={t('resumes.languageLevel')} />
                </Form.Item>
              </Col>
              <Col xs={2} md={2}>
                <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('resumes.removeRow')} onClick={() => remove(field.name)} />
              </Col>
            </Row>
          ))}
          {fields.length < LANGUAGES_MAX && (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="resume-add-language">
              {t('resumes.addLanguage')}
            </Button>
          )}
        </Flex>
      )}
    </Form.List>
  );
}

/** 核对简历: the graduate corrects what the parser read and confirms it; screening uses the confirmed profile. */
export function ResumeConfirmForm({ resume }: { resume: TResume }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const confirm = useConfirmResume(resume.id);
  const skillOptions = useSkillIdOptions();

  const onFinish = (values: TResumeFormValues) => {
    const payload = resumePayload(values);
    if (!payload) {
      void message.error(t('validation.invalidForm'));
      return;
    }
    confirm.mutate(payload, {
      onSuccess: () => void message.success(t('resumes.confirmed')),
      onError: (error) => void message.error(errorText(error)),
    });
  };

  return (
    <Form<TResumeFormValues> layout="vertical" initialValues={resumeFormValues(resume.parsed)} onFinish={onFinish} data-testid="resume-confirm-form">
      <SectionTitle>{t('resumes.contact')}</SectionTitle>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="name" label={t('resumes.contactName')} rules={[{ max: 64, message: t('validation.tooLong') }]}>
            <Input data-testid="resume-contact-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="phone" label={t('resumes.contactPhone')} normalize={trimInput} rules={[{ max: 32, message: t('validation.tooLong') }]}>
            <Input data-testid="resume-contact-phone" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="email" label={t('resumes.contactEmail')} normalize={trimInput} rules={[zodRule(ZEmailSchema, t('validation.email'), { optional: true })]}>
            <Input data-testid="resume-contact-email" />
          </Form.Item>
        </Col>
      </Row>
      <SectionTitle>{t('resumes.education')}</SectionTitle>
      <EducationRows />
      <SectionTitle>{t('resumes.skills')}</SectionTitle>
      <Form.Item
        name="skills"
        extra={t('resumes.skillsHint')}
        rules={[
          {
            validator: (_rule, value: string[] | undefined) =>
              (value ?? []).length <= SKILLS_MAX && (value ?? []).every((skill) => skill.length <= SKILL_MAX)
                ? Promise.resolve()
                : Promise.reject(new Error(t('validation.tooLong'))),
          },
        ]}
      >
        <Select
          mode="tags"
          options={skillOptions}
          showSearch={{ optionFilterProp: 'label' }}
          tokenSeparators={[',', '，', '、']}
          placeholder={t('resumes.skillsPlaceholder')}
          aria-label={t('resumes.skills')}
          data-testid="resume-skills-input"
        />
      </Form.Item>
      <SectionTitle>{t('resumes.experience')}</SectionTitle>
      <ExperienceRows />
      <SectionTitle>{t('resumes.languages')}</SectionTitle>
      <LanguageRows />
      <Button type="primary" htmlType="submit" icon={<CheckOutlined />} loading={confirm.isPending} style={{ marginTop: 24 }} data-testid="resume-confirm">
        {resume.status === 'confirmed' ? t('resumes.saveCorrections') : t('resumes.confirm')}
      </Button>
    </Form>
  );
}
