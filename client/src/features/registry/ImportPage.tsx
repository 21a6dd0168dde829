import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, Progress, Table, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { TImportMode, TImportReport, TImportRowError } from '@yunpin/shared';
import { apiDownload } from '../../lib/api';
import { isApiError } from '../../lib/api-error';
import { downloadBlob } from '../../lib/csv';
import { useErrorText } from '../../lib/use-error-text';
import { importSpreadsheet } from './registry-api';
import { fill, useRegistryTexts } from './registry-texts';

/** 名册导入: template, upload with progress, the row report, and a commit enabled only when every row passes. */
export function ImportPage() {
  const r = useRegistryTexts();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [report, setReport] = useState<TImportReport | null>(null);

  const run = async (mode: TImportMode) => {
    if (!file) return;
    setProgress(0);
    try {
      const answer = await importSpreadsheet(file, mode, setProgress);
      setReport(answer);
      if (answer.isCommitted) void message.success(fill(r.committed, { count: answer.validRows }));
    } catch (error) {
      // A refused commit carries the full report: show it like a validation.
      if (isApiError(error) && error.code === 'unprocessable_file' && error.details && typeof error.details === 'object' && 'errors' in error.details) {
        setReport(error.details as TImportReport);
      }
      void message.error(errorText(error));
    } finally {
      setProgress(null);
    }
  };

  const canCommit = report !== null && !report.isCommitted && report.errors.length === 0 && report.validRows > 0 && progress === null;
  const downloadTemplate = async () => downloadBlob('毕业生名册导入模板.xlsx', await apiDownload('/registry/template.xlsx'));

  return (
    <Card
      title={r.importTitle}
      extra={
        <Button icon={<DownloadOutlined />} onClick={() => void downloadTemplate().catch((error: unknown) => void message.error(errorText(error)))} data-testid="registry-template">
          {r.downloadTemplate}
        </Button>
      }
    >
      <Flex vertical gap={16}>
        <Upload.Dragger
          accept=".xlsx,.csv"
          maxCount={1}
          beforeUpload={(chosen) => {
            setFile(chosen);
            setReport(null);
            return false;
          }}
          onRemove={() => {
            setFile(null);
            setReport(null);
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>{r.dropHint}</p>
        </Upload.Dragger>
        {progress !== null && (
          <Flex vertical gap={4}>
            <span>{progress < 100 ? r.uploading : r.checking}</span>
            <Progress percent={progress} status="active" />
          </Flex>
        )}
        <Flex gap={12}>
          <Button disabled={!file || progress !== null} onClick={() => void run('validate')} data-testid="registry-validate">
            {r.validate}
          </Button>
          <Button type="primary" disabled={!canCommit} onClick={() => void run('commit')} data-testid="registry-commit">
            {r.commit}
          </Button>
        </Flex>
        <Alert type="info" showIcon message={r.commitHint} />
        {report && <ImportReport report={report} />}
      </Flex>
    </Card>
  );
}

function ImportReport({ report }: { report: TImportReport }) {
  const r = useRegistryTexts();
  return (
    <Flex vertical gap={12}>
      <Descriptions size="small" bordered column={{ xs: 1, md: 5 }}>
        <Descriptions.Item label={r.totalRows}>{report.totalRows}</Descriptions.Item>
        <Descriptions.Item label={r.validRows}>{report.validRows}</Descriptions.Item>
        <Descriptions.Item label={r.invalidRows}>{report.invalidRows}</Descriptions.Item>
        <Descriptions.Item label={r.created}>{report.created}</Descriptions.Item>
        <Descriptions.Item label={r.updated}>{report.updated}</Descriptions.Item>
      </Descriptions>
      {report.errors.length === 0 ? (
        <Alert type="success" showIcon message={report.isCommitted ? fill(r.committed, { count: report.validRows }) : r.noErrors} />
      ) : (
        <Table<TImportRowError>
          size="small"
          rowKey={(e) => `${e.row}-${e.column}`}
          dataSource={report.errors}
          pagination={{ pageSize: 50 }}
          columns={[
            { key: 'row', title: r.row, dataIndex: 'row', width: 80 },
            { key: 'column', title: r.column, dataIndex: 'column', width: 120 },
            { key: 'reason', title: r.reason, dataIndex: 'reason' },
          ]}
        />
      )}
    </Flex>
  );
}
