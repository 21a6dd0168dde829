import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createDecipheriv, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createFieldCrypto, FIELD_HASH_KEY_FILE, FIELD_KEY_FILE, fieldCryptoFrom } from './field-crypto.js';

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

describe('sealed flags', () => {
  const key = randomBytes(32);
  const crypto = fieldCryptoFrom(() => Promise.resolve([key, randomBytes(32)]));
  const parts = (sealed: string) => {
    const [version, iv, body] = sealed.split('.');
    return { version, iv: Buffer.from(iv!, 'base64url'), body: Buffer.from(body!, 'base64url') };
  };

  it('seals true and false alike: a fresh IV every time, one byte of standard AES-256-CTR', async () => {
    const values = [true, false, true, true, false];
    const sealed = await Promise.all(values.map((v) => crypto.sealFlag(v)));
    expect(new Set(sealed).size).toBe(sealed.length);
    for (const [i, s] of sealed.entries()) {
      expect(s).toMatch(/^v1c\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{2}$/);
      const { version, iv, body } = parts(s);
      expect([version, iv.length, body.length]).toEqual(['v1c', 16, 1]);
      // Anyone holding the key opens it with a stock CTR decipher.
      expect(createDecipheriv('aes-256-ctr', key, iv).update(body)[0]).toBe(values[i] ? 1 : 0);
      expect(await crypto.openFlag(s)).toBe(values[i]);
    }
    // Sealing the same status twice gives unrelated values.
    expect(await crypto.sealFlag(true)).not.toBe(await crypto.sealFlag(true));
  });

  it('opens a batch with the same answers as one by one, in order', async () => {
    const values = Array.from({ length: 1000 }, () => Math.random() < 0.2);
    const sealed = await Promise.all(values.map((v) => crypto.sealFlag(v)));
    const one = await Promise.all(sealed.map((s) => crypto.openFlag(s)));
    expect(one).toEqual(values);
    expect(await crypto.openFlags(sealed)).toEqual(one);
    expect(await crypto.openFlags([])).toEqual([]);
  });

  it('refuses what is not a sealed flag, and almost every value sealed under another key', async () => {
    const good = await crypto.sealFlag(true);
    for (const bad of ['', 'true', 't', '1', good.slice(1), `${good}A`, good.replace('v1c.', 'v1.x'), `${good.slice(0, 27)}A_`, `${good.slice(0, 5)}*${good.slice(6)}`]) {
      await expect(crypto.openFlag(bad), bad).rejects.toThrow('Not a sealed flag value');
      await expect(crypto.openFlags([good, bad]), bad).rejects.toThrow('Not a sealed flag value');
    }
    // CTR has no tag: under another key the byte is random, and only 0 or 1 opens (2 in 256).
    const other = fieldCryptoFrom(() => Promise.resolve([randomBytes(32), randomBytes(32)]));
    const sealed = await Promise.all(Array.from({ length: 400 }, (_, i) => crypto.sealFlag(i % 2 === 0)));
    const refused = (await Promise.allSettled(sealed.map((s) => other.openFlag(s)))).filter((r) => r.status === 'rejected');
    expect(refused.length).toBeGreaterThan(370);
    expect(String((refused[0] as PromiseRejectedResult).reason)).toContain('does not open under this key');
    await expect(other.openFlags(sealed)).rejects.toThrow('does not open under this key');
  });

  it('keeps the flag key in DATA_DIR: a restart opens what was sealed before', async () => {
    const dir = await tempDir();
    const sealed = await createFieldCrypto(dir).sealFlag(true);
    expect(await createFieldCrypto(dir).openFlag(sealed)).toBe(true);
    expect(await createFieldCrypto(dir).openFlags([sealed, await createFieldCrypto(dir).sealFlag(false)])).toEqual([true, false]);
  });
});
