import { useEffect } from 'react';
import { App, Button, Card, Flex, Progress, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/use-error-text';
import { isScreeningRunning, pipelineKey, useRescreen, useScreeningProgress } from './pipeline-api';

/**
 * 评分进度: how many open applications with a parsed resume are scored against the current
 * requirements. Polled while screening runs; each newly scored application refreshes the table.
 */
export function ScreeningProgressCard({ jobId, canRescreen }: { jobId: string; canRescreen: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const progress = useScreeningProgress(jobId);
  const rescreen = useRescreen(jobId);
  const screened = progress.data?.screened;

  useEffect(() => {
    if (screened !== undefined) void queryClient.invalidateQueries({ queryKey: pipelineKey(jobId) });
  }, [screened, jobId, queryClient]);

  const data = progress.data;
  const running = isScreeningRunning(data);
  const percent = data && data.total > 0 ? Math.floor((data.screened / data.total) * 100) : 100;
  const onRescreen = () =>
    rescreen.mutate(undefined, {
      onSuccess: () => void message.success(t('pipeline.rescreenStarted')),
      onError: (error) => void message.error(errorText(error)),
    });

  return (
    <Card size="small">
      <Flex gap={16} align="center" wrap>
        <Flex vertical gap={2} style={{ flex: 1, minWidth: 240 }}>
          <Typography.Text strong>{t('pipeline.screeningTitle')}</Typography.Text>
          <Progress
            percent={percent}
            status={progress.isError ? 'exception' : running ? 'active' : 'success'}
            data-testid="screening-progress"
            data-screened={data?.screened ?? ''}
            data-total={data?.total ?? ''}
            data-running={running ? 'true' : 'false'}
            aria-label={t('pipeline.screeningTitle')}
          />
          <Typography.Text type="secondary">
            {progress.isError
              ? errorText(progress.error)
              : data
                ? t('pipeline.screeningSummary', { screened: data.screened, total: data.total, waiting: data.waitingResume })
                : t('common.loading')}
          </Typography.Text>
        </Flex>
        {canRescreen && (
          <Button icon={<ReloadOutlined />} loading={rescreen.isPending} onClick={onRescreen} data-testid="screening-rerun">
            {t('pipeline.rescreen')}
          </Button>
        )}
      </Flex>
    </Card>
  );
}
