import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Reads a 32-byte secret from a file under DATA_DIR, creating a random one (mode 0600) on first
 * run. Two processes starting at once end with one secret: the file is created exclusively.
 */
export async function loadLocalSecret(dataDir: string, fileName: string): Promise<Buffer> {
  const file = path.join(dataDir, fileName);
  try {
    return Buffer.from((await fs.readFile(file, 'utf8')).trim(), 'base64url');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await fs.mkdir(path.dirname(file), { recursive: true });
  const secret = randomBytes(32);
  try {
    await fs.writeFile(file, secret.toString('base64url'), { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    // Another process wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return Buffer.from((await fs.readFile(file, 'utf8')).trim(), 'base64url');
    throw error;
  }
}
