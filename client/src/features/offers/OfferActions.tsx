import { useState } from 'react';
import { App, Button, Flex, Form, Modal, Popconfirm } from 'antd';
import { CloseCircleOutlined, EditOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TOfferDetail } from '@yunpin/shared';
import { offerTerms, valuesFromOffer, type TOfferFormValues } from './offer-form';
import { OfferForm } from './OfferForm';
import { useOfferErrorText } from './offer-text';
import { useDeclineOffer, useRevokeOffer, useSendOffer, useUpdateOffer } from './offers-api';
import { ReasonButton } from './ReasonButton';
import { SignWithCodeButton } from './SignWithCodeButton';

function EditOfferButton({ offer }: { offer: TOfferDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useOfferErrorText();
  const update = useUpdateOffer(offer.id);
  const [isOpen, setIsOpen] = useState(false);
  const [form] = Form.useForm<TOfferFormValues>();
  const onFinish = (values: TOfferFormValues) =>
    update.mutate(offerTerms(values), {
      onSuccess: () => {
        setIsOpen(false);
        void message.success(t('common.saved'));
      },
      onError: (error) => void message.error(errorText(error)),
    });
  return (
    <>
      <Button icon={<EditOutlined />} onClick={() => setIsOpen(true)} data-testid="offer-edit">
        {t('offers.edit')}
      </Button>
      <Modal open={isOpen} title={t('offers.editTitle', { reference: offer.reference })} footer={null} onCancel={() => setIsOpen(false)} width={640} destroyOnHidden>
        {isOpen && <OfferForm form={form} initialValues={valuesFromOffer(offer)} onFinish={onFinish} isSubmitting={update.isPending} submitLabel={t('common.save')} error={update.error} />}
      </Modal>
    </>
  );
}

function SendButton({ offer }: { offer: TOfferDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useOfferErrorText();
  const send = useSendOffer();
  return (
    <Popconfirm
      placement="bottomRight"
      title={t('offers.confirmSend', { name: offer.graduateName })}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      onConfirm={() =>
        send.mutate(offer.id, {
          onSuccess: () => void message.success(t('offers.sentDone', { name: offer.graduateName })),
          onError: (error) => void message.error(errorText(error)),
        })
      }
    >
      <Button type="primary" icon={<SendOutlined />} loading={send.isPending} data-testid="offer-send">
        {t('offers.send')}
      </Button>
    </Popconfirm>
  );
}

const REASON_ICONS = { revoke: <RollbackOutlined />, decline: <CloseCircleOutlined /> } as const;

/**
 * 撤回 (the employer, before countersigning starts, with a reason) or 拒绝 (the graduate, a reason
 * if they like): the other side is told.
 */
function ReasonAction({ offer, kind }: { offer: TOfferDetail; kind: 'revoke' | 'decline' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useOfferErrorText();
  const revoke = useRevokeOffer();
  const decline = useDeclineOffer();
  const mutation = kind === 'revoke' ? revoke : decline;
  return (
    <ReasonButton
      label={t(`offers.${kind}`)}
      icon={REASON_ICONS[kind]}
      title={t(`offers.${kind}Title`, { reference: offer.reference, organisation: offer.organisationName })}
      hint={t(`offers.${kind}Hint`)}
      isRequired={kind === 'revoke'}
      okText={t(`offers.${kind}`)}
      isPending={mutation.isPending}
      onSubmit={(reason) =>
        mutation.mutateAsync({ offerId: offer.id, reason }).then(
          () => void message.success(t(`offers.${kind}Done`)),
          (error: unknown) => {
            void message.error(errorText(error));
            throw error;
          },
        )
      }
      testId={`offer-${kind}`}
    />
  );
}

/** What the viewer may do now, as the server's `can` flags say: edit, send, revoke, countersign; accept or decline. */
export function OfferActions({ offer }: { offer: TOfferDetail }) {
  const { can } = offer;
  return (
    <Flex gap={8} wrap data-testid="offer-actions">
      {can.edit && <EditOfferButton offer={offer} />}
      {can.send && <SendButton offer={offer} />}
      {can.countersign && <SignWithCodeButton offer={offer} action="countersign" />}
      {can.accept && <SignWithCodeButton offer={offer} action="accept" />}
      {can.decline && <ReasonAction offer={offer} kind="decline" />}
      {can.revoke && <ReasonAction offer={offer} kind="revoke" />}
    </Flex>
  );
}
