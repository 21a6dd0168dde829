import { Button } from 'antd';
import { CustomerServiceOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TBooth } from '@yunpin/shared';

/** The recruiter console opens only for approved booths. */
export function ConsoleLink({ booth, size }: { booth: TBooth; size?: 'small' | 'middle' }) {
  const { t } = useTranslation();
  if (booth.status !== 'approved') return null;
  return (
    <Link to={`/employer/fairs/${encodeURIComponent(booth.fairId)}/booths/${encodeURIComponent(booth.id)}/console`}>
      <Button type="primary" size={size} icon={<CustomerServiceOutlined />} data-testid="open-console">
        {t('booths.openConsole')}
      </Button>
    </Link>
  );
}
