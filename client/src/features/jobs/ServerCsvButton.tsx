import { useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { apiDownload } from '../../lib/api';
import { downloadBlob } from '../../lib/csv';
import { fileStamp } from '../../lib/format';
import { useErrorText } from '../../lib/use-error-text';

interface TServerCsvButtonProps {
  /** The export route under /api/v1, with its query string. */
  path: string;
  /** The saved file's name without the timestamp and extension. */
  name: string;
  testId: string;
}

/** 导出 CSV for lists the server builds as CSV itself (UTF-8 with BOM); the file is saved as sent. */
export function ServerCsvButton({ path, name, testId }: TServerCsvButtonProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [isRunning, setIsRunning] = useState(false);

  const run = async () => {
    setIsRunning(true);
    try {
      downloadBlob(`${name}-${fileStamp()}.csv`, await apiDownload(path));
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setIsRunning(false);
    }
  };

  return (
    <Button icon={<DownloadOutlined />} loading={isRunning} onClick={() => void run()} data-testid={testId}>
      {t('common.exportCsv')}
    </Button>
  );
}
