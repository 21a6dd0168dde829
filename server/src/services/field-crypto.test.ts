import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFieldCrypto, FIELD_HASH_KEY_FILE, FIELD_KEY_FILE } from './field-crypto.js';

const ID = '11010519491231002X';
const dirs: string[] = [];
const tempDir = async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'yp-field-'));
  dirs.push(dir);
  return dir;
};

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => fs.rm(d, { recursive: true, force: true })));
});

describe('field crypto', () => {
  it('round-trips a value, with a fresh IV each time and no plain text in the result', async () => {
    const crypto = createFieldCrypto(await tempDir());
    const a = await crypto.encrypt(ID);
    const b = await crypto.encrypt(ID);
    expect(a).not.toBe(b);
    expect(a).not.toContain(ID);
    expect(a.startsWith('v1.')).toBe(true);
    expect(await crypto.decrypt(a)).toBe(ID);
    expect(await crypto.decrypt(b)).toBe(ID);
  });

  it('refuses a changed ciphertext and a value sealed under another key', async () => {
    const crypto = createFieldCrypto(await tempDir());
    const sealed = await crypto.encrypt(ID);
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    await expect(crypto.decrypt([parts[0], parts[1], parts[2], body.toString('base64url')].join('.'))).rejects.toThrow();
    const other = createFieldCrypto(await tempDir());
    await expect(other.decrypt(sealed)).rejects.toThrow();
    await expect(crypto.decrypt('plain text')).rejects.toThrow('Not an encrypted field value');
  });

  it('gives a stable keyed hash that depends on the key, and keeps both keys in DATA_DIR with mode 0600', async () => {
    const dir = await tempDir();
    const crypto = createFieldCrypto(dir);
    const hash = await crypto.keyedHash(ID);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await createFieldCrypto(dir).keyedHash(ID)).toBe(hash);
    expect(await createFieldCrypto(await tempDir()).keyedHash(ID)).not.toBe(hash);
    const encKey = await fs.readFile(path.join(dir, FIELD_KEY_FILE), 'utf8');
    const hashKey = await fs.readFile(path.join(dir, FIELD_HASH_KEY_FILE), 'utf8');
    expect(encKey).not.toBe(hashKey);
    expect((await fs.stat(path.join(dir, FIELD_KEY_FILE))).mode & 0o777).toBe(0o600);
    // The same files decrypt values written before a restart.
    expect(await createFieldCrypto(dir).decrypt(await crypto.encrypt(ID))).toBe(ID);
  });
});
