/**
 * E-signing of offers of employment: render the offer PDF, sign it as graduate and employer,
 * append the audit trail, seal it as the platform, and verify the result independently.
 * Each step after rendering is an incremental update, so every earlier signature stays valid.
 */
export { loadEsignKeys, SignerIdentitySchema, CA_COMMON_NAME, SEAL_COMMON_NAME, type EsignKeys, type SignerCredential, type SignerIdentity, type SignerRole } from './keys.js';
export { renderOfferPdf, OfferDocumentSchema, type OfferDocument } from './render.js';
export { signPdf, sealPdf, SIGNATURE_BYTES, type SignatureRequest } from './sign.js';
export { appendAuditPage, AuditEntrySchema, type AuditEntry } from './audit.js';
// sha256Hex is exported from ../blob-store.js (the same function).
export { verifyPdf, type VerifiedSignature, type VerifyReport } from './verify.js';
export { PdfStructureError } from './incremental.js';
