import { useState } from 'react';
import { App, Button, Card, Checkbox, Flex, Form, Input, Modal, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TChecklistItem, TNoteTemplate } from '@yunpin/shared';
import { useErrorText } from '../../lib/use-error-text';
import { useChecklistItems, useNoteTemplates, useSettingsMutations } from './cases-api';

type TEditing = { kind: 'item'; row: TChecklistItem | null } | { kind: 'template'; row: TNoteTemplate | null };

/** District organisers configure the checklist items (add, rename, reorder, retire) and the case note templates. */
export function CaseSettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const items = useChecklistItems();
  const templates = useNoteTemplates();
  const m = useSettingsMutations();
  const [editing, setEditing] = useState<TEditing | null>(null);
  const run = async (work: Promise<unknown>) => {
    try {
      await work;
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  const active = (items.data ?? []).filter((i) => !i.isRetired);
  const move = (index: number, by: -1 | 1) => {
    const ids = (items.data ?? []).map((i) => i.id);
    const target = index + by;
    if (target < 0 || target >= active.length) return;
    [ids[index], ids[target]] = [ids[target]!, ids[index]!];
    void run(m.reorder.mutateAsync(ids));
  };
  const retiredTag = <Tag>{t('cases.retired')}</Tag>;
  const itemColumns: TableColumnsType<TChecklistItem> = [
    { key: 'zh', title: t('cases.labelZh'), render: (_, row) => <Space>{row.labelZh}{row.isRetired && retiredTag}</Space> },
    { key: 'en', title: t('cases.labelEn'), dataIndex: 'labelEn' },
    {
      key: 'actions',
      title: '',
      render: (_, row, index) => (
        <Space>
          {!row.isRetired && <Button size="small" disabled={index === 0} onClick={() => move(index, -1)}>{t('cases.moveUp')}</Button>}
          {!row.isRetired && <Button size="small" disabled={index === active.length - 1} onClick={() => move(index, 1)}>{t('cases.moveDown')}</Button>}
          <Button size="small" onClick={() => setEditing({ kind: 'item', row })}>{t('cases.edit')}</Button>
          <Button size="small" danger={!row.isRetired} onClick={() => void run(m.updateItem.mutateAsync({ id: row.id, input: { isRetired: !row.isRetired } }))}>
            {row.isRetired ? t('cases.restore') : t('cases.retire')}
          </Button>
        </Space>
      ),
    },
  ];
  const templateColumns: TableColumnsType<TNoteTemplate> = [
    { key: 'title', title: t('cases.title'), render: (_, row) => <Space>{row.title}{row.isContact && <Tag color="blue">{t('cases.contactTemplate')}</Tag>}{row.isRetired && retiredTag}</Space> },
    { key: 'body', title: t('cases.body'), dataIndex: 'body' },
    {
      key: 'actions',
      title: '',
      render: (_, row) => (
        <Space>
          <Button size="small" onClick={() => setEditing({ kind: 'template', row })}>{t('cases.edit')}</Button>
          <Button size="small" danger={!row.isRetired} onClick={() => void run(m.updateTemplate.mutateAsync({ id: row.id, input: { isRetired: !row.isRetired } }))}>
            {row.isRetired ? t('cases.restore') : t('cases.retire')}
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <Flex vertical gap={16}>
      <Card title={t('cases.items')} extra={<Button type="primary" onClick={() => setEditing({ kind: 'item', row: null })}>{t('cases.add')}</Button>}>
        <Table<TChecklistItem> rowKey="id" size="small" columns={itemColumns} dataSource={items.data} loading={items.isFetching} pagination={false} />
      </Card>
      <Card title={t('cases.templates')} extra={<Button type="primary" onClick={() => setEditing({ kind: 'template', row: null })}>{t('cases.add')}</Button>}>
        <Table<TNoteTemplate> rowKey="id" size="small" columns={templateColumns} dataSource={templates.data} loading={templates.isFetching} pagination={false} />
      </Card>
      {editing && <SettingsModal editing={editing} onClose={() => setEditing(null)} run={run} m={m} />}
    </Flex>
  );
}

function SettingsModal({ editing, onClose, run, m }: { editing: TEditing; onClose: () => void; run: (work: Promise<unknown>) => Promise<void>; m: ReturnType<typeof useSettingsMutations> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ labelZh: string; labelEn: string; title: string; body: string; isContact: boolean }>();
  const submit = async () => {
    const v = await form.validateFields();
    if (editing.kind === 'item') {
      const input = { labelZh: v.labelZh, labelEn: v.labelEn };
      await run(editing.row ? m.updateItem.mutateAsync({ id: editing.row.id, input }) : m.createItem.mutateAsync(input));
    } else {
      const input = { title: v.title, body: v.body ?? '', isContact: v.isContact === true };
      await run(editing.row ? m.updateTemplate.mutateAsync({ id: editing.row.id, input }) : m.createTemplate.mutateAsync(input));
    }
    onClose();
  };
  const initial = editing.kind === 'item' ? { labelZh: editing.row?.labelZh, labelEn: editing.row?.labelEn } : { title: editing.row?.title, body: editing.row?.body, isContact: editing.row?.isContact ?? false };
  return (
    <Modal open title={editing.row ? t('cases.edit') : t('cases.add')} onCancel={onClose} onOk={() => void submit()}>
      <Form form={form} layout="vertical" initialValues={initial}>
        {editing.kind === 'item' ? (
          <>
            <Form.Item name="labelZh" label={t('cases.labelZh')} rules={[{ required: true, max: 64 }]}><Input /></Form.Item>
            <Form.Item name="labelEn" label={t('cases.labelEn')} rules={[{ required: true, max: 64 }]}><Input /></Form.Item>
          </>
        ) : (
          <>
            <Form.Item name="title" label={t('cases.title')} rules={[{ required: true, max: 32 }]}><Input /></Form.Item>
            <Form.Item name="body" label={t('cases.body')} rules={[{ max: 2000 }]}><Input.TextArea rows={3} /></Form.Item>
            <Form.Item name="isContact" valuePropName="checked"><Checkbox>{t('cases.isContact')}</Checkbox></Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
