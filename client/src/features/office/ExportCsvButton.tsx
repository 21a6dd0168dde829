import { useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/use-error-text';

interface TExportCsvButtonProps {
  /** Fetches, builds and downloads the file; resolves to the number of records exported. */
  run: () => Promise<number>;
}

export function ExportCsvButton({ run }: TExportCsvButtonProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [isRunning, setIsRunning] = useState(false);

  const onClick = async () => {
    setIsRunning(true);
    try {
      const count = await run();
      void message.success(t('common.exported', { count }));
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setIsRunning(false);
    }
  };

  return (
    <Button icon={<DownloadOutlined />} loading={isRunning} onClick={() => void onClick()}>
      {t('common.exportCsv')}
    </Button>
  );
}
