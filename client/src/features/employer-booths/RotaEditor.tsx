import { Alert, App, Button, DatePicker, Flex, Form, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TBooth } from '@yunpin/shared';
import { useErrorText } from '../../lib/use-error-text';
import { useFairTimeText } from '../fairs/use-fair-text';
import { useSetRota } from './booths-api';
import { rotaRows, rotaSlots, type TRotaRow } from './rota-form';

const PICKER_FORMAT = 'YYYY-MM-DD HH:mm';

type TSlot = TBooth['rota'][number];

/** The rota as a list, for those who may not change it. */
export function RotaTable({ booth }: { booth: TBooth }) {
  const { t } = useTranslation();
  const timeText = useFairTimeText();
  const names = new Map(booth.representatives.map((person) => [person.userId, person.name]));
  const columns: TableColumnsType<TSlot & { key: number }> = [
    { key: 'who', title: t('booths.representative'), render: (_, slot) => names.get(slot.userId) ?? t('common.empty') },
    { key: 'when', title: t('booths.slotTime'), render: (_, slot) => timeText(slot) },
  ];
  return (
    <Table
      size="small"
      columns={columns}
      dataSource={booth.rota.map((slot, index) => ({ ...slot, key: index }))}
      pagination={false}
      locale={{ emptyText: t('booths.noRota') }}
    />
  );
}

/** 值班排班: who is on duty when, in Beijing time; while someone is on the rota the booth shows as 在岗. */
export function RotaEditor({ booth }: { booth: TBooth }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const setRota = useSetRota(booth.id);
  const people = booth.representatives.map((person) => ({ value: person.userId, label: person.name }));

  if (people.length === 0) return <Alert type="info" showIcon title={t('booths.noRepresentatives')} />;

  const onFinish = ({ slots }: { slots?: TRotaRow[] }) => {
    const payload = rotaSlots(slots ?? []);
    if (!payload) {
      void message.error(t('booths.rotaInvalid'));
      return;
    }
    setRota.mutate(payload, {
      onSuccess: () => void message.success(t('booths.rotaSaved')),
      onError: (error) => void message.error(errorText(error)),
    });
  };

  return (
    <Form<{ slots?: TRotaRow[] }> layout="vertical" initialValues={{ slots: rotaRows(booth) }} onFinish={onFinish}>
      <Typography.Paragraph type="secondary">{t('booths.rotaHint')}</Typography.Paragraph>
      <Form.List name="slots">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="flex-start" data-testid="rota-slot">
                <Flex vertical flex={1}>
                  <Form.Item
                    name={[field.name, 'userId']}
                    rules={[{ required: true, message: t('validation.required') }]}
                    style={{ marginBottom: 8 }}
                  >
                    <Select options={people} placeholder={t('booths.representative')} aria-label={t('booths.representative')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'range']} rules={[{ required: true, message: t('validation.required') }]}>
                    <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format={PICKER_FORMAT} style={{ width: '100%' }} />
                  </Form.Item>
                </Flex>
                <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('booths.removeSlot')} onClick={() => remove(field.name)} />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="rota-add">
              {t('booths.addSlot')}
            </Button>
          </Flex>
        )}
      </Form.List>
      <Button type="primary" htmlType="submit" loading={setRota.isPending} style={{ marginTop: 16 }} data-testid="rota-save">
        {t('booths.saveRota')}
      </Button>
    </Form>
  );
}
