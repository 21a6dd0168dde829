import { createHmac } from 'node:crypto';
import { loadEsignKeys, renderOfferPdf, verifyPdf, type EsignKeys, type OfferDocument, type VerifyReport } from '@yunpin/shared/node';
import { loadLocalSecret } from './local-secret.js';

/** The key that turns one-time codes into the HMACs kept in the database. */
const OTP_KEY_FILE = 'esign/otp.key';

/**
 * What the server does with documents itself: render a letter (to preview and to send), verify a PDF
 * against the platform CA, and hash one-time codes. Signing is the e-sign worker's: the server
 * never loads a signer's key.
 */
export interface EsignService {
  render(doc: OfferDocument): Promise<Uint8Array>;
  verify(pdf: Uint8Array): Promise<VerifyReport>;
  otpHash(offerId: string, role: string, code: string): Promise<string>;
}

export function createEsignService(dataDir: string): EsignService {
  let keys: Promise<EsignKeys> | undefined;
  let otpKey: Promise<Buffer> | undefined;
  const caCertPem = async () => (await (keys ??= loadEsignKeys(dataDir))).caCertPem;
  return {
    render: (doc) => renderOfferPdf(doc),
    async verify(pdf) {
      return verifyPdf(pdf, await caCertPem());
    },
    async otpHash(offerId, role, code) {
      const key = await (otpKey ??= loadLocalSecret(dataDir, OTP_KEY_FILE));
      return createHmac('sha256', key).update(`${offerId}:${role}:${code}`).digest('hex');
    },
  };
}
