/**
 * Our own verifier, independent of the signing code path apart from the DER reader: finds every
 * signature dictionary by its /ByteRange, checks the range is sane (starts at 0, the gap is exactly
 * the /Contents hex string, nothing past the end), the CMS message digest against the covered
 * bytes, the RSA signature over the signed attributes with the signer's certificate, and that
 * certificate's chain to the platform CA.
 */
import { X509Certificate, createHash } from 'node:crypto';
import { sha256Hex } from '../blob-store.js';
import { parseSignedData, verifySignedAttrs } from './cms.js';
import { certificateIds, read, readName } from './der.js';
import { OID_TITLE } from './keys.js';

export { sha256Hex };

export interface VerifiedSignature {
  /** Position in the file, 0 = first. */
  index: number;
  signerName: string;
  organisation?: string;
  role?: string;
  /** The CMS signing-time attribute, ISO. */
  signingTime: string | null;
  certificateIssuedByPlatformCa: boolean;
  /** The CMS message digest equals the SHA-256 of the bytes the ByteRange covers. */
  digestValid: boolean;
  /** The signature over the signed attributes verifies with the signer's certificate. */
  signatureValid: boolean;
  /** The ByteRange is well formed: from 0, the gap is exactly this dictionary's /Contents, within the file. */
  byteRangeValid: boolean;
  /** All of the above. */
  valid: boolean;
  coversWholeDocument: boolean;
  byteRange: [number, number, number, number];
  /** SHA-256 of the revision this signature closes: bytes 0 to the end of its ByteRange. */
  revisionSha256: string;
  /** SHA-256 of the signer's certificate, hex. */
  certificateSha256?: string;
}

export interface VerifyReport {
  sha256: string;
  signatures: VerifiedSignature[];
  /** At least one signature, and every signature valid. */
  allValid: boolean;
  /** Bytes after the last signature's ByteRange, or a ByteRange that does not add up. */
  modifiedAfterLastSignature: boolean;
  /** The last signature is a valid platform seal covering the whole file. */
  sealed: boolean;
}

const OID_CN = '2.5.4.3';
const OID_O = '2.5.4.10';
const HEX = /^[0-9a-fA-F]*$/;

function parseByteRange(pdf: Buffer, at: number): [number, number, number, number] | null {
  const m = /^\/ByteRange\s*\[\s*(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s*\]/.exec(pdf.subarray(at, at + 80).toString('latin1'));
  return m ? [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] : null;
}

/** The gap must be `<hex>` right after `/Contents`, and the ByteRange itself inside the signed bytes. */
function rangeIsSane(pdf: Buffer, at: number, [a, b, c, d]: [number, number, number, number]): boolean {
  if (a !== 0 || b <= 0 || c <= b + 1 || d < 0 || c + d > pdf.length) return false;
  if (at >= b && at < c) return false;
  if (pdf[b] !== 0x3c /* < */ || pdf[c - 1] !== 0x3e /* > */) return false;
  const before = pdf.subarray(Math.max(0, b - 40), b).toString('latin1').trimEnd();
  if (!before.endsWith('/Contents')) return false;
  return HEX.test(pdf.subarray(b + 1, c - 1).toString('latin1'));
}

function checkSignature(pdf: Buffer, at: number, index: number, ca: X509Certificate): VerifiedSignature {
  const range = parseByteRange(pdf, at);
  const byteRange = range ?? [0, 0, 0, 0];
  const [, b, c, d] = byteRange;
  const result: VerifiedSignature = {
    index,
    signerName: '',
    signingTime: null,
    certificateIssuedByPlatformCa: false,
    digestValid: false,
    signatureValid: false,
    byteRangeValid: false,
    valid: false,
    coversWholeDocument: !!range && c + d === pdf.length,
    byteRange,
    revisionSha256: range && c + d <= pdf.length ? sha256Hex(pdf.subarray(0, c + d)) : '',
  };
  if (!range || !rangeIsSane(pdf, at, range)) return result;
  result.byteRangeValid = true;

  let cms: ReturnType<typeof parseSignedData>;
  try {
    const contents = Buffer.from(pdf.subarray(b + 1, c - 1).toString('latin1'), 'hex');
    const der = read(contents);
    // After the DER only the zero padding may follow.
    if (contents.subarray(der.end).some((byte) => byte !== 0)) return result;
    cms = parseSignedData(der.raw);
  } catch {
    return result;
  }
  if (!cms.signerCert) return result;

  let cert: X509Certificate;
  try {
    cert = new X509Certificate(cms.signerCert);
    const subject = readName(read(certificateIds(cms.signerCert).subject));
    result.signerName = subject.get(OID_CN)?.[0] ?? '';
    const organisation = subject.get(OID_O)?.[0];
    if (organisation) result.organisation = organisation;
    const role = subject.get(OID_TITLE)?.[0];
    if (role) result.role = role;
  } catch {
    return result;
  }
  result.certificateSha256 = createHash('sha256').update(cms.signerCert).digest('hex');
  result.signingTime = cms.signingTime ? cms.signingTime.toISOString() : null;

  const covered = createHash('sha256').update(pdf.subarray(0, b)).update(pdf.subarray(c, c + d)).digest();
  result.digestValid = cms.contentTypeIsData && !!cms.messageDigest && covered.equals(cms.messageDigest);
  const certHash = createHash('sha256').update(cms.signerCert).digest();
  const namesThisCert = !cms.signingCertificateHashes || cms.signingCertificateHashes.some((h) => h.equals(certHash));
  result.signatureValid = namesThisCert && verifySignedAttrs(cms, cert.publicKey);

  const when = cms.signingTime ?? new Date();
  result.certificateIssuedByPlatformCa =
    !cert.ca &&
    cert.checkIssued(ca) &&
    cert.verify(ca.publicKey) &&
    new Date(cert.validFrom) <= when &&
    when <= new Date(cert.validTo) &&
    new Date(ca.validFrom) <= when &&
    when <= new Date(ca.validTo);
  result.valid = result.byteRangeValid && result.digestValid && result.signatureValid && result.certificateIssuedByPlatformCa;
  return result;
}

export function verifyPdf(pdfInput: Uint8Array, caCertPem: string): VerifyReport {
  const pdf = Buffer.from(pdfInput.buffer, pdfInput.byteOffset, pdfInput.byteLength);
  const ca = new X509Certificate(caCertPem);
  const signatures: VerifiedSignature[] = [];
  for (let at = pdf.indexOf('/ByteRange'); at >= 0; at = pdf.indexOf('/ByteRange', at + 10)) {
    signatures.push(checkSignature(pdf, at, signatures.length, ca));
  }
  const ends = signatures.map((s) => s.byteRange[2] + s.byteRange[3]);
  const last = signatures.reduce<VerifiedSignature | undefined>((best, s, i) => (!best || ends[i]! > ends[best.index]! ? s : best), undefined);
  const modifiedAfterLastSignature = !!last && (ends[last.index]! < pdf.length || signatures.some((s) => !s.byteRangeValid));
  return {
    sha256: sha256Hex(pdf),
    signatures,
    allValid: signatures.length > 0 && signatures.every((s) => s.valid),
    modifiedAfterLastSignature,
    sealed: !!last && last.valid && last.role === 'platform' && last.coversWholeDocument,
  };
}
