import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { loadLocalSecret } from './local-secret.js';

/** Key files under DATA_DIR: one to encrypt fields, another for the keyed lookup hash. */
export const FIELD_KEY_FILE = 'registry/field-encryption.key';
export const FIELD_HASH_KEY_FILE = 'registry/field-hash.key';

const VERSION = 'v1';
const IV_BYTES = 12;

/**
 * Encryption of single sensitive fields at rest, under the field key:
 * - text (national ID): AES-256-GCM with a random IV per value;
 * - flags (hardship): AES-256-CTR with a random 16-byte IV per value, one byte of ciphertext
 *   (see sealFlag), so that thousands of flags open with one block-cipher call;
 * and an HMAC-SHA256 under a separate key to find or deduplicate a value without decrypting.
 */
export interface FieldCrypto {
  encrypt(plain: string): Promise<string>;
  /** Throws when the value was changed or written under another key. */
  decrypt(sealed: string): Promise<string>;
  keyedHash(plain: string): Promise<string>;
  /** A yes/no field sealed with a fresh IV: equal values do not look equal, and false is sealed too. */
  sealFlag(value: boolean): Promise<string>;
  /** Throws on a value that is not a sealed flag, and (254 times in 256) on one sealed under another key. */
  openFlag(sealed: string): Promise<boolean>;
  /** Many flags at once, in order, with one AES call; throws as openFlag does if any one fails. */
  openFlags(sealed: readonly string[]): Promise<boolean[]>;
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

// ---- flags ----
//
// A flag is "v1c.<IV, 16 bytes>.<one byte>" in base64url (29 characters): the byte is the status
// (1 true, 0 false) XOR the first byte of the AES-256-CTR keystream, and that keystream block is
// E_K(IV) itself. So one AES-256-ECB pass over many IVs, laid end to end, opens them all: what
// the dashboard does with every file of the district. CTR carries no tag: a value sealed under
// another key opens to a byte other than 0 or 1 (and is refused) 254 times in 256, and a changed
// value is not detected. The byte XOR is not an integrity check; the national ID (GCM) has one.

const FLAG_VERSION = 'v1c';
const FLAG_IV_BYTES = 16;
const FLAG_LENGTH = 29;
const NOT_A_FLAG = 'Not a sealed flag value';

const BASE64URL = new Int8Array(128).fill(-1);
[...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'].forEach((c, i) => (BASE64URL[c.charCodeAt(0)] = i));

/**
 * Decodes `chars` base64url characters of `s` from `at` into `out` from `offset`; `bytes` must come
 * out, with no stray bits. Hand-written because it is the dashboard's hot loop: a canonical-form
 * regex plus Buffer#write(…, 'base64url') took three times as long over 30,000 flags (26 against 8 ms).
 */
function decodeBase64url(s: string, at: number, chars: number, out: Uint8Array, offset: number, bytes: number): void {
  let acc = 0;
  let bits = 0;
  let n = 0;
  for (let i = at; i < at + chars; i += 1) {
    const v = BASE64URL[s.charCodeAt(i)] ?? -1;
    if (v < 0) throw new Error(NOT_A_FLAG);
    acc = ((acc << 6) | v) & 0xfff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[offset + n] = (acc >> bits) & 0xff;
      n += 1;
    }
  }
  if (n !== bytes || (acc & ((1 << bits) - 1)) !== 0) throw new Error(NOT_A_FLAG);
}

/** Reads flag `i` of `sealed` into `ivs` (at i·16) and `bodies` (at i). */
function readFlag(sealed: string, i: number, ivs: Uint8Array, bodies: Uint8Array): void {
  if (sealed.length !== FLAG_LENGTH || !sealed.startsWith(`${FLAG_VERSION}.`) || sealed[26] !== '.') throw new Error(NOT_A_FLAG);
  decodeBase64url(sealed, 4, 22, ivs, i * FLAG_IV_BYTES, FLAG_IV_BYTES);
  decodeBase64url(sealed, 27, 2, bodies, i, 1);
}

function flagOf(byte: number): boolean {
  if (byte > 1) throw new Error('The flag does not open under this key');
  return byte === 1;
}

/** Standard AES-256-CTR over the one status byte, with a fresh IV. */
export function sealFlag(key: Buffer, value: boolean): string {
  const iv = randomBytes(FLAG_IV_BYTES);
  const body = createCipheriv('aes-256-ctr', key, iv).update(Buffer.of(value ? 1 : 0));
  return [FLAG_VERSION, iv.toString('base64url'), body.toString('base64url')].join('.');
}

export function openFlag(key: Buffer, sealed: string): boolean {
  const iv = Buffer.alloc(FLAG_IV_BYTES);
  const body = Buffer.alloc(1);
  readFlag(sealed, 0, iv, body);
  return flagOf(createDecipheriv('aes-256-ctr', key, iv).update(body)[0]!);
}

/** The CTR keystream's first block for every IV at once: E_K(IV₁ ‖ IV₂ ‖ …) in ECB mode, one call. */
export function openFlags(key: Buffer, sealed: readonly string[]): boolean[] {
  if (sealed.length === 0) return [];
  const ivs = Buffer.allocUnsafe(sealed.length * FLAG_IV_BYTES);
  const bodies = Buffer.allocUnsafe(sealed.length);
  sealed.forEach((s, i) => readFlag(s, i, ivs, bodies));
  const keystream = createCipheriv('aes-256-ecb', key, null).setAutoPadding(false).update(ivs);
  return Array.from(bodies, (body, i) => flagOf(body ^ keystream[i * FLAG_IV_BYTES]!));
}

/** Field crypto over the keys `keys` gives (called on every use: let it cache them). */
export function fieldCryptoFrom(keys: () => Promise<[fieldKey: Buffer, hashKey: Buffer]>): FieldCrypto {
  const fieldKey = async () => (await keys())[0];
  return {
    encrypt: async (plain) => encryptField(await fieldKey(), plain),
    decrypt: async (sealed) => decryptField(await fieldKey(), sealed),
    keyedHash: async (plain) => keyedHash((await keys())[1], plain),
    sealFlag: async (value) => sealFlag(await fieldKey(), value),
    openFlag: async (sealed) => openFlag(await fieldKey(), sealed),
    openFlags: async (sealed) => openFlags(await fieldKey(), sealed),
  };
}

/** Loads (or creates on first run) both keys from DATA_DIR when first needed. */
export function createFieldCrypto(dataDir: string): FieldCrypto {
  let keys: Promise<[Buffer, Buffer]> | undefined;
  return fieldCryptoFrom(() => (keys ??= Promise.all([loadLocalSecret(dataDir, FIELD_KEY_FILE), loadLocalSecret(dataDir, FIELD_HASH_KEY_FILE)])));
}
