import { App, Button, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TSessionUser } from '@yunpin/shared';
import { useErrorText } from '../../lib/use-error-text';
import { useOffers } from '../offers/offers-api';
import { useSubsidyActions } from './subsidies-api';

/** Employers claim a hiring subsidy from a countersigned offer; the rest is filled in from the hire. */
function HiringClaim() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const hires = useOffers('completed');
  const { claim } = useSubsidyActions();
  const [offerId, setOfferId] = useState<string>();
  return (
    <Space>
      <Select
        style={{ minWidth: 280 }}
        placeholder={t('subsidies.pickHire')}
        value={offerId}
        onChange={setOfferId}
        options={(hires.data ?? []).map((o) => ({ value: o.id, label: `${o.graduateName} · ${o.position} · ${o.startDate}` }))}
      />
      <Button
        type="primary"
        disabled={!offerId}
        loading={claim.isPending}
        onClick={() => claim.mutateAsync({ kind: 'hiring', offerId: offerId! }).then(() => void message.success(t('subsidies.claimed')), (e: unknown) => void message.error(errorText(e)))}
      >
        {t('subsidies.claimHiring')}
      </Button>
    </Space>
  );
}

/** Graduates claim their job-search subsidy. */
function JobSearchClaim() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { claim } = useSubsidyActions();
  return (
    <Button type="primary" loading={claim.isPending} onClick={() => claim.mutateAsync({ kind: 'job_search' }).then(() => void message.success(t('subsidies.claimed')), (e: unknown) => void message.error(errorText(e)))}>
      {t('subsidies.claimJobSearch')}
    </Button>
  );
}

export function NewClaim({ user }: { user: TSessionUser }) {
  if (user.role === 'graduate') return <JobSearchClaim />;
  if (user.role === 'recruiter' || user.role === 'employer_admin') return <HiringClaim />;
  return null;
}
