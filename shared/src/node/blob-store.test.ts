import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FsBlobStore, sha256Hex } from './blob-store.js';

const root = await fs.mkdtemp(path.join(os.tmpdir(), 'yp-blobs-'));
afterAll(() => fs.rm(root, { recursive: true, force: true }));

describe('FsBlobStore', () => {
  it('stores by content hash, once per content, and reads back the same bytes', async () => {
    const store = new FsBlobStore(root);
    const bytes = new TextEncoder().encode('简历 resume');
    const first = await store.put(bytes);
    const second = await store.put(bytes);
    expect(first).toEqual({ sha256: sha256Hex(bytes), size: bytes.byteLength, created: true });
    expect(second.created).toBe(false);
    expect(new Uint8Array(await store.get(first.sha256))).toEqual(bytes);
    const files = await fs.readdir(path.join(root, first.sha256.slice(0, 2), first.sha256.slice(2, 4)));
    expect(files).toEqual([first.sha256]);
    await store.delete(first.sha256);
    expect(await store.has(first.sha256)).toBe(false);
  });

  it('reads small and large files alike, and reports a missing one as ENOENT', async () => {
    const store = new FsBlobStore(root);
    const small = new Uint8Array(10 * 1024).fill(7);
    const large = new Uint8Array(600 * 1024).map((_, i) => i % 251);
    for (const bytes of [small, large]) {
      const { sha256 } = await store.put(bytes);
      expect(new Uint8Array(await store.get(sha256))).toEqual(bytes);
    }
    await expect(store.get(sha256Hex(new TextEncoder().encode('never stored')))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses a key that is not a hash, so no path can escape the root', async () => {
    const store = new FsBlobStore(root);
    await expect(store.get('../../etc/passwd')).rejects.toThrow(/SHA-256/);
  });
});
