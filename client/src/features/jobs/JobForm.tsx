import { App, Button, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TCreateJob } from '@yunpin/shared';
import { TownSelect } from '../district/TownSelect';
import { useDegreeOptions } from '../graduate/options';
import { jobPayload, type TJobFormValues } from './job-form';
import { useLanguageOptions, useSkillNameOptions } from './options';

const TITLE_MAX = 100;
const DESCRIPTION_MAX = 8000;
const SALARY_MAX = 1_000_000;
const SKILLS_MAX = 30;
const MAJORS_MAX = 20;
const LANGUAGES_MAX = 5;
const TAG_MAX = 60;

interface TJobFormProps {
  initialValues: TJobFormValues;
  submitText: string;
  isSubmitting: boolean;
  onSubmit: (payload: TCreateJob) => void;
}

function tagsRule(max: number, message: string) {
  return {
    validator: (_rule: unknown, value: string[] | undefined) =>
      (value ?? []).length <= max && (value ?? []).every((item) => item.trim().length <= TAG_MAX)
        ? Promise.resolve()
        : Promise.reject(new Error(message)),
  };
}

/** A job's title, description, requirements (what screening scores against), place, pay and deadline. */
export function JobForm({ initialValues, submitText, isSubmitting, onSubmit }: TJobFormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const degreeOptions = useDegreeOptions();
  const skillOptions = useSkillNameOptions();
  const languageOptions = useLanguageOptions();

  const onFinish = (values: TJobFormValues) => {
    const payload = jobPayload(values);
    if (!payload) {
      void message.error(t('validation.invalidForm'));
      return;
    }
    onSubmit(payload);
  };

  return (
    <Form<TJobFormValues> layout="vertical" initialValues={initialValues} onFinish={onFinish}>
      <Form.Item
        name="title"
        label={t('jobs.title')}
        rules={[
          { required: true, whitespace: true, message: t('validation.required') },
          { min: 2, max: TITLE_MAX, message: t('jobs.titleRule') },
        ]}
      >
        <Input maxLength={TITLE_MAX} data-testid="job-title-input" />
      </Form.Item>
      <Form.Item name="description" label={t('jobs.description')} rules={[{ max: DESCRIPTION_MAX, message: t('validation.tooLong') }]}>
        <Input.TextArea rows={6} maxLength={DESCRIPTION_MAX} showCount placeholder={t('jobs.descriptionPlaceholder')} data-testid="job-description-input" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="skills"
            label={t('jobs.skills')}
            extra={t('jobs.tagsHint')}
            rules={[tagsRule(SKILLS_MAX, t('jobs.tagsRule', { max: SKILLS_MAX }))]}
          >
            <Select mode="tags" options={skillOptions} tokenSeparators={[',', '，', '、']} data-testid="job-skills-input" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="preferredSkills" label={t('jobs.preferredSkills')} rules={[tagsRule(SKILLS_MAX, t('jobs.tagsRule', { max: SKILLS_MAX }))]}>
            <Select mode="tags" options={skillOptions} tokenSeparators={[',', '，', '、']} data-testid="job-preferred-skills-input" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="degree" label={t('jobs.minDegree')}>
            <Select allowClear options={degreeOptions} placeholder={t('jobs.anyDegree')} data-testid="job-degree-input" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="majors" label={t('jobs.majors')} rules={[tagsRule(MAJORS_MAX, t('jobs.tagsRule', { max: MAJORS_MAX }))]}>
            <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、']} placeholder={t('jobs.majorsPlaceholder')} data-testid="job-majors-input" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="languages" label={t('jobs.languages')} rules={[tagsRule(LANGUAGES_MAX, t('jobs.tagsRule', { max: LANGUAGES_MAX }))]}>
            <Select mode="tags" options={languageOptions} data-testid="job-languages-input" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="townId" label={t('jobs.town')} rules={[{ required: true, message: t('validation.town') }]}>
            <TownSelect placeholder={t('auth.townPlaceholder')} data-testid="job-town-input" />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item
            name="salaryMin"
            label={t('jobs.salaryMin')}
            rules={[{ required: true, type: 'integer', min: 0, max: SALARY_MAX, message: t('jobs.salaryRule') }]}
          >
            <InputNumber min={0} max={SALARY_MAX} step={500} precision={0} style={{ width: '100%' }} data-testid="job-salary-min-input" />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item
            name="salaryMax"
            label={t('jobs.salaryMax')}
            dependencies={['salaryMin']}
            rules={[
              { required: true, type: 'integer', min: 0, max: SALARY_MAX, message: t('jobs.salaryRule') },
              ({ getFieldValue }) => ({
                validator: (_rule, value: number | null | undefined) => {
                  const min = getFieldValue('salaryMin') as number | null | undefined;
                  return value == null || min == null || value >= min ? Promise.resolve() : Promise.reject(new Error(t('jobs.salaryOrder')));
                },
              }),
            ]}
          >
            <InputNumber min={0} max={SALARY_MAX} step={500} precision={0} style={{ width: '100%' }} data-testid="job-salary-max-input" />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name="headcount" label={t('jobs.headcount')} rules={[{ required: true, type: 'integer', min: 1, max: 10_000, message: t('jobs.headcountRule') }]}>
            <InputNumber min={1} max={10_000} precision={0} style={{ width: '100%' }} data-testid="job-headcount-input" />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name="deadline" label={t('jobs.deadline')} rules={[{ required: true, message: t('validation.required') }]}>
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(day) => day.isBefore(dayjs(), 'day')}
              data-testid="job-deadline-input"
            />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={isSubmitting} data-testid="job-submit-form">
        {submitText}
      </Button>
    </Form>
  );
}
