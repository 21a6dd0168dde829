import { useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Flex, Form, Input, List, Modal, Row, Select, Tag, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { SERVICE_TYPES, type TCaseFile, type TChecklistEntry, type TRecommendedJob, type TServiceType, type TTimelineEntry } from '@yunpin/shared';
import { PageLoading } from '../../app/ui/PageLoading';
import { QueryError } from '../../app/ui/QueryError';
import { formatDateTime } from '../../lib/format';
import { useErrorText } from '../../lib/use-error-text';
import { useRouteParam } from '../../lib/use-route-param';
import { EmploymentStatusTag } from '../graduate/EmploymentStatusTag';
import { useCaseFile, useCaseMutations, useCaseTimeline, useNoteTemplates, useRecommendedJobs } from './cases-api';

type TMutations = ReturnType<typeof useCaseMutations>;

/** A graduate's case file: checklist with cross-off and undo, the timeline, notes from templates, services and recommended jobs. */
export function CaseFilePage() {
  const id = useRouteParam('graduateId');
  const { t } = useTranslation();
  const file = useCaseFile(id);
  const canEdit = file.data?.canEdit === true;
  const timeline = useCaseTimeline(id, canEdit);
  const mutations = useCaseMutations(id);
  const [serviceDraft, setServiceDraft] = useState<{ type: TServiceType; jobId?: string; note?: string } | null>(null);
  if (file.isError) return <QueryError error={file.error} onRetry={() => void file.refetch()} />;
  if (!file.data) return <PageLoading />;
  const g = file.data.graduate;
  return (
    <Flex vertical gap={16}>
      <Card title={`${t('cases.caseFile')} · ${g.name}`} extra={canEdit && <Button type="primary" onClick={() => setServiceDraft({ type: 'career_guidance' })}>{t('cases.addService')}</Button>}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('cases.columns.town')}>{g.townName ?? t('common.empty')}</Descriptions.Item>
          <Descriptions.Item label={t('cases.columns.status')}>
            <EmploymentStatusTag status={g.employmentStatus} />
            {g.isHardship === true && <Tag color="red">{t('cases.filters.hardship')}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t('cases.columns.lastContact')}>{g.lastContactAt ? formatDateTime(g.lastContactAt) : t('cases.neverContacted')}</Descriptions.Item>
          <Descriptions.Item label={t('cases.columns.school')}>{g.school ?? t('common.empty')}</Descriptions.Item>
          <Descriptions.Item label={t('cases.columns.major')}>{g.major ?? t('common.empty')}</Descriptions.Item>
          <Descriptions.Item label={t('cases.columns.jobIntention')}>{g.jobIntention ?? t('common.empty')}</Descriptions.Item>
        </Descriptions>
        {!canEdit && <Alert type="info" showIcon message={t('cases.readOnly')} />}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <ChecklistCard file={file.data} mutations={mutations} />
        </Col>
        {canEdit && (
          <Col xs={24} lg={14}>
            <Flex vertical gap={16}>
              <NoteForm mutations={mutations} />
              <RecommendedJobsCard graduateId={id} onIntroduce={(job) => setServiceDraft({ type: 'job_introduction', jobId: job.jobId, note: t('cases.introducedJob', { title: job.title, organisation: job.organisationName }) })} />
              <Card title={t('cases.timeline')} size="small" loading={timeline.isLoading}>
                <CaseTimeline items={timeline.data ?? []} />
              </Card>
            </Flex>
          </Col>
        )}
      </Row>
      {serviceDraft && <ServiceModal draft={serviceDraft} mutations={mutations} onClose={() => setServiceDraft(null)} />}
    </Flex>
  );
}

