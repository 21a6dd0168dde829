import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../blob-store.js';
import { appendAuditPage } from './audit.js';
import { loadEsignKeys, type EsignKeys, type SignerCredential } from './keys.js';
import { renderOfferPdf, type OfferDocument } from './render.js';
import { sealPdf, signPdf } from './sign.js';
import { verifyPdf } from './verify.js';

const offer: OfferDocument = {
  offerId: '6f1c2a9e-2b7d-4c55-9d61-0a4f3e2b8c10',
  reference: 'YP-2026-000123',
  employerName: '杭州云端科技有限公司',
  graduateName: '李晓明',
  position: '前端开发工程师',
  salaryMonthlyYuan: 12500,
  startDate: '2027-01-04',
  probationMonths: 3,
  location: '浙江省杭州市西湖区文三路 90 号',
  conditions: '须于入职前取得毕业证书和学位证书。Must hold the degree certificate before the start date.',
  expiresAt: '2026-12-10T10:00:00.000Z',
  issuedAt: '2026-11-27T08:00:00.000Z',
};

let dataDir: string;
let otherDataDir: string;
let keys: EsignKeys;
let graduate: SignerCredential;
let employer: SignerCredential;
// Two hours ago, whole seconds: a signing job can run well after the signer confirmed, and the
// signer's certificate (issued by that job) must already be valid then.
const t0 = new Date(Math.floor(Date.now() / 1000) * 1000 - 2 * 3_600_000);

/** The whole flow, with every intermediate version. */
async function fullFlow(doc = offer) {
  const rendered = await renderOfferPdf(doc);
  const byGraduate = await signPdf(rendered, { credential: graduate, signingTime: t0, reason: '接受录用 Offer accepted', location: '杭州' });
  const byEmployer = await signPdf(byGraduate, { credential: employer, signingTime: new Date(t0.getTime() + 60_000), reason: '确认录用 Offer confirmed' });
  const audited = await appendAuditPage(
    byEmployer,
    [
      { signer: graduate.name, role: 'graduate', signedAt: t0.toISOString(), ip: '203.0.113.7', otpVerified: true, documentSha256: sha256Hex(rendered) },
      { signer: `${employer.name}（${employer.organisation}）`, role: 'employer', signedAt: new Date(t0.getTime() + 60_000).toISOString(), ip: '198.51.100.2', otpVerified: true, documentSha256: sha256Hex(byGraduate) },
    ],
    { offerId: doc.offerId, reference: doc.reference },
  );
  const sealed = await sealPdf(audited, keys, new Date(t0.getTime() + 120_000));
  return { rendered, byGraduate, byEmployer, audited, sealed };
}
let flow: Awaited<ReturnType<typeof fullFlow>>;

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'yp-esign-'));
  otherDataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'yp-esign-other-'));
  keys = await loadEsignKeys(dataDir);
  graduate = await keys.signerCredential({ id: 'user-graduate-1', name: '李晓明', role: 'graduate' });
  employer = await keys.signerCredential({ id: 'user-employer-1', name: '王芳', role: 'employer', organisation: '杭州云端科技有限公司' });
  flow = await fullFlow();
});
afterAll(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
  await fs.rm(otherDataDir, { recursive: true, force: true });
});

const text = (pdf: Uint8Array) => Buffer.from(pdf).toString('latin1');
const flip = (pdf: Uint8Array, at: number) => {
  const copy = Uint8Array.from(pdf);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
};

describe('renderOfferPdf', () => {
  it('gives the same bytes for the same offer and other bytes for another', async () => {
    const again = await renderOfferPdf(offer);
    expect(sha256Hex(again)).toBe(sha256Hex(flow.rendered));
    const other = await renderOfferPdf({ ...offer, salaryMonthlyYuan: 12600 });
    expect(sha256Hex(other)).not.toBe(sha256Hex(flow.rendered));
  });

  it('embeds its only font as a subset, keeps a classic xref table and has a form for the signatures', () => {
    const pdf = text(flow.rendered);
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+WenQuanYiMicroHei/);
    expect(pdf).toContain('/FontFile2');
    expect(pdf).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
    expect(pdf).not.toContain('/ObjStm');
    expect(pdf).toMatch(/\nxref\n/);
    expect(pdf).toMatch(/\/AcroForm \d+ 0 R/);
    // A subset, not the 5 MB face.
    expect(flow.rendered.length).toBeLessThan(200_000);
  });

  it('rejects malformed input', async () => {
    await expect(renderOfferPdf({ ...offer, startDate: '4 Jan 2027' })).rejects.toThrow();
    await expect(renderOfferPdf({ ...offer, salaryMonthlyYuan: -1 })).rejects.toThrow();
  });
});

