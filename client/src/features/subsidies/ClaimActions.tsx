import { App, Button, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TSubsidyClaim } from '@yunpin/shared';
import { useErrorText } from '../../lib/use-error-text';
import { useSubsidyActions } from './subsidies-api';

/** The office's steps on one claim: check, approve, reject with a reason, record the payment. */
export function ClaimActions({ claim }: { claim: TSubsidyClaim }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const actions = useSubsidyActions();
  const run = (p: Promise<unknown>) => p.then(() => void message.success(t('subsidies.done')), (error: unknown) => void message.error(errorText(error)));

  const reject = () => {
    let reason = '';
    void modal.confirm({
      title: t('subsidies.reject'),
      content: <Input.TextArea aria-label={t('subsidies.reason')} onChange={(e) => (reason = e.target.value)} />,
      onOk: () => run(actions.decide.mutateAsync({ id: claim.id, input: { decision: 'reject', reason } })),
    });
  };
  const pay = () => {
    let reference = '';
    void modal.confirm({
      title: t('subsidies.pay'),
      content: <Input aria-label={t('subsidies.paymentReference')} placeholder={t('subsidies.paymentReference')} onChange={(e) => (reference = e.target.value)} />,
      // One key per claim: a repeated click records the payment once.
      onOk: () => run(actions.pay.mutateAsync({ id: claim.id, input: { idempotencyKey: `claim-${claim.id}`, reference } })),
    });
  };
  const isOpen = ['submitted', 'eligible', 'ineligible'].includes(claim.status);
  return (
    <Space wrap>
      {isOpen && <Button size="small" onClick={() => void run(actions.check.mutateAsync(claim.id))}>{t('subsidies.check')}</Button>}
      {claim.status === 'eligible' && (
        <Button size="small" type="primary" onClick={() => void run(actions.decide.mutateAsync({ id: claim.id, input: { decision: 'approve' } }))}>
          {t('subsidies.approve')}
        </Button>
      )}
      {isOpen && <Button size="small" danger onClick={reject}>{t('subsidies.reject')}</Button>}
      {claim.status === 'approved' && <Button size="small" type="primary" onClick={pay}>{t('subsidies.pay')}</Button>}
    </Space>
  );
}
