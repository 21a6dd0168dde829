import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { FIELD_HASH_KEY_FILE, FIELD_KEY_FILE, fieldCryptoFrom } from '../../server/src/services/field-crypto.js';

/**
 * One pair of field keys for every DATA_DIR a test process starts a platform on, so that files the
 * fixtures write straight into the database (hardship sealed, national IDs) open in the platform as
 * its own. Random per process; the platform's key handling itself is tested on fresh folders.
 */
const KEYS: [Buffer, Buffer] = [randomBytes(32), randomBytes(32)];

export const testFieldCrypto = fieldCryptoFrom(() => Promise.resolve(KEYS));

/** Writes the keys where the platform looks for them (as it would on first run), before it starts. */
export async function installTestFieldKeys(dataDir: string): Promise<void> {
  for (const [file, key] of [[FIELD_KEY_FILE, KEYS[0]], [FIELD_HASH_KEY_FILE, KEYS[1]]] as const) {
    await fs.mkdir(path.dirname(path.join(dataDir, file)), { recursive: true });
    await fs.writeFile(path.join(dataDir, file), key.toString('base64url'), { mode: 0o600 });
  }
}