describe('signPdf', () => {
  it('is deterministic: the same bytes and request give the same signed bytes', async () => {
    const again = await signPdf(flow.rendered, { credential: graduate, signingTime: t0, reason: '接受录用 Offer accepted', location: '杭州' });
    expect(sha256Hex(again)).toBe(sha256Hex(flow.byGraduate));
    const later = await signPdf(flow.rendered, { credential: graduate, signingTime: new Date(t0.getTime() + 1000), reason: '接受录用 Offer accepted', location: '杭州' });
    expect(sha256Hex(later)).not.toBe(sha256Hex(flow.byGraduate));
  });

  it('appends: every version starts with the bytes of the one before', () => {
    const chain = [flow.rendered, flow.byGraduate, flow.byEmployer, flow.audited, flow.sealed];
    for (let i = 1; i < chain.length; i++) {
      expect(chain[i]!.length).toBeGreaterThan(chain[i - 1]!.length);
      expect(Buffer.from(chain[i]!.subarray(0, chain[i - 1]!.length)).equals(Buffer.from(chain[i - 1]!))).toBe(true);
    }
  });
});

describe('verifyPdf', () => {
  it('accepts the full flow: three valid signatures from our CA, sealed, nothing after the seal', () => {
    const report = verifyPdf(flow.sealed, keys.caCertPem);
    expect(report.sha256).toBe(sha256Hex(flow.sealed));
    expect(report.signatures).toHaveLength(3);
    expect(report.allValid).toBe(true);
    expect(report.sealed).toBe(true);
    expect(report.modifiedAfterLastSignature).toBe(false);

    const [g, e, s] = report.signatures;
    expect(g).toMatchObject({ signerName: '李晓明', role: 'graduate', signingTime: t0.toISOString(), digestValid: true, signatureValid: true, certificateIssuedByPlatformCa: true, coversWholeDocument: false });
    expect(e).toMatchObject({ signerName: '王芳', organisation: '杭州云端科技有限公司', role: 'employer', digestValid: true, certificateIssuedByPlatformCa: true, coversWholeDocument: false });
    expect(s).toMatchObject({ signerName: '云聘24365 平台电子印章', role: 'platform', digestValid: true, certificateIssuedByPlatformCa: true, coversWholeDocument: true });
    // Each signature closes the version the caller stored.
    expect(g!.revisionSha256).toBe(sha256Hex(flow.byGraduate));
    expect(e!.revisionSha256).toBe(sha256Hex(flow.byEmployer));
    expect(s!.revisionSha256).toBe(sha256Hex(flow.sealed));
    expect(s!.byteRange[2] + s!.byteRange[3]).toBe(flow.sealed.length);
  });

  it('rejects the document when any one signed byte changes', () => {
    const sigs = verifyPdf(flow.sealed, keys.caCertPem).signatures;
    const [g, e, s] = sigs.map((x) => x.byteRange);
    const positions = {
      'the offer page content': Math.floor(flow.rendered.length / 2),
      'the first byte': 0,
      "the employer's update": flow.byGraduate.length + 40,
      'the audit page update': flow.byEmployer.length + 200,
      "the graduate's signature value": g![1] + 100,
      "the employer's ByteRange": text(flow.sealed).indexOf('/ByteRange', g![2]) + 14,
      "the seal's update": s![2] + 10,
      'the last byte': flow.sealed.length - 1,
    };
    expect(e).toBeDefined();
    for (const [what, at] of Object.entries(positions)) {
      const report = verifyPdf(flip(flow.sealed, at), keys.caCertPem);
      expect(report.allValid, what).toBe(false);
    }
  });

  it('flags an update appended after the seal', async () => {
    const extra = await appendAuditPage(
      flow.sealed,
      [{ signer: '某人', role: 'graduate', signedAt: t0.toISOString(), ip: '192.0.2.1', otpVerified: false, documentSha256: sha256Hex(flow.sealed) }],
      { offerId: offer.offerId, reference: offer.reference },
    );
    const report = verifyPdf(extra, keys.caCertPem);
    expect(report.modifiedAfterLastSignature).toBe(true);
    expect(report.sealed).toBe(false);
    expect(report.signatures.every((s) => s.digestValid && !s.coversWholeDocument)).toBe(true);

    // Even one byte after the seal counts.
    expect(verifyPdf(Buffer.concat([flow.sealed, Buffer.from('\n')]), keys.caCertPem).modifiedAfterLastSignature).toBe(true);
  });

  it('does not accept certificates from another CA', async () => {
    const otherKeys = await loadEsignKeys(otherDataDir);
    expect(otherKeys.caCertPem).not.toBe(keys.caCertPem);
    const report = verifyPdf(flow.sealed, otherKeys.caCertPem);
    expect(report.signatures).toHaveLength(3);
    expect(report.signatures.every((s) => s.digestValid && !s.certificateIssuedByPlatformCa)).toBe(true);
    expect(report.allValid).toBe(false);
    expect(report.sealed).toBe(false);

    // A signature made with a key from the other CA fails against ours.
    const impostor = await otherKeys.signerCredential({ id: 'user-graduate-1', name: '李晓明', role: 'graduate' });
    const forged = await signPdf(flow.rendered, { credential: impostor, signingTime: t0, reason: 'x' });
    const forgedReport = verifyPdf(forged, keys.caCertPem);
    expect(forgedReport.signatures[0]).toMatchObject({ digestValid: true, certificateIssuedByPlatformCa: false, valid: false });
  });

  it('reports an unsigned PDF as having no valid signatures', () => {
    const report = verifyPdf(flow.rendered, keys.caCertPem);
    expect(report).toMatchObject({ signatures: [], allValid: false, sealed: false, modifiedAfterLastSignature: false });
  });
});
