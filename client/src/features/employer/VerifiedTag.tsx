import { Tag } from 'antd';
import { CheckCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

export function VerifiedTag({ isVerified }: { isVerified: boolean }) {
  const { t } = useTranslation();
  return isVerified ? (
    <Tag color="success" icon={<CheckCircleOutlined />}>
      {t('employer.verified')}
    </Tag>
  ) : (
    <Tag color="warning" icon={<ExclamationCircleOutlined />}>
      {t('employer.unverified')}
    </Tag>
  );
}