export function ChecklistCard({ file, mutations }: { file: TCaseFile; mutations: TMutations }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [acting, setActing] = useState<{ entry: TChecklistEntry; action: 'cross' | 'undo' } | null>(null);
  const [text, setText] = useState('');
  const label = (entry: TChecklistEntry) => (i18n.language === 'en' ? entry.item.labelEn : entry.item.labelZh);
  const submit = async () => {
    if (!acting) return;
    try {
      if (acting.action === 'cross') await mutations.cross.mutateAsync({ itemId: acting.entry.item.id, note: text.trim() });
      else await mutations.undo.mutateAsync({ itemId: acting.entry.item.id, reason: text.trim() });
      setActing(null);
      setText('');
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  return (
    <Card title={t('cases.checklist')} size="small" extra={t('cases.progress', file.progress)}>
      <List
        dataSource={file.checklist}
        renderItem={(entry) => (
          <List.Item
            data-testid={`checklist-${entry.item.key ?? entry.item.id}`}
            actions={
              file.canEdit
                ? [
                    entry.isCrossed ? (
                      <Button key="undo" size="small" onClick={() => setActing({ entry, action: 'undo' })}>{t('cases.undo')}</Button>
                    ) : (
                      <Button key="cross" size="small" type="primary" onClick={() => setActing({ entry, action: 'cross' })}>{t('cases.cross')}</Button>
                    ),
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Flex gap={8} align="center">
                  <Typography.Text delete={entry.isCrossed}>{label(entry)}</Typography.Text>
                  {entry.isAutomatic && <Tag color="blue">{t('cases.automatic')}</Tag>}
                </Flex>
              }
              description={
                entry.isCrossed
                  ? [entry.crossedAt && !entry.isAutomatic ? t('cases.crossedBy', { who: entry.crossedBy ?? '', at: formatDateTime(entry.crossedAt) }) : '', entry.crossedAt && entry.isAutomatic ? formatDateTime(entry.crossedAt) : '', entry.note ?? '', entry.source ? t('cases.automaticFrom', { source: entry.source }) : '']
                      .filter(Boolean)
                      .join(' · ')
                  : null
              }
            />
          </List.Item>
        )}
      />
      {file.history && file.history.length > 0 && (
        <>
          <Typography.Title level={5}>{t('cases.history')}</Typography.Title>
          <Timeline
            items={file.history.map((e) => ({
              color: e.action === 'crossed' ? 'green' : 'gray',
              children: `${formatDateTime(e.at)} ${e.action === 'crossed' ? t('cases.historyCrossed') : t('cases.historyUndone')} ${e.itemLabelZh} · ${e.actorName ?? t('cases.automatic')}${e.note ? ` · ${e.note}` : ''}`,
            }))}
          />
        </>
      )}
      <Modal
        open={acting !== null}
        title={acting ? `${acting.action === 'cross' ? t('cases.cross') : t('cases.undo')}：${label(acting.entry)}` : ''}
        onCancel={() => setActing(null)}
        onOk={() => void submit()}
        okButtonProps={{ disabled: acting?.action === 'undo' && text.trim() === '', loading: mutations.cross.isPending || mutations.undo.isPending }}
      >
        <Input.TextArea rows={3} value={text} maxLength={500} placeholder={acting?.action === 'undo' ? t('cases.undoReason') : t('cases.crossNote')} aria-label={acting?.action === 'undo' ? t('cases.undoReason') : t('cases.crossNote')} onChange={(e) => setText(e.target.value)} />
      </Modal>
    </Card>
  );
}

function NoteForm({ mutations }: { mutations: TMutations }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const templates = useNoteTemplates();
  const [templateId, setTemplateId] = useState<string | undefined>();
  const [body, setBody] = useState('');
  const active = (templates.data ?? []).filter((x) => !x.isRetired);
  const pick = (id: string | undefined) => {
    setTemplateId(id);
    setBody(active.find((x) => x.id === id)?.body ?? '');
  };
  const submit = async () => {
    try {
      await mutations.addNote.mutateAsync({ ...(templateId ? { templateId } : {}), body: body.trim() });
      pick(undefined);
      void message.success(t('common.saved'));
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  return (
    <Card title={t('cases.addNote')} size="small">
      <Flex vertical gap={8}>
        <Select
          allowClear
          value={templateId}
          placeholder={t('cases.template')}
          aria-label={t('cases.template')}
          options={active.map((x) => ({ value: x.id, label: x.isContact ? `${x.title}（${t('cases.contactTemplate')}）` : x.title }))}
          onChange={(id?: string) => pick(id)}
        />
        <Input.TextArea rows={3} value={body} maxLength={4000} placeholder={t('cases.noteBody')} aria-label={t('cases.noteBody')} onChange={(e) => setBody(e.target.value)} />
        <Button type="primary" disabled={body.trim() === ''} loading={mutations.addNote.isPending} onClick={() => void submit()} style={{ alignSelf: 'flex-end' }}>
          {t('cases.addNote')}
        </Button>
      </Flex>
    </Card>
  );
}

function RecommendedJobsCard({ graduateId, onIntroduce }: { graduateId: string; onIntroduce: (job: TRecommendedJob) => void }) {
  const { t } = useTranslation();
  const jobs = useRecommendedJobs(graduateId, true);
  return (
    <Card title={t('cases.recommendedJobs')} size="small" loading={jobs.isLoading}>
      {jobs.isError ? (
        <QueryError error={jobs.error} onRetry={() => void jobs.refetch()} />
      ) : (
        <List
          size="small"
          locale={{ emptyText: t('cases.noRecommendations') }}
          dataSource={(jobs.data ?? []).slice(0, 5)}
          renderItem={(job) => (
            <List.Item actions={[<Button key="introduce" size="small" onClick={() => onIntroduce(job)}>{t('cases.recordIntroduction')}</Button>]}>
              <List.Item.Meta title={`${job.title} · ${job.organisationName}`} description={`${job.townName} · ${job.salaryMin}–${job.salaryMax} · ${Math.round(job.score)}`} />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function ServiceModal({ draft, mutations, onClose }: { draft: { type: TServiceType; jobId?: string; note?: string }; mutations: TMutations; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ type: TServiceType; date: Dayjs; provider?: string; note?: string; outcome?: string }>();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await mutations.addService.mutateAsync({
        type: v.type,
        date: v.date.format('YYYY-MM-DD'),
        ...(v.provider ? { provider: v.provider } : {}),
        ...(draft.jobId && v.type === 'job_introduction' ? { jobId: draft.jobId } : {}),
        note: v.note ?? '',
        outcome: v.outcome ?? '',
      });
      onClose();
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  return (
    <Modal open title={t('cases.addService')} onCancel={onClose} onOk={() => void submit()} okButtonProps={{ loading: mutations.addService.isPending }}>
      <Form form={form} layout="vertical" initialValues={{ type: draft.type, date: dayjs(), note: draft.note }}>
        <Form.Item name="type" label={t('cases.serviceType')} rules={[{ required: true }]}>
          <Select options={SERVICE_TYPES.map((type) => ({ value: type, label: t(`cases.serviceTypes.${type}`) }))} />
        </Form.Item>
        <Form.Item name="date" label={t('cases.serviceDate')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="provider" label={t('cases.provider')}>
          <Input maxLength={128} />
        </Form.Item>
        <Form.Item name="note" label={t('cases.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="outcome" label={t('cases.outcome')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function TimelineText({ entry }: { entry: TTimelineEntry }): string {
  const { t } = useTranslation();
  switch (entry.type) {
    case 'note':
      return `${entry.title}${entry.isContact ? `（${t('cases.contactTemplate')}）` : ''} · ${entry.authorName ?? ''}：${entry.body}`;
    case 'activity':
      return `${t(`cases.activityKinds.${entry.kind}`)}：${entry.summary}`;
    case 'service': {
      const s = entry.service;
      return `${t(`cases.serviceTypes.${s.type}`)} ${s.date}${s.jobTitle ? ` · ${s.jobTitle}` : ''}${s.provider ? ` · ${s.provider}` : ''}${s.note ? ` · ${s.note}` : ''}${s.outcome ? ` → ${s.outcome}` : ''}`;
    }
    case 'checklist':
      return `${entry.event.action === 'crossed' ? t('cases.historyCrossed') : t('cases.historyUndone')} ${entry.event.itemLabelZh}${entry.event.note ? ` · ${entry.event.note}` : ''}`;
  }
}

const TIMELINE_COLOURS: Record<TTimelineEntry['type'], string> = { note: 'blue', activity: 'purple', service: 'green', checklist: 'gray' };

function CaseTimeline({ items }: { items: TTimelineEntry[] }) {
  return (
    <Timeline
      data-testid="case-timeline"
      items={items.map((entry) => ({
        key: `${entry.type}-${entry.id}`,
        color: TIMELINE_COLOURS[entry.type],
        children: (
          <>
            <Typography.Text type="secondary">{formatDateTime(entry.at)}</Typography.Text> <TimelineText entry={entry} />
          </>
        ),
      }))}
    />
  );
}
