import { App, Button, Col, Flex, Form, Input, InputNumber, Row } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TApplyBooth } from '@yunpin/shared';
import { boothPayload, type TBoothFormValues } from './booth-form';

const PROFILE_MAX = 4000;
const JOB_TITLE_MAX = 80;
const SALARY_MAX = 40;
const JOBS_MAX = 50;

interface TBoothFormProps {
  initialValues: TBoothFormValues;
  submitText: string;
  isSubmitting: boolean;
  onSubmit: (payload: TApplyBooth) => void;
}

function JobFields() {
  const { t } = useTranslation();
  return (
    <Form.List name="jobs">
      {(fields, { add, remove }) => (
        <Flex vertical gap={8}>
          {fields.map((field) => (
            <Row key={field.key} gutter={8} align="top">
              <Col xs={24} md={10}>
                <Form.Item
                  name={[field.name, 'title']}
                  rules={[
                    { required: true, whitespace: true, message: t('booths.jobTitleRequired') },
                    { max: JOB_TITLE_MAX, message: t('validation.tooLong') },
                  ]}
                >
                  <Input placeholder={t('booths.jobTitle')} aria-label={t('booths.jobTitle')} data-testid="booth-job-title" />
                </Form.Item>
              </Col>
              <Col xs={10} md={5}>
                <Form.Item name={[field.name, 'headcount']}>
                  <InputNumber min={1} max={10_000} precision={0} placeholder={t('booths.headcount')} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} md={7}>
                <Form.Item name={[field.name, 'salary']} rules={[{ max: SALARY_MAX, message: t('validation.tooLong') }]}>
                  <Input placeholder={t('booths.salary')} aria-label={t('booths.salary')} />
                </Form.Item>
              </Col>
              <Col xs={2} md={2}>
                <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('booths.removeJob')} onClick={() => remove(field.name)} />
              </Col>
            </Row>
          ))}
          {fields.length < JOBS_MAX && (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="booth-add-job">
              {t('booths.addJob')}
            </Button>
          )}
        </Flex>
      )}
    </Form.List>
  );
}

/** A booth's profile, jobs, K and soft limit: for applying, and for editing afterwards. */
export function BoothForm({ initialValues, submitText, isSubmitting, onSubmit }: TBoothFormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();

  const onFinish = (values: TBoothFormValues) => {
    const payload = boothPayload(values);
    if (!payload) {
      void message.error(t('validation.invalidForm'));
      return;
    }
    onSubmit(payload);
  };

  return (
    <Form<TBoothFormValues> layout="vertical" initialValues={initialValues} onFinish={onFinish}>
      <Form.Item name="profile" label={t('booths.profile')} rules={[{ max: PROFILE_MAX, message: t('validation.tooLong') }]}>
        <Input.TextArea rows={5} maxLength={PROFILE_MAX} showCount placeholder={t('booths.profilePlaceholder')} data-testid="booth-profile" />
      </Form.Item>
      <Form.Item label={t('booths.jobs')} required={false}>
        <JobFields />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="maxConcurrentChats"
            label={t('booths.maxConcurrentChats')}
            extra={t('booths.maxConcurrentChatsHint')}
            rules={[{ required: true, type: 'integer', min: 1, max: 10, message: t('booths.maxConcurrentChatsRule') }]}
          >
            <InputNumber min={1} max={10} precision={0} style={{ width: '100%' }} data-testid="booth-k" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="softLimitMinutes"
            label={t('booths.softLimitMinutes')}
            extra={t('booths.softLimitHint')}
            rules={[{ required: true, type: 'integer', min: 1, max: 120, message: t('booths.softLimitRule') }]}
          >
            <InputNumber min={1} max={120} precision={0} style={{ width: '100%' }} data-testid="booth-soft-limit" />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={isSubmitting} data-testid="booth-submit">
        {submitText}
      </Button>
    </Form>
  );
}
