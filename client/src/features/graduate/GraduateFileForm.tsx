import { App, Button, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ZEmailSchema, ZPhoneSchema, ZUpdateGraduateProfileSchema, type TGraduateProfile } from '@yunpin/shared';
import { useErrorText } from '../../lib/use-error-text';
import { trimInput, zodRule } from '../../lib/zod-rule';
import { useUpdateGraduateProfile } from './graduate-api';
import { fileFormPatch, fileFormValues, type TGraduateFileValues } from './graduate-file-form';
import { useDegreeOptions } from './options';

const TEXT_MAX = 128;
const LONG_TEXT_MAX = 500;

export function GraduateFileForm({ profile }: { profile: TGraduateProfile }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const update = useUpdateGraduateProfile(profile.id);
  const degreeOptions = useDegreeOptions();

  const onFinish = (values: TGraduateFileValues) => {
    const parsed = ZUpdateGraduateProfileSchema.safeParse(fileFormPatch(values));
    if (!parsed.success) {
      void message.error(t('validation.invalidForm'));
      return;
    }
    update.mutate(parsed.data, {
      onSuccess: () => void message.success(t('common.saved')),
      onError: (error) => void message.error(errorText(error)),
    });
  };

  return (
    <Form<TGraduateFileValues> layout="vertical" initialValues={fileFormValues(profile)} onFinish={onFinish}>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="school" label={t('graduate.school')} rules={[{ max: TEXT_MAX, message: t('validation.tooLong') }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="major" label={t('graduate.major')} rules={[{ max: TEXT_MAX, message: t('validation.tooLong') }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="degree" label={t('graduate.degree')}>
            <Select allowClear options={degreeOptions} placeholder={t('graduate.degreePlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="graduationYear"
            label={t('graduate.graduationYear')}
            rules={[{ type: 'integer', min: 1990, max: 2100, message: t('validation.graduationYear') }]}
          >
            <InputNumber style={{ width: '100%' }} min={1990} max={2100} precision={0} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="phone"
            label={t('graduate.phone')}
            normalize={trimInput}
            rules={[zodRule(ZPhoneSchema, t('validation.phone'), { optional: true })]}
          >
            <Input autoComplete="tel" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="email"
            label={t('graduate.email')}
            normalize={trimInput}
            rules={[zodRule(ZEmailSchema, t('validation.email'), { optional: true })]}
          >
            <Input autoComplete="email" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="jobIntention"
            label={t('graduate.jobIntention')}
            rules={[{ max: LONG_TEXT_MAX, message: t('validation.tooLong') }]}
          >
            <Input.TextArea rows={3} showCount maxLength={LONG_TEXT_MAX} placeholder={t('graduate.jobIntentionPlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="trainingNeeds"
            label={t('graduate.trainingNeeds')}
            rules={[{ max: LONG_TEXT_MAX, message: t('validation.tooLong') }]}
          >
            <Input.TextArea rows={3} showCount maxLength={LONG_TEXT_MAX} placeholder={t('graduate.trainingNeedsPlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={update.isPending}>
        {t('common.save')}
      </Button>
    </Form>
  );
}
