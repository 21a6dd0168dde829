import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, List, Segmented, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_METRICS, type TReportGroup, type TWeeklyReport, type TWeeklyReportRow, type TWeeklyReportSummary } from '@yunpin/shared';
import { useCurrentUser } from '../../app/current-user';
import { api, apiDownload } from '../../lib/api';
import { downloadBlob } from '../../lib/csv';
import { formatDateTime } from '../../lib/format';
import { useErrorText } from '../../lib/use-error-text';
import { ServerCsvButton } from '../jobs/ServerCsvButton';

const REPORTS_KEY = ['weekly-reports'] as const;

/** A figure with its change against the previous week (+n / −n). */
function Figure({ value, change }: { value: number; change: number | null }) {
  return (
    <span>
      {value}
      {change !== null && change !== 0 && (
        <Typography.Text type={change > 0 ? 'success' : 'danger'} style={{ marginLeft: 6 }}>
          {change > 0 ? `+${change}` : `−${-change}`}
        </Typography.Text>
      )}
    </span>
  );
}

function ReportView({ id }: { id: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [group, setGroup] = useState<TReportGroup>('all');
  const report = useQuery({ queryKey: [...REPORTS_KEY, id], queryFn: ({ signal }) => api.get<TWeeklyReport>(`/reports/weekly/${id}`, undefined, signal) });
  const download = () =>
    apiDownload(`/reports/weekly/${id}/report.xlsx`).then((blob) => downloadBlob(`weekly-report-${report.data?.weekStart ?? id}.xlsx`, blob), (e: unknown) => void message.error(errorText(e)));
  const columns = [
    { title: t('reports.scope'), key: 'scope', render: (_: unknown, r: TWeeklyReportRow) => `${t(`reports.scopes.${r.scope}`)} · ${r.scopeName}` },
    ...REPORT_METRICS.map((m) => ({ title: t(`reports.metrics.${m}`), key: m, render: (_: unknown, r: TWeeklyReportRow) => <Figure value={r.figures[m]} change={r.change ? r.change[m] : null} /> })),
  ];
  return (
    <Card
      title={t('reports.weekOf', { week: report.data?.weekStart ?? '' })}
      extra={<Button icon={<DownloadOutlined />} onClick={() => void download()}>{t('reports.downloadXlsx')}</Button>}
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{report.data?.previousWeekStart ? t('reports.comparedWith', { week: report.data.previousWeekStart }) : t('reports.noPrevious')}</Typography.Text>
        <Segmented value={group} onChange={(v) => setGroup(v as TReportGroup)} options={(['all', 'local', 'low_income'] as const).map((g) => ({ value: g, label: t(`reports.groups.${g}`) }))} />
        <Table rowKey={(r) => `${r.scope}-${r.scopeId ?? ''}-${r.group}`} size="small" pagination={false} loading={report.isLoading} dataSource={(report.data?.rows ?? []).filter((r) => r.group === group)} columns={columns} scroll={{ x: true }} />
        <Typography.Text type="secondary">{t('reports.definitions')}</Typography.Text>
      </Flex>
    </Card>
  );
}

/** Weekly reports: the list, one report with its week-on-week change, the xlsx download. */
export function WeeklyReportsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const user = useCurrentUser();
  const client = useQueryClient();
  const list = useQuery({ queryKey: REPORTS_KEY, queryFn: ({ signal }) => api.get<{ items: TWeeklyReportSummary[] }>('/reports/weekly', undefined, signal).then((r) => r.items) });
  const [selected, setSelected] = useState<string>();
  const produce = useMutation({ mutationFn: () => api.post<TWeeklyReport>('/reports/weekly'), onSuccess: () => client.invalidateQueries({ queryKey: REPORTS_KEY }) });
  const current = selected ?? list.data?.[0]?.id;
  return (
    <Flex gap={16} align="start" wrap>
      <Card
        title={t('nav.weeklyReports')}
        style={{ minWidth: 260 }}
        extra={<ServerCsvButton path="/reports/weekly.csv" name={t('nav.weeklyReports')} testId="report-export" />}
      >
        {(user.role === 'organiser' || user.role === 'admin') && (
          <Button block style={{ marginBottom: 12 }} loading={produce.isPending} onClick={() => produce.mutateAsync().then((r) => setSelected(r.id), (e: unknown) => void message.error(errorText(e)))}>
            {t('reports.produceNow')}
          </Button>
        )}
        <List
          loading={list.isLoading}
          dataSource={list.data ?? []}
          renderItem={(r) => (
            <List.Item onClick={() => setSelected(r.id)} style={{ cursor: 'pointer', fontWeight: r.id === current ? 600 : undefined }}>
              <List.Item.Meta title={t('reports.weekOf', { week: r.weekStart })} description={formatDateTime(r.generatedAt)} />
            </List.Item>
          )}
        />
      </Card>
      <div style={{ flex: 1, minWidth: 480 }}>{current ? <ReportView id={current} /> : <Card>{t('reports.none')}</Card>}</div>
    </Flex>
  );
}
