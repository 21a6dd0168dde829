import { useState } from 'react';
import { Alert, App, Button, Flex, Input, Modal, Typography } from 'antd';
import { EditOutlined, LockOutlined, MessageOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TOffer, TOtpSent } from '@yunpin/shared';
import { isApiError } from '../../lib/api-error';
import { formatShanghaiDateTime } from '../../lib/shanghai-time';
import { useCountdown } from '../auth/use-countdown';
import { triesLeftOf, useOfferErrorText } from './offer-text';
import { useConfirmSignature, useRequestSigningCode, type TSigningAction } from './offers-api';

const CODE_PATTERN = /^\d{6}$/;
/** When the server gives no Retry-After, wait as long as its resend rule. */
const DEFAULT_RESEND_SECONDS = 60;

/** A refusal of the code, as the dialog shows it. */
type TCodeFailure = { kind: 'wrong'; triesLeft: number | null } | { kind: 'locked' } | { kind: 'expired' } | { kind: 'other'; text: string };

function useFailureText(): (failure: TCodeFailure) => string {
  const { t } = useTranslation();
  return (failure) => {
    switch (failure.kind) {
      case 'wrong':
        return failure.triesLeft === null ? t('errors.otp_invalid') : t('offers.sign.wrongCode', { tries: failure.triesLeft });
      case 'locked':
        return t('offers.sign.locked');
      case 'expired':
        return t('offers.sign.expired');
      case 'other':
        return failure.text;
    }
  };
}

/** Where the code went, until when it is good, and where else to read it. */
function CodeSentNote({ sent }: { sent: TOtpSent }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="info"
      showIcon
      icon={<MessageOutlined />}
      title={t('offers.sign.codeSent', { to: sent.sentTo, time: formatShanghaiDateTime(sent.expiresAt) })}
      description={
        <span>
          {t('offers.sign.codeInMessages')}{' '}
          <Link to="/account" target="_blank" data-testid="offer-sign-messages-link">
            {t('offers.sign.openMessages')}
          </Link>
        </span>
      }
      data-testid="offer-sign-code-sent"
    />
  );
}

function SignDialogBody({ offer, action, onSigned }: { offer: TOffer; action: TSigningAction; onSigned: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useOfferErrorText();
  const failureText = useFailureText();
  const request = useRequestSigningCode(offer.id, action);
  const confirm = useConfirmSignature(offer.id, action);
  const resend = useCountdown();
  const [sent, setSent] = useState<TOtpSent | null>(null);
  const [code, setCode] = useState('');
  const [failure, setFailure] = useState<TCodeFailure | null>(null);
  const isLocked = offer.lockedForMe || failure?.kind === 'locked';

  const askForCode = () =>
    request.mutate(undefined, {
      onSuccess: (result) => {
        setSent(result);
        setFailure(null);
        resend.start(result.resendAfterSeconds);
      },
      onError: (error) => {
        if (isApiError(error) && error.code === 'rate_limited') resend.start(error.retryAfterSeconds ?? DEFAULT_RESEND_SECONDS);
        else if (isApiError(error) && error.code === 'locked') setFailure({ kind: 'locked' });
        else if (isApiError(error) && error.code === 'expired') setFailure({ kind: 'expired' });
        else void message.error(errorText(error));
      },
    });

  const sign = () =>
    confirm.mutate(code, {
      onSuccess: () => {
        void message.success(action === 'accept' ? t('offers.sign.acceptedSigning') : t('offers.sign.countersignedSigning'));
        onSigned();
      },
      onError: (error) => {
        setCode('');
        if (!isApiError(error)) setFailure({ kind: 'other', text: errorText(error) });
        else if (error.code === 'otp_invalid') setFailure({ kind: 'wrong', triesLeft: triesLeftOf(error) });
        else if (error.code === 'locked') setFailure({ kind: 'locked' });
        else if (error.code === 'expired') setFailure({ kind: 'expired' });
        else setFailure({ kind: 'other', text: errorText(error) });
      },
    });

  if (isLocked) return <Alert type="error" showIcon icon={<LockOutlined />} title={t('offers.sign.locked')} description={t('offers.sign.lockedHint')} data-testid="offer-sign-locked" />;

  return (
    <Flex vertical gap={16} data-testid="offer-sign-dialog">
      <Typography.Paragraph style={{ marginBottom: 0 }}>
        {action === 'accept' ? t('offers.sign.acceptStatement', { reference: offer.reference, organisation: offer.organisationName }) : t('offers.sign.countersignStatement', { reference: offer.reference, name: offer.graduateName })}
      </Typography.Paragraph>
      {sent && <CodeSentNote sent={sent} />}
      {failure && <Alert type={failure.kind === 'wrong' ? 'warning' : 'error'} showIcon title={failureText(failure)} data-testid="offer-sign-error" data-kind={failure.kind} />}
      <Flex gap={8} wrap align="center">
        <Button onClick={askForCode} loading={request.isPending} disabled={resend.secondsLeft > 0 || failure?.kind === 'expired'} data-testid="offer-sign-request-code">
          {resend.secondsLeft > 0 ? t('offers.sign.resendIn', { seconds: resend.secondsLeft }) : sent ? t('offers.sign.resend') : t('offers.sign.requestCode')}
        </Button>
      </Flex>
      {sent && (
        <Flex gap={8} wrap align="center">
          <Input
            value={code}
            onChange={(event) => setCode(event.target.value.replace(/\D/g, '').slice(0, 6))}
            onPressEnter={() => CODE_PATTERN.test(code) && sign()}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            placeholder={t('offers.sign.codePlaceholder')}
            aria-label={t('offers.sign.code')}
            style={{ width: 180, letterSpacing: 4 }}
            data-testid="offer-sign-code"
          />
          <Button type="primary" icon={<EditOutlined />} disabled={!CODE_PATTERN.test(code) || failure?.kind === 'expired'} loading={confirm.isPending} onClick={sign} data-testid="offer-sign-confirm">
            {action === 'accept' ? t('offers.sign.confirmAccept') : t('offers.sign.confirmCountersign')}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}

/**
 * 接受并签署 / 会签: the signer asks for a one-time code (sent by text message and shown under
 * 账户 → 消息), enters it and signs. Wrong codes say how many tries are left; the fifth locks
 * signing for this signer. The signature itself is applied by a worker: the page shows its progress.
 */
export function SignWithCodeButton({ offer, action }: { offer: TOffer; action: TSigningAction }) {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  const label = action === 'accept' ? t('offers.sign.accept') : t('offers.sign.countersign');
  return (
    <>
      <Button type="primary" icon={<EditOutlined />} onClick={() => setIsOpen(true)} data-testid={`offer-${action}`}>
        {label}
      </Button>
      <Modal open={isOpen} title={label} footer={null} onCancel={() => setIsOpen(false)} width={560} destroyOnHidden>
        {isOpen && <SignDialogBody offer={offer} action={action} onSigned={() => setIsOpen(false)} />}
      </Modal>
    </>
  );
}
