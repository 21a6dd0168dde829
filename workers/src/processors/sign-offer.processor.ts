import { UnrecoverableError, type Processor, type Queue } from 'bullmq';
import type { Logger } from 'pino';
import { JOB_NAMES, ZSignOfferJobSchema, ZSigningManifestSchema, offerSignedJobId, type TOfferSignedResult } from '@yunpin/shared';
import { appendAuditPage, sealPdf, sha256Hex, signPdf, type BlobStore, type EsignKeys } from '@yunpin/shared/node';

export interface SignOfferDeps {
  blobs: BlobStore;
  /** The platform CA, the seal and the signers' keys, under DATA_DIR; loaded once. */
  keys: () => Promise<EsignKeys>;
  results: Queue;
  logger: Logger;
  /**
   * Fault injection for the crash tests: wait this long after the signed document is stored and
   * before the result is posted, so a test can kill the process in between.
   */
  pauseBeforeResultMs?: number;
}

const ROLE_TEXT = { graduate: '毕业生 Graduate', employer: '用人单位 Employer' } as const;

/**
 * Applies one signer's signature to a stored version of an offer and posts the new versions' hashes.
 * The job carries ids and hashes only; who signs comes from the signing manifest in the blob store,
 * and the signer's key is read here, from DATA_DIR: no key and no personal data travel in Redis.
 * The signing time comes from the job (the server's clock when the signer confirmed), so a job run
 * again after a crash writes the same bytes, and the server records the one signature once.
 * The employer's countersignature also appends the audit-trail page and the platform seal.
 */
export function signOfferProcessor(deps: SignOfferDeps): Processor {
  return async (job) => {
    const payload = ZSignOfferJobSchema.parse(job.data);
    /** A stored blob that must exist and match its hash; a missing or altered one is not retried. */
    const stored = async (sha256: string, what: string): Promise<Buffer> => {
      let bytes: Buffer;
      try {
        bytes = await deps.blobs.get(sha256);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UnrecoverableError(`offer ${payload.offerId}: ${what} is not stored`);
        throw error;
      }
      if (sha256Hex(bytes) !== sha256) throw new UnrecoverableError(`offer ${payload.offerId}: stored ${what} does not match its hash`);
      return bytes;
    };
    const input = await stored(payload.input.sha256, `version ${payload.input.version}`);
    const manifest = ZSigningManifestSchema.safeParse(JSON.parse((await stored(payload.manifestSha256, 'signing manifest')).toString('utf8')));
    if (!manifest.success || manifest.data.offerId !== payload.offerId || manifest.data.role !== payload.role) throw new UnrecoverableError(`offer ${payload.offerId}: the signing manifest does not belong to this job`);
    const data = { ...manifest.data, input: payload.input };
    const keys = await deps.keys();
    const signingTime = new Date(data.signingTime);
    const credential = await keys.signerCredential({ id: data.signer.userId, name: data.signer.name, role: data.role, ...(data.signer.organisation ? { organisation: data.signer.organisation } : {}) });
    const signed = await signPdf(input, { credential, signingTime, reason: data.reason, location: data.location });
    const versions: TOfferSignedResult['versions'] = [{ kind: data.role === 'graduate' ? 'graduate_signed' : 'employer_signed', sha256: (await deps.blobs.put(signed)).sha256 }];
    if (data.role === 'employer') {
      const lines = [
        ...data.auditLines,
        { signer: data.signer.organisation ? `${data.signer.name}（${data.signer.organisation}）` : data.signer.name, role: ROLE_TEXT.employer, signedAt: data.signingTime, ip: data.ip, otpVerified: true, documentSha256: data.input.sha256 },
      ];
      const audited = await appendAuditPage(signed, lines, { offerId: data.offerId, reference: data.reference });
      versions.push({ kind: 'audit_page', sha256: (await deps.blobs.put(audited)).sha256 });
      const sealed = await sealPdf(audited, keys, signingTime);
      versions.push({ kind: 'sealed', sha256: (await deps.blobs.put(sealed)).sha256 });
    }
    deps.logger.info({ offerId: data.offerId, role: data.role, versions: versions.map((v) => v.sha256) }, 'offer signed, recording');
    if (deps.pauseBeforeResultMs) await new Promise((resolve) => setTimeout(resolve, deps.pauseBeforeResultMs));
    const result: TOfferSignedResult = { offerId: data.offerId, role: data.role, inputVersion: data.input.version, versions };
    await deps.results.add(JOB_NAMES.offerSigned, result, { jobId: offerSignedJobId(data.offerId, data.role, data.input.version) });
    return { versions: versions.length };
  };
}
