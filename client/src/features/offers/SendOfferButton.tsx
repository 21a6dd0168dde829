import { useState } from 'react';
import { App, Button, Form, Modal } from 'antd';
import { FileDoneOutlined, FileProtectOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { LIVE_OFFER_STATUSES, type TApplication, type TJob } from '@yunpin/shared';
import { PageLoading } from '../../app/ui/PageLoading';
import { QueryError } from '../../app/ui/QueryError';
import { useJob } from '../jobs/jobs-api';
import { offerTerms, valuesFromJob, type TOfferFormValues } from './offer-form';
import { OfferForm } from './OfferForm';
import { useOfferErrorText } from './offer-text';
import { employerOfferPath, useCreateOffer, useOffers } from './offers-api';

/** Applications an offer can be drafted for. */
const OFFER_STAGES: ReadonlyArray<TApplication['status']> = ['interview', 'offer'];

function isLive(status: string): boolean {
  return LIVE_OFFER_STATUSES.some((live) => live === status);
}

function DraftForm({ application, job }: { application: TApplication; job: TJob }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const errorText = useOfferErrorText();
  const create = useCreateOffer();
  const [form] = Form.useForm<TOfferFormValues>();
  const onFinish = (values: TOfferFormValues) =>
    create.mutate(
      { applicationId: application.id, ...(values.templateId ? { templateId: values.templateId } : {}), ...offerTerms(values) },
      {
        onSuccess: (offer) => {
          void message.success(t('offers.drafted', { reference: offer.reference }));
          void navigate(employerOfferPath(offer.id));
        },
        onError: (error) => void message.error(errorText(error)),
      },
    );
  return (
    <OfferForm
      form={form}
      initialValues={valuesFromJob(job)}
      onFinish={onFinish}
      isSubmitting={create.isPending}
      submitLabel={t('offers.saveDraft')}
      error={create.error}
      withTemplates
    />
  );
}

function DraftFormForJob({ application }: { application: TApplication }) {
  const job = useJob(application.jobId);
  if (job.isPending) return <PageLoading />;
  if (job.isError) return <QueryError error={job.error} onRetry={() => void job.refetch()} />;
  return <DraftForm application={application} job={job.data} />;
}

/**
 * 发放录用通知, beside an application at the interview or offer stage: a draft prefilled from the job
 * (or a template), previewed and sent from its own page. An application with an offer in progress
 * links to that offer instead.
 */
export function SendOfferButton({ application }: { application: TApplication }) {
  const { t } = useTranslation();
  const offers = useOffers();
  const [isOpen, setIsOpen] = useState(false);
  const live = offers.data?.find((offer) => offer.applicationId === application.id && isLive(offer.status));
  if (!live && !OFFER_STAGES.includes(application.status)) return null;
  return (
    <>
      {live ? (
        <Link to={employerOfferPath(live.id)} style={{ alignSelf: 'flex-start' }}>
          <Button icon={<FileDoneOutlined />} data-testid="offer-open-existing">
            {t('offers.openExisting', { reference: live.reference })}
          </Button>
        </Link>
      ) : (
        <Button type="primary" icon={<FileProtectOutlined />} loading={offers.isPending} onClick={() => setIsOpen(true)} style={{ alignSelf: 'flex-start' }} data-testid="offer-send-open">
          {t('offers.sendOffer')}
        </Button>
      )}
      {/* Stays mounted while open: the saved draft appears in the list before the form moves on to its page. */}
      <Modal open={isOpen} title={t('offers.draftTitle', { name: application.graduateName, job: application.jobTitle })} footer={null} onCancel={() => setIsOpen(false)} width={640} destroyOnHidden>
        {isOpen && <DraftFormForJob application={application} />}
      </Modal>
    </>
  );
}
