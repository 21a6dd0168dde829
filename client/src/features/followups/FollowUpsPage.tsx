import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, Modal, Select, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SALARY_BANDS, type TConfirmFollowUp, type TFollowUp, type TFollowUpAnswer } from '@yunpin/shared';
import { useCurrentUser } from '../../app/current-user';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useErrorText } from '../../lib/use-error-text';
import { ServerCsvButton } from '../jobs/ServerCsvButton';

const FOLLOWUPS_KEY = ['followups'] as const;

interface TAnswerForm {
  stillEmployed: boolean;
  samePosition: boolean;
  salaryBand: TConfirmFollowUp['salaryBand'];
  hasNewJob?: boolean;
  employerName?: string;
  position?: string;
  startDate?: string;
}

/** The graduate's or the employer's answer; a graduate who changed job names the new one. */
function ConfirmModal({ followUp, onClose }: { followUp: TFollowUp; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const user = useCurrentUser();
  const client = useQueryClient();
  const [form] = Form.useForm<TAnswerForm>();
  const hasNewJob = Form.useWatch('hasNewJob', form);
  const confirm = useMutation({
    mutationFn: (input: TConfirmFollowUp) => api.post(`/followups/${followUp.id}/confirm`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: FOLLOWUPS_KEY }),
  });
  const submit = async () => {
    const v = await form.validateFields();
    const input: TConfirmFollowUp = {
      stillEmployed: v.stillEmployed,
      samePosition: v.samePosition,
      salaryBand: v.salaryBand,
      ...(v.hasNewJob && v.employerName && v.position && v.startDate ? { newJob: { employerName: v.employerName, position: v.position, startDate: v.startDate } } : {}),
    };
    await confirm.mutateAsync(input).then(() => {
      void message.success(t('followups.saved'));
      onClose();
    }, (e: unknown) => void message.error(errorText(e)));
  };
  return (
    <Modal open title={t('followups.confirmTitle', { month: followUp.month })} onOk={() => void submit()} onCancel={onClose} confirmLoading={confirm.isPending}>
      <Form form={form} layout="vertical" initialValues={{ stillEmployed: true, samePosition: true, salaryBand: '5000_8000' }}>
        <Form.Item name="stillEmployed" label={t('followups.stillEmployed')} valuePropName="checked"><Switch /></Form.Item>
        <Form.Item name="samePosition" label={t('followups.samePosition')} valuePropName="checked"><Switch /></Form.Item>
        <Form.Item name="salaryBand" label={t('followups.salaryBand')}>
          <Select options={SALARY_BANDS.map((b) => ({ value: b, label: t(`followups.bands.${b}`) }))} />
        </Form.Item>
        {user.role === 'graduate' && (
          <Form.Item name="hasNewJob" label={t('followups.changedJob')} valuePropName="checked"><Switch /></Form.Item>
        )}
        {hasNewJob && (
          <>
            <Form.Item name="employerName" label={t('followups.newEmployer')} rules={[{ required: true }]}><Input /></Form.Item>
            <Form.Item name="position" label={t('followups.newPosition')} rules={[{ required: true }]}><Input /></Form.Item>
            <Form.Item name="startDate" label={t('followups.newStart')} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}><Input placeholder="2027-05-01" /></Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

/** Follow-up tasks: caseworkers see their towns' (with mismatch flags); the graduate and the employer answer theirs. */
export function FollowUpsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [isMismatchOnly, setIsMismatchOnly] = useState(false);
  const [answering, setAnswering] = useState<TFollowUp>();
  const list = useQuery({
    queryKey: [...FOLLOWUPS_KEY, isMismatchOnly],
    queryFn: ({ signal }) => api.get<{ items: TFollowUp[] }>('/followups', { status: isMismatchOnly ? 'mismatch' : undefined }, signal).then((r) => r.items),
    staleTime: 0,
  });
  const canAnswer = user.role === 'graduate' || user.role === 'recruiter' || user.role === 'employer_admin';
  const answered = (f: TFollowUp) => (user.role === 'graduate' ? f.graduateAnswer : f.employerAnswer) !== null;
  const columns = [
    { title: t('followups.graduate'), dataIndex: 'graduateName' },
    { title: t('followups.town'), dataIndex: 'townName' },
    { title: t('followups.employer'), key: 'employer', render: (_: unknown, f: TFollowUp) => `${f.placement.employerName} · ${f.placement.position}` },
    { title: t('followups.month'), dataIndex: 'month', render: (m: number) => t('followups.monthN', { month: m }) },
    { title: t('followups.due'), dataIndex: 'dueAt', render: (v: string) => formatDateTime(v) },
    {
      title: t('followups.status'),
      key: 'status',
      render: (_: unknown, f: TFollowUp) => (
        <Flex gap={4} wrap>
          <Tag color={f.status === 'mismatch' ? 'red' : f.status === 'confirmed' ? 'green' : undefined}>{t(`followups.statuses.${f.status}`)}</Tag>
          {f.mismatches.map((m) => <Tag key={m} color="orange">{t(`followups.questions.${m as keyof TFollowUpAnswer}`)}</Tag>)}
          {f.placement.endedAt && <Tag>{t('followups.jobChanged')}</Tag>}
        </Flex>
      ),
    },
    ...(canAnswer ? [{ title: '', key: 'answer', render: (_: unknown, f: TFollowUp) => <Button size="small" type={answered(f) ? 'default' : 'primary'} onClick={() => setAnswering(f)}>{answered(f) ? t('followups.change') : t('followups.answer')}</Button> }] : []),
  ];
  return (
    <Card title={t('nav.followUps')} extra={<ServerCsvButton path={`/followups.csv${isMismatchOnly ? '?status=mismatch' : ''}`} name={t('nav.followUps')} testId="followup-export" />}>
      <Flex vertical gap={16}>
        <Flex gap={8} align="center">
          <Switch checked={isMismatchOnly} onChange={setIsMismatchOnly} aria-label={t('followups.mismatchOnly')} />
          {t('followups.mismatchOnly')}
        </Flex>
        <Table rowKey="id" loading={list.isLoading} dataSource={list.data ?? []} columns={columns} scroll={{ x: true }} />
      </Flex>
      {answering && <ConfirmModal followUp={answering} onClose={() => setAnswering(undefined)} />}
    </Card>
  );
}
