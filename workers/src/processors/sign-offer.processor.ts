import { UnrecoverableError, type Processor, type Queue } from 'bullmq';
import type { Logger } from 'pino';
import { JOB_NAMES, ZSignOfferJobSchema, offerSignedJobId, type TOfferSignedResult } from '@yunpin/shared';
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
 * The signer's key is read here, from DATA_DIR: the job names the signer and never carries a key.
 * The signing time comes from the job (the server's clock when the signer confirmed), so a job run
 * again after a crash writes the same bytes, and the server records the one signature once.
 * The employer's countersignature also appends the audit-trail page and the platform seal.
 */
export function signOfferProcessor(deps: SignOfferDeps): Processor {
  return async (job) => {
    const data = ZSignOfferJobSchema.parse(job.data);
    let input: Buffer;
    try {
      input = await deps.blobs.get(data.input.sha256);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UnrecoverableError(`offer ${data.offerId}: version ${data.input.version} is not stored`);
      throw error;
    }
    if (sha256Hex(input) !== data.input.sha256) throw new UnrecoverableError(`offer ${data.offerId}: stored version ${data.input.version} does not match its hash`);
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
