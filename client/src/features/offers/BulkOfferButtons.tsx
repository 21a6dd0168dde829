import { useState } from 'react';
import { Alert, App, Button, Flex, Modal, Popconfirm } from 'antd';
import { RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TBulkOfferResult, TOffer } from '@yunpin/shared';
import { SkippedTable } from '../../app/ui/SkippedTable';
import { useOfferErrorText, useOfferSkipReasonText } from './offer-text';
import { useBulkOfferAction, type TBulkOfferKind } from './offers-api';
import { ReasonButton } from './ReasonButton';

interface TBulkOfferButtonsProps {
  ids: string[];
  /** The offers on show, to name the skipped ones. */
  offers: readonly TOffer[];
  /** Called with the ids that were sent or revoked. */
  onDone: (done: string[]) => void;
}

function OfferSkippedTable({ result, offers }: { result: TBulkOfferResult; offers: readonly TOffer[] }) {
  const { t } = useTranslation();
  const reasonText = useOfferSkipReasonText();
  const named = new Map(offers.map((offer) => [offer.id, `${offer.reference} · ${offer.graduateName}`]));
  return (
    <SkippedTable
      skipped={result.skipped}
      nameTitle={t('offers.reference')}
      nameOf={(id) => named.get(id)}
      reasonTitle={t('offers.skippedReason')}
      reasonText={reasonText}
      testId="offer-bulk-skipped"
    />
  );
}

/**
 * 批量发出 / 批量撤回 (with one reason): the selected offers that could not be sent or revoked are
 * listed with the server's reason for each.
 */
export function BulkOfferButtons({ ids, offers, onDone }: TBulkOfferButtonsProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useOfferErrorText();
  const bulk = useBulkOfferAction();
  const [shown, setShown] = useState<TBulkOfferResult | null>(null);

  const run = (kind: TBulkOfferKind, reason = '') =>
    bulk.mutateAsync({ kind, ids, reason }).then(
      (result) => {
        onDone(result.done);
        if (result.skipped.length === 0) void message.success(t(`offers.bulk.${kind}Done`, { count: result.done.length }));
        else setShown(result);
      },
      (error: unknown) => {
        void message.error(errorText(error));
        throw error;
      },
    );

  return (
    <Flex gap={8} wrap>
      <Popconfirm placement="bottom" title={t('offers.bulk.confirmSend', { count: ids.length })} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => run('send').catch(() => undefined)}>
        <Button type="primary" icon={<SendOutlined />} disabled={ids.length === 0} loading={bulk.isPending && bulk.variables.kind === 'send'} data-testid="offer-bulk-send">
          {t('offers.bulk.send', { count: ids.length })}
        </Button>
      </Popconfirm>
      <ReasonButton
        label={t('offers.bulk.revoke', { count: ids.length })}
        icon={<RollbackOutlined />}
        title={t('offers.bulk.revokeTitle', { count: ids.length })}
        hint={t('offers.revokeHint')}
        isRequired
        okText={t('offers.revoke')}
        isPending={bulk.isPending}
        disabled={ids.length === 0}
        onSubmit={(reason) => run('revoke', reason)}
        testId="offer-bulk-revoke"
      />
      <Modal open={shown !== null} title={t('offers.bulk.resultTitle')} footer={null} onCancel={() => setShown(null)} width={600} destroyOnHidden>
        {shown && (
          <Flex vertical gap={16}>
            <Alert type="warning" showIcon title={t('offers.bulk.result', { done: shown.done.length, skipped: shown.skipped.length })} data-testid="offer-bulk-result" />
            <OfferSkippedTable result={shown} offers={offers} />
            <Button onClick={() => setShown(null)} style={{ alignSelf: 'flex-start' }} data-testid="offer-bulk-result-close">
              {t('common.confirm')}
            </Button>
          </Flex>
        )}
      </Modal>
    </Flex>
  );
}
