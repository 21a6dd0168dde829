import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Layout, Tabs, Typography } from 'antd';
import { FilePdfOutlined, LoginOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TVerification } from '@yunpin/shared';
import { FileDropZone, UploadProgress } from '../../app/ui/FileDropZone';
import { LanguageSwitch } from '../../app/ui/LanguageSwitch';
import { useOfferErrorText } from '../offers/offer-text';
import { SHA256_PATTERN, useVerifyHash, useVerifyUpload, VERIFY_MAX_BYTES } from './verify-api';
import { VerificationReport } from './VerificationReport';

const MAX_MB = Math.round(VERIFY_MAX_BYTES / 1024 / 1024);
const ACCEPT = '.pdf,application/pdf';

type TUploadState = { phase: 'idle' } | { phase: 'uploading'; filename: string; percent: number } | { phase: 'done'; filename: string } | { phase: 'error'; message: string };

/** 上传 PDF: the file goes up with a progress bar; the report replaces the last one. */
function UploadCheck({ onReport }: { onReport: (report: TVerification | null) => void }) {
  const { t } = useTranslation();
  const errorText = useOfferErrorText();
  const upload = useVerifyUpload();
  const [state, setState] = useState<TUploadState>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const start = (file: File) => {
    onReport(null);
    if (file.size > VERIFY_MAX_BYTES) {
      setState({ phase: 'error', message: t('verify.tooLarge', { mb: MAX_MB }) });
      return;
    }
    const controller = new AbortController();
    abort.current = controller;
    setState({ phase: 'uploading', filename: file.name, percent: 0 });
    upload.mutate(
      { file, signal: controller.signal, onProgress: (percent) => setState((previous) => (previous.phase === 'uploading' ? { ...previous, percent } : previous)) },
      {
        onSuccess: (report) => {
          setState({ phase: 'done', filename: file.name });
          onReport(report);
        },
        onError: (error) => {
          if (error instanceof DOMException && error.name === 'AbortError') return;
          setState({ phase: 'error', message: errorText(error) });
        },
      },
    );
  };

  return (
    <Flex vertical gap={12}>
      <FileDropZone
        accept={ACCEPT}
        disabled={state.phase === 'uploading'}
        onFile={start}
        icon={<FilePdfOutlined />}
        text={t('verify.uploadText')}
        hint={t('verify.uploadHint', { mb: MAX_MB })}
        testId="verify-upload-input"
      />
      {state.phase !== 'idle' && (
        <div data-testid="verify-upload-state" data-phase={state.phase}>
          {state.phase === 'uploading' && (
            <UploadProgress label={t('verify.uploading', { filename: state.filename })} percent={state.percent} ariaLabel={t('verify.uploadProgress')} testId="verify-upload-progress" />
          )}
          {state.phase === 'done' && <Typography.Text type="secondary">{t('verify.checked', { filename: state.filename })}</Typography.Text>}
          {state.phase === 'error' && <Alert type="error" showIcon title={state.message} data-testid="verify-upload-error" />}
        </div>
      )}
    </Flex>
  );
}

/** 输入 SHA-256: is this hash a version the platform stored, and what does that version show. */
function HashCheck({ onReport }: { onReport: (report: TVerification | null) => void }) {
  const { t } = useTranslation();
  const errorText = useOfferErrorText();
  const lookup = useVerifyHash();
  const onFinish = ({ sha256 }: { sha256: string }) => {
    onReport(null);
    lookup.mutate(sha256.trim().toLowerCase(), { onSuccess: (report) => onReport(report) });
  };
  return (
    <Form<{ sha256: string }> layout="vertical" onFinish={onFinish}>
      <Form.Item
        name="sha256"
        label={t('verify.hashLabel')}
        extra={t('verify.hashHint')}
        rules={[
          {
            validator: (_rule, value: string | undefined) =>
              SHA256_PATTERN.test((value ?? '').trim().toLowerCase()) ? Promise.resolve() : Promise.reject(new Error(t('verify.hashRule'))),
          },
        ]}
      >
        <Input allowClear spellCheck={false} style={{ fontFamily: 'monospace' }} placeholder="e3b0c442…" data-testid="verify-hash-input" />
      </Form.Item>
      {lookup.isError && <Alert type="error" showIcon title={errorText(lookup.error)} style={{ marginBottom: 16 }} data-testid="verify-hash-error" />}
      <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={lookup.isPending} data-testid="verify-hash-submit">
        {t('verify.check')}
      </Button>
    </Form>
  );
}

/**
 * 验证电子签名, open to anyone without logging in: upload a signed PDF or enter its SHA-256 and see
 * who signed it and when, whether every signature holds and comes from the platform's CA, whether
 * the platform sealed it, whether anything changed after the last signature, and whether it is a
 * version the platform stored.
 */
export function VerifyPage() {
  const { t } = useTranslation();
  const [report, setReport] = useState<TVerification | null>(null);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Flex justify="space-between" align="center" style={{ padding: '12px 24px' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('app.name')}
        </Typography.Title>
        <Flex gap={8} align="center">
          <LanguageSwitch />
          <Link to="/">
            <Button type="text" icon={<LoginOutlined />}>
              {t('verify.toPlatform')}
            </Button>
          </Link>
        </Flex>
      </Flex>
      <Flex vertical gap={16} style={{ width: '100%', maxWidth: 1000, margin: '0 auto', padding: '0 16px 48px' }}>
        <Card title={<span data-testid="verify-title">{t('verify.title')}</span>}>
          <Flex vertical gap={16}>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              {t('verify.intro')}
            </Typography.Paragraph>
            <Tabs
              items={[
                { key: 'upload', label: <span data-testid="verify-tab-upload">{t('verify.uploadTab')}</span>, children: <UploadCheck onReport={setReport} /> },
                { key: 'hash', label: <span data-testid="verify-tab-hash">{t('verify.hashTab')}</span>, children: <HashCheck onReport={setReport} /> },
              ]}
              onChange={() => setReport(null)}
            />
          </Flex>
        </Card>
        {report && (
          <Card title={t('verify.result')}>
            <VerificationReport report={report} />
          </Card>
        )}
      </Flex>
    </Layout>
  );
}
