/**
 * The signed offer checked by tools that share no code with ours: poppler's pdfsig (with NSS
 * trusting our CA), pdftotext and pdftoppm. Needs no database.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditPage, loadEsignKeys, renderOfferPdf, sealPdf, sha256Hex, signPdf, verifyPdf, type EsignKeys, type OfferDocument } from '@yunpin/shared/node';
import { inkCoverage, makeNssDb, pdftotext, runPdfsig } from '../support/pdfsig.js';

const offer: OfferDocument = {
  offerId: '0d7c1c1e-9d59-4a0c-8b0e-5b1f4d6a7e21',
  reference: 'YP-2026-004711',
  employerName: '成都蓉城数据服务有限公司',
  graduateName: '陈思远',
  position: '数据分析师（应届）',
  salaryMonthlyYuan: 9800,
  startDate: '2027-02-15',
  probationMonths: 2,
  location: '四川省成都市高新区天府大道中段 1268 号',
  conditions: '入职体检合格；提供毕业证、学位证原件。Pass the pre-employment medical check; bring the original degree certificates.',
  expiresAt: '2026-12-20T09:00:00.000Z',
  issuedAt: '2026-11-27T08:30:00.000Z',
};

let dir: string;
let keys: EsignKeys;
let nssDir: string;
let sealedPath: string;
let sealed: Uint8Array;

const write = async (name: string, bytes: Uint8Array) => {
  const file = path.join(dir, name);
  await fs.writeFile(file, bytes);
  return file;
};

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'yp-esign-pdfsig-'));
  keys = await loadEsignKeys(path.join(dir, 'data'));
  nssDir = await makeNssDb(path.join(dir, 'nss'), keys.caCertPem);

  const graduate = await keys.signerCredential({ id: 'graduate-4711', name: offer.graduateName, role: 'graduate' });
  const employer = await keys.signerCredential({ id: 'employer-88', name: '刘海燕', role: 'employer', organisation: offer.employerName });
  const now = Date.now() - 2 * 3_600_000; // signing times from the server, a while before the job ran
  const rendered = await renderOfferPdf(offer);
  const byGraduate = await signPdf(rendered, { credential: graduate, signingTime: new Date(now), reason: '接受录用 Offer accepted' });
  const byEmployer = await signPdf(byGraduate, { credential: employer, signingTime: new Date(now + 1000), reason: '确认录用 Offer confirmed', location: '成都' });
  const audited = await appendAuditPage(
    byEmployer,
    [
      { signer: offer.graduateName, role: 'graduate', signedAt: new Date(now).toISOString(), ip: '203.0.113.50', otpVerified: true, documentSha256: sha256Hex(rendered) },
      { signer: `刘海燕（${offer.employerName}）`, role: 'employer', signedAt: new Date(now + 1000).toISOString(), ip: '198.51.100.23', otpVerified: true, documentSha256: sha256Hex(byGraduate) },
    ],
    { offerId: offer.offerId, reference: offer.reference },
  );
  sealed = await sealPdf(audited, keys, new Date(now + 2000));
  sealedPath = await write('sealed.pdf', sealed);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('pdfsig on the sealed offer', () => {
  it('finds three valid signatures, the last covering the whole document, all trusted through our CA', async () => {
    const { signatures, raw } = await runPdfsig(sealedPath, { nssDir });
    expect(signatures, raw).toHaveLength(3);
    for (const s of signatures) {
      expect(s.validation, raw).toBe('Signature is Valid.');
      expect(s.certificate, raw).toBe('Certificate is Trusted.');
      expect(s.signatureType).toBe('ETSI.CAdES.detached');
    }
    expect(signatures.map((s) => s.totalDocumentSigned)).toEqual([false, false, true]);
    expect(signatures.map((s) => s.signerName)).toEqual([offer.graduateName, '刘海燕', '云聘24365 平台电子印章']);
    // Our own verifier agrees.
    expect(verifyPdf(sealed, keys.caCertPem)).toMatchObject({ allValid: true, sealed: true, modifiedAfterLastSignature: false });
  });

  it('does not trust the signers without our CA in the NSS database', async () => {
    const empty = path.join(dir, 'nss-empty');
    await fs.mkdir(empty);
    await makeNssDb(empty, (await loadEsignKeys(path.join(dir, 'other-data'))).caCertPem);
    const { signatures, raw } = await runPdfsig(sealedPath, { nssDir: empty });
    expect(signatures, raw).toHaveLength(3);
    expect(signatures.every((s) => s.valid && s.trusted === false)).toBe(true);
  });

  it('reports a digest mismatch when one signed byte changes', async () => {
    const tampered = Uint8Array.from(sealed);
    // A byte inside a compressed stream of the first revision (the rendered offer).
    const text = Buffer.from(sealed).toString('latin1');
    const streamAt = text.indexOf('stream\n', text.indexOf('/Contents')) + 'stream\n'.length;
    expect(streamAt).toBeGreaterThan(10);
    tampered[streamAt + 20] = tampered[streamAt + 20]! ^ 0x01;
    const { signatures, raw } = await runPdfsig(await write('tampered.pdf', tampered), { nssDir });
    expect(signatures, raw).toHaveLength(3);
    for (const s of signatures) {
      expect(s.valid, raw).toBe(false);
      expect(s.validation, raw).toMatch(/Digest Mismatch/);
    }
    expect(verifyPdf(tampered, keys.caCertPem).allValid).toBe(false);
  });

  it('says the seal no longer covers the whole document once an update is appended', async () => {
    const extra = await appendAuditPage(
      sealed,
      [{ signer: '某人', role: 'graduate', signedAt: new Date().toISOString(), ip: '192.0.2.1', otpVerified: false, documentSha256: sha256Hex(sealed) }],
      { offerId: offer.offerId, reference: offer.reference },
    );
    const { signatures, raw } = await runPdfsig(await write('appended.pdf', extra), { nssDir });
    expect(signatures, raw).toHaveLength(3);
    expect(signatures.every((s) => s.valid)).toBe(true); // each still matches the bytes it covers
    expect(signatures.map((s) => s.totalDocumentSigned)).toEqual([false, false, false]);
    expect(verifyPdf(extra, keys.caCertPem)).toMatchObject({ modifiedAfterLastSignature: true, sealed: false });
  });
});

describe('what a reader sees', () => {
  it('extracts the Chinese and English text of the offer and the audit page', async () => {
    const text = await pdftotext(sealedPath);
    for (const expected of ['录用通知书', offer.position, offer.graduateName, offer.employerName, '人民币 9,800 元', 'Offer of Employment', 'Monthly salary (gross)', '签署审计记录', 'Audit trail', '已验证 verified']) {
      expect(text).toContain(expected);
    }
    expect(text.length).toBeGreaterThan(500);
  });

  it('renders both pages with ink on them', async () => {
    for (const page of [1, 2]) {
      const { width, height, ink, pngPath } = await inkCoverage(sealedPath, page, dir);
      expect(Math.round((width / height) * 100)).toBe(Math.round((595.28 / 841.89) * 100)); // A4
      expect(ink, `page ${page}`).toBeGreaterThan(0.005);
      expect((await fs.stat(pngPath)).size).toBeGreaterThan(5000);
    }
  });
});
