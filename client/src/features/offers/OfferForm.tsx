import { useState } from 'react';
import { Alert, App, Button, DatePicker, Flex, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { validationDetails } from '../interviews/interview-text';
import { startsInTime, templateFromValues, valuesFromTemplate, type TOfferFormValues } from './offer-form';
import { useOfferErrorText } from './offer-text';
import { useCreateOfferTemplate, useOfferTemplates } from './offers-api';

const POSITION_MAX = 100;
const LOCATION_MAX = 200;
const CONDITIONS_MAX = 4000;
const TEMPLATE_NAME_MAX = 60;
const SALARY_MAX = 1_000_000;
const PROBATION_MAX = 6;

interface TOfferFormProps {
  form: FormInstance<TOfferFormValues>;
  initialValues: TOfferFormValues;
  onFinish: (values: TOfferFormValues) => void;
  isSubmitting: boolean;
  submitLabel: string;
  /** The last refusal of the save, whose field messages are listed. */
  error: unknown;
  /** A new offer may start from one of the employer's templates, and its terms be kept as one. */
  withTemplates?: boolean;
}

/** 模板: fills the form from a saved template; the terms it leaves out stay as they are. */
function TemplatePicker({ form }: { form: FormInstance<TOfferFormValues> }) {
  const { t } = useTranslation();
  const templates = useOfferTemplates();
  return (
    <Form.Item name="templateId" label={t('offers.template')} extra={t('offers.templateHint')}>
      <Select
        allowClear
        loading={templates.isPending}
        placeholder={t('offers.templateNone')}
        options={(templates.data ?? []).map((template) => ({ value: template.id, label: template.name }))}
        onChange={(id?: string) => {
          const template = templates.data?.find((candidate) => candidate.id === id);
          if (template) form.setFieldsValue(valuesFromTemplate(template));
        }}
        data-testid="offer-template"
      />
    </Form.Item>
  );
}

/** 存为模板: keeps the terms now in the form under a name, for the next offers. */
function SaveTemplateButton({ form }: { form: FormInstance<TOfferFormValues> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useOfferErrorText();
  const create = useCreateOfferTemplate();
  const [isOpen, setIsOpen] = useState(false);
  const [name, setName] = useState('');
  const save = () =>
    create.mutate(templateFromValues(name, form.getFieldsValue()), {
      onSuccess: (template) => {
        setIsOpen(false);
        setName('');
        form.setFieldValue('templateId', template.id);
        void message.success(t('offers.templateSaved', { name: template.name }));
      },
      onError: (error) => void message.error(errorText(error)),
    });
  return (
    <>
      <Button icon={<SaveOutlined />} onClick={() => setIsOpen(true)} data-testid="offer-template-save">
        {t('offers.saveTemplate')}
      </Button>
      <Modal
        open={isOpen}
        title={t('offers.saveTemplate')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: name.trim() === '', loading: create.isPending }}
        onOk={save}
        onCancel={() => setIsOpen(false)}
        destroyOnHidden
      >
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">{t('offers.saveTemplateHint')}</Typography.Text>
          <Input value={name} maxLength={TEMPLATE_NAME_MAX} onChange={(event) => setName(event.target.value)} placeholder={t('offers.templateName')} data-testid="offer-template-name" />
        </Flex>
      </Modal>
    </>
  );
}

/** The letter's terms: position, salary, start date, probation, place, conditions, and until when it may be signed. */
export function OfferForm({ form, initialValues, onFinish, isSubmitting, submitLabel, error, withTemplates = false }: TOfferFormProps) {
  const { t } = useTranslation();
  const details = validationDetails(error);
  return (
    <Form<TOfferFormValues> form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish} data-testid="offer-form">
      {withTemplates && <TemplatePicker form={form} />}
      <Form.Item name="position" label={t('offers.position')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: POSITION_MAX, message: t('validation.tooLong') }]}>
        <Input maxLength={POSITION_MAX} data-testid="offer-position" />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item name="salaryMonthlyYuan" label={t('offers.salary')} rules={[{ required: true, type: 'integer', min: 1, max: SALARY_MAX, message: t('offers.salaryRule') }]}>
          <InputNumber min={1} max={SALARY_MAX} step={500} precision={0} suffix={t('offers.yuan')} style={{ width: 180 }} data-testid="offer-salary" />
        </Form.Item>
        <Form.Item name="probationMonths" label={t('offers.probation')} rules={[{ required: true, type: 'integer', min: 0, max: PROBATION_MAX, message: t('offers.probationRule', { max: PROBATION_MAX }) }]}>
          <InputNumber min={0} max={PROBATION_MAX} precision={0} suffix={t('offers.months')} style={{ width: 140 }} data-testid="offer-probation" />
        </Form.Item>
      </Flex>
      <Form.Item name="location" label={t('offers.location')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: LOCATION_MAX, message: t('validation.tooLong') }]}>
        <Input maxLength={LOCATION_MAX} data-testid="offer-location" />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item
          name="expiresAt"
          label={t('offers.expiresAt')}
          extra={t('interviews.beijingTime')}
          rules={[
            { required: true, message: t('validation.required') },
            { validator: (_rule, value: Dayjs | undefined) => (!value || value.isAfter(dayjs()) ? Promise.resolve() : Promise.reject(new Error(t('interviews.mustBeFuture')))) },
          ]}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(day) => day.isBefore(dayjs(), 'day')} data-testid="offer-expires-at" />
        </Form.Item>
        <Form.Item
          name="startDate"
          label={t('offers.startDate')}
          dependencies={['expiresAt']}
          rules={[
            { required: true, message: t('validation.required') },
            ({ getFieldValue }) => ({
              validator: (_rule, value: Dayjs | undefined) => {
                const expiresAt = getFieldValue('expiresAt') as Dayjs | undefined;
                return !value || !expiresAt || startsInTime(value, expiresAt) ? Promise.resolve() : Promise.reject(new Error(t('offers.startBeforeExpiry')));
              },
            }),
          ]}
        >
          <DatePicker disabledDate={(day) => day.isBefore(dayjs(), 'day')} data-testid="offer-start-date" />
        </Form.Item>
      </Flex>
      <Form.Item name="conditions" label={t('offers.conditions')} rules={[{ max: CONDITIONS_MAX, message: t('validation.tooLong') }]}>
        <Input.TextArea rows={4} maxLength={CONDITIONS_MAX} showCount placeholder={t('offers.conditionsPlaceholder')} data-testid="offer-conditions" />
      </Form.Item>
      {details.length > 0 && <Alert type="error" showIcon title={t('validation.invalidForm')} description={details.join('\n')} style={{ marginBottom: 16, whiteSpace: 'pre-wrap' }} data-testid="offer-form-errors" />}
      <Flex gap={8} wrap>
        <Button type="primary" htmlType="submit" loading={isSubmitting} data-testid="offer-form-submit">
          {submitLabel}
        </Button>
        {withTemplates && <SaveTemplateButton form={form} />}
      </Flex>
    </Form>
  );
}
