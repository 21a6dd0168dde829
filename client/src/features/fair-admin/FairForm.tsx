import { App, Button, Checkbox, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TCreateFair } from '@yunpin/shared';
import { useRegions, useTowns } from '../district/district-api';
import { useFairLevelOptions, usePriorityLaneOptions } from '../fairs/options';
import { fairPayload, type TFairFormValues } from './fair-form';

const TITLE_MAX = 120;
const DESCRIPTION_MAX = 4000;
const PICKER_FORMAT = 'YYYY-MM-DD HH:mm';

interface TFairFormProps {
  initialValues: TFairFormValues;
  submitText: string;
  isSubmitting: boolean;
  onSubmit: (payload: TCreateFair) => void;
}

/** Co-hosts: any towns (the development zone is one of them) and any regions. */
function HostFields() {
  const { t } = useTranslation();
  const towns = useTowns();
  const regions = useRegions();
  /** The development zone, paired with every region, comes first. */
  const townOptions = [...(towns.data ?? [])]
    .sort((a, b) => Number(b.isDevZone) - Number(a.isDevZone))
    .map((town) => ({ value: town.id, label: town.name }));
  const regionOptions = (regions.data ?? []).map((region) => ({ value: region.id, label: region.name }));
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name="regionIds" label={t('fairAdmin.hostRegions')}>
          <Select mode="multiple" allowClear options={regionOptions} loading={regions.isPending} showSearch={{ optionFilterProp: 'label' }} data-testid="fair-host-regions" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="townIds" label={t('fairAdmin.hostTowns')}>
          <Select mode="multiple" allowClear options={townOptions} loading={towns.isPending} showSearch={{ optionFilterProp: 'label' }} data-testid="fair-host-towns" />
        </Form.Item>
      </Col>
    </Row>
  );
}

export function FairForm({ initialValues, submitText, isSubmitting, onSubmit }: TFairFormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const levelOptions = useFairLevelOptions();
  const laneOptions = usePriorityLaneOptions();

  const onFinish = (values: TFairFormValues) => {
    const payload = fairPayload(values);
    if (!payload) {
      void message.error(t('validation.invalidForm'));
      return;
    }
    onSubmit(payload);
  };

  return (
    <Form<TFairFormValues> layout="vertical" initialValues={initialValues} onFinish={onFinish}>
      <Form.Item
        name="title"
        label={t('fairs.title')}
        rules={[
          { required: true, whitespace: true, message: t('validation.required') },
          { min: 2, max: TITLE_MAX, message: t('fairAdmin.titleRule') },
        ]}
      >
        <Input maxLength={TITLE_MAX} data-testid="fair-title-input" />
      </Form.Item>
      <Form.Item name="level" label={t('fairs.level')} rules={[{ required: true, message: t('validation.required') }]}>
        <Radio.Group options={levelOptions} optionType="button" buttonStyle="solid" />
      </Form.Item>
      <HostFields />
      <Form.Item
        name="range"
        label={t('fairs.time')}
        extra={t('fairAdmin.beijingTimeHint')}
        rules={[
          { required: true, message: t('validation.required') },
          {
            validator: (_rule, value: TFairFormValues['range']) =>
              !value?.[0] || !value[1] || value[1].isAfter(value[0])
                ? Promise.resolve()
                : Promise.reject(new Error(t('fairAdmin.endAfterStart'))),
          },
        ]}
      >
        <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format={PICKER_FORMAT} data-testid="fair-range" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="capacity"
            label={t('fairs.capacity')}
            rules={[{ required: true, type: 'integer', min: 1, max: 100_000, message: t('fairAdmin.capacityRule') }]}
          >
            <InputNumber min={1} max={100_000} precision={0} style={{ width: '100%' }} data-testid="fair-capacity" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="callTimeoutSeconds"
            label={t('fairAdmin.callTimeout')}
            extra={t('fairAdmin.callTimeoutHint')}
            rules={[{ required: true, type: 'integer', min: 10, max: 600, message: t('fairAdmin.callTimeoutRule') }]}
          >
            <InputNumber min={10} max={600} precision={0} style={{ width: '100%' }} data-testid="fair-call-timeout" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="priorityLanes" label={t('fairAdmin.priorityLanes')} extra={t('fairAdmin.priorityLanesHint')}>
        <Checkbox.Group options={laneOptions} />
      </Form.Item>
      <Form.Item name="description" label={t('fairAdmin.description')} rules={[{ max: DESCRIPTION_MAX, message: t('validation.tooLong') }]}>
        <Input.TextArea rows={4} maxLength={DESCRIPTION_MAX} showCount />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={isSubmitting} data-testid="fair-submit">
        {submitText}
      </Button>
    </Form>
  );
}
