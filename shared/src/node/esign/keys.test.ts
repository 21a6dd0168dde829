import { execFile } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEsignKeys } from './keys.js';

const run = promisify(execFile);
const KEYS_MODULE = fileURLToPath(new URL('./keys.ts', import.meta.url));
const dirs: string[] = [];
const tempDir = async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'yp-esign-keys-'));
  dirs.push(dir);
  return dir;
};
afterAll(async () => {
  for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true });
});

const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

/** Loads the keys in a separate Node process and reports the certificates it ended up with. */
async function loadInChild(dataDir: string, startAt = 0): Promise<{ ca: string; seal: string; signer: string }> {
  const script = `
    const { loadEsignKeys } = await import(${JSON.stringify(KEYS_MODULE)});
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, ${startAt} - Date.now())));
    const keys = await loadEsignKeys(${JSON.stringify(dataDir)});
    const signer = await keys.signerCredential({ id: 'user-1', name: '张三', role: 'graduate' });
    console.log(JSON.stringify({ ca: keys.caCertPem, seal: keys.seal.certPem, signer: signer.certPem }));`;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { timeout: 120_000 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as { ca: string; seal: string; signer: string };
}

// Child Node processes start slowly on a loaded machine.
describe('loadEsignKeys', { timeout: 180_000 }, () => {
  it('creates the CA, seal and master key once, with private files readable by the owner only, and reuses them', async () => {
    const dataDir = await tempDir();
    const keys = await loadEsignKeys(dataDir);
    expect(await loadEsignKeys(dataDir)).toBe(keys); // same process: cached

    const dir = path.join(dataDir, 'esign');
    for (const file of ['master.key', 'ca.json', 'seal.json']) {
      expect((await fs.stat(path.join(dir, file))).mode & 0o777, file).toBe(0o600);
    }
    expect(await fs.readFile(path.join(dir, 'ca.crt.pem'), 'utf8')).toBe(keys.caCertPem);

    const ca = new X509Certificate(keys.caCertPem);
    expect(ca.ca).toBe(true);
    expect(ca.subject).toContain('CN=云聘24365 电子签名根证书');
    const seal = new X509Certificate(keys.seal.certPem);
    expect(seal.subject).toContain('CN=云聘24365 平台电子印章');
    expect(seal.checkIssued(ca) && seal.verify(ca.publicKey)).toBe(true);

    // Another process reads the same files instead of making new keys.
    const child = await loadInChild(dataDir);
    expect(child.ca).toBe(keys.caCertPem);
    expect(child.seal).toBe(keys.seal.certPem);
  });

  it('ends with one CA when two processes create it at the same time', async () => {
    const dataDir = await tempDir();
    // Both start loading at the same moment (after their start-up), so both find no files and make keys.
    const startAt = Date.now() + 5000;
    const [a, b] = await Promise.all([loadInChild(dataDir, startAt), loadInChild(dataDir, startAt)]);
    expect(a.ca).toBe(b.ca);
    expect(a.seal).toBe(b.seal);
    expect(a.signer).toBe(b.signer);
    const files = await fs.readdir(path.join(dataDir, 'esign'));
    expect(files.sort()).toEqual(['ca.crt.pem', 'ca.json', 'master.key', 'seal.json', 'signers']);
    expect(await fs.readdir(path.join(dataDir, 'esign', 'signers'))).toHaveLength(1);
    // And this process, arriving later, gets the same.
    const keys = await loadEsignKeys(dataDir);
    expect(keys.caCertPem).toBe(a.ca);
  });

  it('issues a signer certificate on first use, reuses it, and keeps the key encrypted at rest', async () => {
    const dataDir = await tempDir();
    const keys = await loadEsignKeys(dataDir);
    const employer = await keys.signerCredential({ id: 'user-9', name: '王芳', role: 'employer', organisation: '杭州云端科技有限公司' });
    expect(await keys.signerCredential({ id: 'user-9', name: '王芳', role: 'employer', organisation: '杭州云端科技有限公司' })).toBe(employer);

    const cert = new X509Certificate(employer.certPem);
    expect(cert.subject).toContain('CN=王芳');
    expect(cert.subject).toContain('O=杭州云端科技有限公司');
    expect(cert.checkIssued(new X509Certificate(keys.caCertPem))).toBe(true);
    expect(cert.ca).toBe(false);
    // The key matches the certificate.
    expect(cert.checkPrivateKey(employer.privateKey)).toBe(true);

    const [file] = await fs.readdir(path.join(dataDir, 'esign', 'signers'));
    const filePath = path.join(dataDir, 'esign', 'signers', file!);
    expect((await fs.stat(filePath)).mode & 0o777).toBe(0o600);
    const stored = await fs.readFile(filePath, 'utf8');
    const pkcs8 = employer.privateKey.export({ type: 'pkcs8', format: 'der' });
    expect(stored).not.toContain('PRIVATE KEY');
    expect(stored).not.toContain(employer.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString().split('\n')[1]);
    expect(stored).not.toContain(pkcs8.toString('base64').slice(0, 64));
    expect(stored).not.toContain(pkcs8.toString('hex').slice(0, 64));
    expect(JSON.parse(stored).key).toMatchObject({ alg: 'A256GCM' });

    // Another process decrypts the same key.
    const child = await loadInChild(dataDir);
    const graduate = await keys.signerCredential({ id: 'user-1', name: '张三', role: 'graduate' });
    expect(child.signer).toBe(graduate.certPem);
    expect(sha(graduate.certDer)).toBe(graduate.certSha256);
  });

  it('refuses keys under another master key', async () => {
    const dataDir = await tempDir();
    await loadEsignKeys(dataDir);
    const copy = await tempDir();
    await fs.cp(path.join(dataDir, 'esign'), path.join(copy, 'esign'), { recursive: true });
    await fs.writeFile(path.join(copy, 'esign', 'master.key'), `${Buffer.alloc(32, 7).toString('base64')}\n`);
    await expect(loadEsignKeys(copy)).rejects.toThrow(/master\.key/);
  });

  it('refuses a key file whose ciphertext was changed', async () => {
    const dataDir = await tempDir();
    const identity = { id: 'user-5', name: '赵六', role: 'graduate' as const };
    await (await loadEsignKeys(dataDir)).signerCredential(identity);
    const copy = await tempDir();
    await fs.cp(path.join(dataDir, 'esign'), path.join(copy, 'esign'), { recursive: true });
    const signersDir = path.join(copy, 'esign', 'signers');
    const [file] = await fs.readdir(signersDir);
    const stored = JSON.parse(await fs.readFile(path.join(signersDir, file!), 'utf8'));
    const data = Buffer.from(stored.key.data, 'base64');
    data[10] = data[10]! ^ 0x01;
    stored.key.data = data.toString('base64');
    await fs.writeFile(path.join(signersDir, file!), JSON.stringify(stored));
    const credential = await (await loadEsignKeys(copy)).signerCredential(identity);
    expect(() => credential.privateKey).toThrow();
  });

  it('validates the signer identity', async () => {
    const keys = await loadEsignKeys(await tempDir());
    await expect(keys.signerCredential({ id: '', name: 'x', role: 'graduate' })).rejects.toThrow();
    await expect(keys.signerCredential({ id: 'u', name: 'x', role: 'admin' as 'graduate' })).rejects.toThrow();
  });
});
