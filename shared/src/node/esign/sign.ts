/**
 * Signing: each signature is an incremental update holding a signature field (an invisible widget
 * on page 1, added to the AcroForm) and its signature dictionary, /SubFilter ETSI.CAdES.detached
 * (PAdES), with the CMS from cms.ts filled in by @signpdf/signpdf. Node's native crypto signs
 * (RSA PKCS#1 v1.5, SHA-256), which is deterministic: the same input and request give the same
 * bytes, so a retried job produces the same signed version.
 */
import { SignPdf } from '@signpdf/signpdf';
import { Signer } from '@signpdf/utils';
import { PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import { z } from 'zod';
import { signDetached } from './cms.js';
import { appendUpdate, arrayEntry, firstPage, openRevision, resolveDict } from './incremental.js';
import type { EsignKeys, SignerCredential } from './keys.js';

/** Bytes reserved for the CMS in /Contents (written as twice as many hex digits). */
export const SIGNATURE_BYTES = 8192;
const BYTE_RANGE_PLACEHOLDER = '**********';

export interface SignatureRequest {
  credential: SignerCredential;
  /** Given by the server: the CMS signing-time attribute and the signature dictionary's /M. */
  signingTime: Date;
  reason: string;
  location?: string;
  contactInfo?: string;
}

const RequestTextSchema = z.object({
  signingTime: z.date().refine((d) => !Number.isNaN(d.getTime()), 'a valid date'),
  reason: z.string().trim().min(1).max(500),
  location: z.string().trim().max(300).optional(),
  contactInfo: z.string().trim().max(300).optional(),
});

/** A @signpdf Signer on Node's crypto: the CMS for the bytes outside /Contents. */
class NativeCadesSigner extends Signer {
  constructor(private readonly credential: SignerCredential) {
    super();
  }

  override async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    if (!signingTime) throw new Error('signingTime is required');
    const { certDer, chainDer, privateKey } = this.credential;
    return signDetached(pdfBuffer, { certDer, chainDer: [...chainDer], privateKey }, signingTime);
  }
}

/** Adds one approval signature as an incremental update. */
export async function signPdf(pdf: Uint8Array, req: SignatureRequest): Promise<Uint8Array> {
  const text = RequestTextSchema.parse({ signingTime: req.signingTime, reason: req.reason, location: req.location, contactInfo: req.contactInfo });
  const rev = openRevision(pdf);
  const { context } = rev;
  const changed = new Set<PDFRef>();

  const catalog = resolveDict(rev, rev.root, 'the catalog');
  const existingForm = catalog.get(PDFName.of('AcroForm'));
  let acroFormRef: PDFRef;
  if (existingForm instanceof PDFRef) acroFormRef = existingForm;
  else {
    // No form yet, or one inside the catalog: make it an object of its own.
    acroFormRef = context.register(existingForm instanceof PDFDict ? existingForm : context.obj({ Fields: [] }));
    catalog.set(PDFName.of('AcroForm'), acroFormRef);
    changed.add(rev.root);
  }
  const acroForm = resolveDict(rev, acroFormRef, 'the AcroForm');
  const fields = arrayEntry(rev, acroForm, 'Fields', acroFormRef);
  acroForm.set(PDFName.of('SigFlags'), PDFNumber.of(3)); // SignaturesExist | AppendOnly
  changed.add(acroFormRef).add(fields.holder);

  const { ref: pageRef, page } = firstPage(rev);
  const signature = context.register(
    context.obj({
      Type: 'Sig',
      Filter: 'Adobe.PPKLite',
      SubFilter: 'ETSI.CAdES.detached',
      // @signpdf/signpdf fills these in; /Contents must follow /ByteRange.
      ByteRange: [0, PDFName.of(BYTE_RANGE_PLACEHOLDER), PDFName.of(BYTE_RANGE_PLACEHOLDER), PDFName.of(BYTE_RANGE_PLACEHOLDER)],
      Contents: PDFHexString.of('0'.repeat(SIGNATURE_BYTES * 2)),
      M: PDFString.fromDate(text.signingTime),
      Reason: PDFHexString.fromText(text.reason),
      ...(text.location ? { Location: PDFHexString.fromText(text.location) } : {}),
      ...(text.contactInfo ? { ContactInfo: PDFHexString.fromText(text.contactInfo) } : {}),
      Prop_Build: { App: { Name: PDFName.of('Yunpin24365') } },
    }),
  );
  const widget = context.register(
    context.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      T: PDFString.of(`Signature${fields.array.size() + 1}`),
      V: signature,
      Rect: [0, 0, 0, 0],
      F: 132, // Print | Locked
      P: pageRef,
    }),
  );
  fields.array.push(widget);
  const annots = arrayEntry(rev, page, 'Annots', pageRef);
  annots.array.push(widget);
  changed.add(annots.holder);

  const withPlaceholder = appendUpdate(rev, changed);
  return new SignPdf().sign(withPlaceholder, new NativeCadesSigner(req.credential), text.signingTime);
}

/** The platform's electronic seal over the whole document, the last signature of an offer. */
export function sealPdf(pdf: Uint8Array, keys: EsignKeys, sealedAt: Date): Promise<Uint8Array> {
  return signPdf(pdf, {
    credential: keys.seal,
    signingTime: sealedAt,
    reason: '云聘24365 平台电子印章：双方已签署，平台确认签署过程 Platform seal: signed by both parties; signing process confirmed by the platform',
    location: '云聘24365 Yunpin 24365',
  });
}
