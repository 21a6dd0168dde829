import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TBulkOfferResult,
  TCreateOffer,
  TOffer,
  TOfferDetail,
  TOfferStatus,
  TOfferTemplate,
  TOfferTemplateInput,
  TOtpSent,
  TUpdateOffer,
  TVerification,
} from '@yunpin/shared';
import { api, API_BASE } from '../../lib/api';
import { APPLICATIONS_KEY } from '../applications/applications-api';

export const OFFERS_KEY = ['offers'] as const;
const TEMPLATES_KEY = [...OFFERS_KEY, 'templates'] as const;

/** While a worker applies a signature the offer is polled this often. */
const SIGNING_POLL_MS = 1500;

/** Who signs: the graduate accepts, the employer countersigns. */
export type TSigningAction = 'accept' | 'countersign';
export type TBulkOfferKind = 'send' | 'revoke';

export function offerPath(offerId: string): string {
  return `/offers/${encodeURIComponent(offerId)}`;
}

/** The draft as it would be sent, rendered now (employer only). */
export function previewUrl(offerId: string): string {
  return `${API_BASE}${offerPath(offerId)}/preview.pdf`;
}

/** A stored version of the document; the newest (signed and sealed once complete) without a version. */
export function documentUrl(offerId: string, version?: number): string {
  return `${API_BASE}${offerPath(offerId)}/document.pdf${version === undefined ? '' : `?version=${version}`}`;
}

export function offersCsvPath(status: TOfferStatus | undefined): string {
  return `/offers.csv${status ? `?${new URLSearchParams({ status }).toString()}` : ''}`;
}

/** A worker is applying a signature; the status moves on by itself. */
export function isSigning(status: TOfferStatus): status is 'graduate_signing' | 'employer_signing' {
  return status === 'graduate_signing' || status === 'employer_signing';
}

/** The employer's offers, optionally of one status. */
export function useOffers(status?: TOfferStatus) {
  return useQuery({
    queryKey: [...OFFERS_KEY, 'list', status ?? 'all'],
    queryFn: ({ signal }) => api.get<{ items: TOffer[] }>('/offers', { status }, signal).then((result) => result.items),
    staleTime: 0,
  });
}

/** The graduate's offers. */
export function useMyOffers() {
  return useQuery({
    queryKey: [...OFFERS_KEY, 'mine'],
    queryFn: ({ signal }) => api.get<{ items: TOffer[] }>('/me/offers', undefined, signal).then((result) => result.items),
    staleTime: 0,
  });
}

function detailKey(offerId: string) {
  return [...OFFERS_KEY, 'detail', offerId] as const;
}

/** One offer with versions and events; polled while a signature is being applied. */
export function useOffer(offerId: string) {
  return useQuery({
    queryKey: detailKey(offerId),
    queryFn: ({ signal }) => api.get<TOfferDetail>(offerPath(offerId), undefined, signal),
    staleTime: 0,
    refetchInterval: (query) => (query.state.data && isSigning(query.state.data.status) ? SIGNING_POLL_MS : false),
  });
}

/** The verification of the offer's newest document; fetched again whenever that document changes. */
export function useOfferVerification(offerId: string, latestSha256: string | null) {
  return useQuery({
    queryKey: [...OFFERS_KEY, 'verify', offerId, latestSha256],
    queryFn: ({ signal }) => api.get<TVerification>(`${offerPath(offerId)}/verify`, undefined, signal),
    enabled: latestSha256 !== null,
  });
}

export function useOfferTemplates() {
  return useQuery({
    queryKey: TEMPLATES_KEY,
    queryFn: ({ signal }) => api.get<{ items: TOfferTemplate[] }>('/employer/offer-templates', undefined, signal).then((result) => result.items),
  });
}

export function useCreateOfferTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TOfferTemplateInput) => api.post<TOfferTemplate>('/employer/offer-templates', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TEMPLATES_KEY }),
  });
}

/** An offer change shows in the lists, its detail, and the application (whose status and history it moves). */
function useOfferChanged() {
  const queryClient = useQueryClient();
  return (offer?: TOfferDetail) => {
    if (offer) queryClient.setQueryData(detailKey(offer.id), offer);
    return Promise.all([queryClient.invalidateQueries({ queryKey: OFFERS_KEY }), queryClient.invalidateQueries({ queryKey: APPLICATIONS_KEY })]);
  };
}

export function useCreateOffer() {
  const changed = useOfferChanged();
  return useMutation({
    mutationFn: (body: TCreateOffer) => api.post<TOfferDetail>('/offers', body),
    onSuccess: (offer) => changed(offer),
  });
}

export function useUpdateOffer(offerId: string) {
  const changed = useOfferChanged();
  return useMutation({
    mutationFn: (patch: TUpdateOffer) => api.patch<TOfferDetail>(offerPath(offerId), patch),
    onSuccess: (offer) => changed(offer),
  });
}

export function useSendOffer() {
  const changed = useOfferChanged();
  return useMutation({
    mutationFn: (offerId: string) => api.post<TOfferDetail>(`${offerPath(offerId)}/send`),
    onSuccess: (offer) => changed(offer),
  });
}

export function useRevokeOffer() {
  const changed = useOfferChanged();
  return useMutation({
    mutationFn: ({ offerId, reason }: { offerId: string; reason: string }) => api.post<TOfferDetail>(`${offerPath(offerId)}/revoke`, { reason }),
    onSuccess: (offer) => changed(offer),
  });
}

export function useDeclineOffer() {
  const changed = useOfferChanged();
  return useMutation({
    mutationFn: ({ offerId, reason }: { offerId: string; reason: string }) => api.post<TOfferDetail>(`${offerPath(offerId)}/decline`, { reason }),
    onSuccess: (offer) => changed(offer),
  });
}

/** 批量发出 / 批量撤回: the ones done and the ones skipped, each with the server's reason. */
export function useBulkOfferAction() {
  const changed = useOfferChanged();
  return useMutation({
    mutationFn: ({ kind, ids, reason }: { kind: TBulkOfferKind; ids: string[]; reason: string }) =>
      api.post<TBulkOfferResult>(`/offers/bulk-${kind}`, { ids, reason }),
    onSuccess: () => changed(),
  });
}

/** Sends the signer a one-time code (to their phone, and under 账户 → 消息). */
export function useRequestSigningCode(offerId: string, action: TSigningAction) {
  return useMutation({
    mutationFn: () => api.post<TOtpSent>(`${offerPath(offerId)}/${action}/code`),
  });
}

/** Signs with the code (202); the offer then shows the signing state until the worker is done. */
export function useConfirmSignature(offerId: string, action: TSigningAction) {
  const changed = useOfferChanged();
  return useMutation({
    mutationFn: (code: string) => api.post<TOfferDetail>(`${offerPath(offerId)}/${action}`, { code }),
    onSuccess: (offer) => changed(offer),
    // A wrong code counts against the signer and may lock the offer for them: show the new state.
    onError: () => changed(),
  });
}

/** Where the employer's and the graduate's pages of an offer are. */
export function employerOfferPath(offerId: string): string {
  return `/employer/offers/${encodeURIComponent(offerId)}`;
}

export function graduateOfferPath(offerId: string): string {
  return `/graduate/offers/${encodeURIComponent(offerId)}`;
}
