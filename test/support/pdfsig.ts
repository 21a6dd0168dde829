/**
 * Poppler's command-line tools as independent checks of our PDFs: `pdfsig` for signatures (it
 * exits 0 even on a digest mismatch, so its output is parsed), `pdftotext` and `pdftoppm` for what
 * a reader sees, and an NSS database (certutil, Debian libnss3-tools) that trusts our CA.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PdfsigSignature {
  /** "Signature is Valid." */
  valid: boolean;
  /** "Total document signed" (rather than "Not total document signed"). */
  totalDocumentSigned: boolean;
  /** "Certificate is Trusted." — undefined when pdfsig printed no certificate line. */
  trusted?: boolean;
  signerName?: string;
  /** The text after "Signature Validation:", e.g. "Digest Mismatch." */
  validation: string;
  /** The text after "Certificate Validation:". */
  certificate?: string;
  signatureType?: string;
}

export async function runPdfsig(pdfPath: string, opts: { nssDir?: string } = {}): Promise<{ signatures: PdfsigSignature[]; raw: string }> {
  const args = [...(opts.nssDir ? ['-nssdir', `sql:${opts.nssDir}`] : []), pdfPath];
  // pdfsig exits non-zero for a file without signatures; its output still says why.
  const { stdout, stderr } = await run('pdfsig', args).catch((e: { stdout?: string; stderr?: string }) => ({ stdout: e.stdout ?? '', stderr: e.stderr ?? '' }));
  const raw = `${stdout}${stderr}`;
  const signatures = stdout
    .split(/^Signature #\d+:\s*$/m)
    .slice(1)
    .map((block): PdfsigSignature => {
      const field = (label: string) => new RegExp(`^\\s*- ${label}: (.*)$`, 'm').exec(block)?.[1]?.trim();
      const validation = field('Signature Validation') ?? '';
      const certificate = field('Certificate Validation');
      return {
        valid: validation === 'Signature is Valid.',
        totalDocumentSigned: /^\s*- Total document signed\s*$/m.test(block),
        ...(certificate !== undefined ? { trusted: certificate === 'Certificate is Trusted.', certificate } : {}),
        ...(field('Signer Certificate Common Name') ? { signerName: field('Signer Certificate Common Name') } : {}),
        ...(field('Signature Type') ? { signatureType: field('Signature Type') } : {}),
        validation,
      };
    });
  return { signatures, raw };
}

/** An NSS database in `dir` that trusts `caCertPem` for e-mail/document signing (and TLS). */
export async function makeNssDb(dir: string, caCertPem: string): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  const caFile = path.join(dir, 'ca.crt.pem');
  await fs.writeFile(caFile, caCertPem);
  await run('certutil', ['-N', '-d', `sql:${dir}`, '--empty-password']);
  await run('certutil', ['-A', '-d', `sql:${dir}`, '-n', 'yunpin-esign-ca', '-t', 'CT,C,C', '-i', caFile]);
  return dir;
}

export async function pdftotext(pdfPath: string): Promise<string> {
  return (await run('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'])).stdout;
}

/** Renders `page` (1-based) in grey at `dpi` and returns the share of pixels darker than mid-grey. */
export async function inkCoverage(pdfPath: string, page: number, outDir: string, dpi = 50): Promise<{ width: number; height: number; ink: number; pngPath: string }> {
  const base = path.join(outDir, `page-${page}`);
  await run('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdfPath, base]);
  await run('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdfPath, base]);
  const pgm = await fs.readFile(`${base}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a binary PGM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(header[0].length, header[0].length + width * height);
  let dark = 0;
  for (const p of pixels) if (p < 128) dark++;
  return { width, height, ink: dark / pixels.length, pngPath: `${base}.png` };
}
