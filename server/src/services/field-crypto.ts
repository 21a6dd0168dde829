import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { loadLocalSecret } from './local-secret.js';

/** Key files under DATA_DIR: one to encrypt fields, another for the keyed lookup hash. */
export const FIELD_KEY_FILE = 'registry/field-encryption.key';
export const FIELD_HASH_KEY_FILE = 'registry/field-hash.key';

const VERSION = 'v1';
const IV_BYTES = 12;

/**
 * Encryption of single sensitive fields (national ID) at rest: AES-256-GCM with a random IV per
 * value, and an HMAC-SHA256 under a separate key to find or deduplicate a value without decrypting.
 */
export interface FieldCrypto {
  encrypt(plain: string): Promise<string>;
  /** Throws when the value was changed or written under another key. */
  decrypt(sealed: string): Promise<string>;
  keyedHash(plain: string): Promise<string>;
}

export function encryptField(key: Buffer, plain: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

export function decryptField(key: Buffer, sealed: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('Not an encrypted field value');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

export function keyedHash(key: Buffer, plain: string): string {
  return createHmac('sha256', key).update(plain, 'utf8').digest('hex');
}

/** Loads (or creates on first run) both keys from DATA_DIR when first needed. */
export function createFieldCrypto(dataDir: string): FieldCrypto {
  let keys: Promise<[Buffer, Buffer]> | undefined;
  const load = () => (keys ??= Promise.all([loadLocalSecret(dataDir, FIELD_KEY_FILE), loadLocalSecret(dataDir, FIELD_HASH_KEY_FILE)]));
  return {
    encrypt: async (plain) => encryptField((await load())[0], plain),
    decrypt: async (sealed) => decryptField((await load())[0], sealed),
    keyedHash: async (plain) => keyedHash((await load())[1], plain),
  };
}
