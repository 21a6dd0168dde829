import { useState } from 'react';
import { App, Button, Flex } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TFair } from '@yunpin/shared';
import { apiDownload } from '../../lib/api';
import { downloadBlob } from '../../lib/csv';
import { fileStamp } from '../../lib/format';
import { useErrorText } from '../../lib/use-error-text';
import { fairPath } from '../fairs/fairs-api';

type TExport = 'registrations' | 'booths';

/** The server builds both CSV files; they are saved as sent. */
export function FairExportButtons({ fair }: { fair: TFair }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [running, setRunning] = useState<TExport | null>(null);

  const run = async (kind: TExport) => {
    setRunning(kind);
    try {
      const file = await apiDownload(`${fairPath(fair.id)}/${kind}.csv`);
      downloadBlob(`${fair.title}-${t(`fairAdmin.exports.${kind}`)}-${fileStamp()}.csv`, file);
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setRunning(null);
    }
  };

  return (
    <Flex gap={8} wrap>
      {(['registrations', 'booths'] as const).map((kind) => (
        <Button
          key={kind}
          icon={<DownloadOutlined />}
          loading={running === kind}
          onClick={() => void run(kind)}
          data-testid={`export-${kind}`}
        >
          {t(`fairAdmin.exportButtons.${kind}`)}
        </Button>
      ))}
    </Flex>
  );
}
