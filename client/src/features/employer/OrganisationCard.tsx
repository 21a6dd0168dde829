import { Alert, Card, Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TOrganisation } from '@yunpin/shared';
import { formatDate } from '../../lib/format';
import { useTownNames } from '../district/district-api';
import { VerifiedTag } from './VerifiedTag';

export function OrganisationCard({ organisation }: { organisation: TOrganisation }) {
  const { t } = useTranslation();
  const townNames = useTownNames();
  const empty = t('common.empty');
  const title = (
    <Flex align="center" gap={8} wrap>
      <Typography.Text strong>{organisation.name}</Typography.Text>
      <VerifiedTag isVerified={organisation.isVerified} />
    </Flex>
  );
  return (
    <Card title={title}>
      {!organisation.isVerified && (
        <Alert
          type="warning"
          showIcon
          title={t('employer.unverifiedTitle')}
          description={t('employer.unverifiedExplain')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Descriptions
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'town', label: t('employer.town'), children: townNames.get(organisation.townId) ?? empty },
          { key: 'creditCode', label: t('employer.creditCode'), children: organisation.creditCode ?? empty },
          { key: 'industry', label: t('employer.industry'), children: organisation.industry ?? empty },
          { key: 'createdAt', label: t('employer.createdAt'), children: formatDate(organisation.createdAt) },
        ]}
      />
    </Card>
  );
}
