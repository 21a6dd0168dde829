import { Card, Checkbox, Flex, Select, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZSubsidyStatusSchema, type TSubsidyClaim } from '@yunpin/shared';
import { useCurrentUser } from '../../app/current-user';
import { formatDateTime } from '../../lib/format';
import { ServerCsvButton } from '../jobs/ServerCsvButton';
import { ClaimActions } from './ClaimActions';
import { NewClaim } from './NewClaimButton';
import { SubsidyRatesCard } from './SubsidyRatesCard';
import { subsidiesCsvPath, usePaidRate, useSubsidyClaims, type TSubsidyFilters } from './subsidies-api';

const isOffice = (role: string) => role === 'caseworker' || role === 'organiser' || role === 'admin';
const isOrganiser = (role: string) => role === 'organiser' || role === 'admin';

/** The "100% paid" rate by town. */
function PaidRateCard() {
  const { t } = useTranslation();
  const rate = usePaidRate(true);
  const percent = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);
  return (
    <Card size="small" title={t('subsidies.paidRate')}>
      <Flex gap={24} wrap>
        <Statistic title={t('subsidies.district')} value={percent(rate.data?.district.rate ?? null)} />
        <Statistic title={t('subsidies.ageing')} value={rate.data?.district.ageing ?? 0} />
      </Flex>
      <Table
        size="small"
        rowKey={(r) => r.townId ?? ''}
        pagination={false}
        dataSource={rate.data?.towns ?? []}
        columns={[
          { title: t('subsidies.town'), dataIndex: 'townName' },
          { title: t('subsidies.approvedCount'), dataIndex: 'approved' },
          { title: t('subsidies.paidCount'), dataIndex: 'paid' },
          { title: t('subsidies.ageing'), dataIndex: 'ageing' },
          { title: t('subsidies.rate'), dataIndex: 'rate', render: (r: number | null) => percent(r) },
        ]}
      />
    </Card>
  );
}

/** Subsidy claims: the office's queue (check, approve or reject, pay), an employer's and a graduate's own claims. */
export function SubsidiesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [filters, setFilters] = useState<TSubsidyFilters>({});
  const claims = useSubsidyClaims(filters);
  const office = isOffice(user.role);
  const columns = [
    { title: t('subsidies.kind'), dataIndex: 'kind', render: (k: TSubsidyClaim['kind']) => t(`subsidies.kinds.${k}`) },
    { title: t('subsidies.graduate'), dataIndex: 'graduateName' },
    { title: t('subsidies.town'), dataIndex: 'townName' },
    { title: t('subsidies.employer'), dataIndex: 'organisationName' },
    { title: t('subsidies.amount'), dataIndex: 'amountYuan' },
    {
      title: t('subsidies.status'),
      key: 'status',
      render: (_: unknown, c: TSubsidyClaim) => (
        <Flex gap={4} wrap>
          <Tag>{t(`subsidies.statuses.${c.status}`)}</Tag>
          {c.isAgeing && <Tag color="red">{t('subsidies.ageingFlag')}</Tag>}
        </Flex>
      ),
    },
    {
      title: t('subsidies.reason'),
      key: 'reason',
      render: (_: unknown, c: TSubsidyClaim) => <Typography.Text type="secondary">{c.reason ?? c.eligibility?.reasons.join('；') ?? ''}</Typography.Text>,
    },
    { title: t('subsidies.claimedAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
    ...(office ? [{ title: t('subsidies.actions'), key: 'actions', render: (_: unknown, c: TSubsidyClaim) => <ClaimActions claim={c} /> }] : []),
  ];
  return (
    <Flex vertical gap={16}>
      <Card title={t('nav.subsidies')} extra={<ServerCsvButton path={subsidiesCsvPath(filters)} name={t('nav.subsidies')} testId="subsidy-export" />}>
        <Flex vertical gap={16}>
          <Flex gap={16} wrap align="center">
            <NewClaim user={user} />
            <Select
              allowClear
              style={{ minWidth: 160 }}
              placeholder={t('subsidies.status')}
              value={filters.status}
              onChange={(status) => setFilters({ ...filters, status })}
              options={ZSubsidyStatusSchema.options.map((s) => ({ value: s, label: t(`subsidies.statuses.${s}`) }))}
            />
            <Checkbox checked={filters.isAgeingOnly === true} onChange={(e) => setFilters({ ...filters, isAgeingOnly: e.target.checked })}>
              {t('subsidies.ageingOnly', { count: claims.data?.ageingCount ?? 0 })}
            </Checkbox>
          </Flex>
          <Table rowKey="id" loading={claims.isLoading} dataSource={claims.data?.items ?? []} columns={columns} scroll={{ x: true }} />
        </Flex>
      </Card>
      {office && <PaidRateCard />}
      {isOrganiser(user.role) && <SubsidyRatesCard user={user} />}
    </Flex>
  );
}
