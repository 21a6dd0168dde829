import fs from 'node:fs/promises';
import path from 'node:path';
import { ZNotificationSchema, type TNotification } from '../schemas/auth.js';

export interface OutgoingMessage extends TNotification {
  /** The account the message concerns, so its owner can read it back. */
  userId: string;
}

/** Sends messages to people; production plugs in an SMS gateway or mail relay behind this. */
export interface Notifier {
  send(message: OutgoingMessage): Promise<void>;
}

const SAFE_SEGMENT = /^[A-Za-z0-9_-]+$/;

function assertSafe(segment: string): string {
  if (!SAFE_SEGMENT.test(segment)) throw new Error(`Unsafe outbox path segment: ${segment}`);
  return segment;
}

/**
 * The local Notifier: one JSON file per message under `dir/<userId>/<id>.json`.
 * Writing the same message id twice leaves one file, so a retried job never sends twice.
 */
export class OutboxNotifier implements Notifier {
  readonly #dir: string;

  constructor(dir: string) {
    this.#dir = dir;
  }

  async send(message: OutgoingMessage): Promise<void> {
    const folder = path.join(this.#dir, assertSafe(message.userId));
    await fs.mkdir(folder, { recursive: true });
    const file = path.join(folder, `${assertSafe(message.id)}.json`);
    const temp = `${file}.${process.pid}.tmp`;
    await fs.writeFile(temp, JSON.stringify(message, null, 2));
    await fs.rename(temp, file);
  }

  /** Messages sent for one user, newest first. */
  async listFor(userId: string): Promise<TNotification[]> {
    const folder = path.join(this.#dir, assertSafe(userId));
    let names: string[];
    try {
      names = await fs.readdir(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const messages = await Promise.all(
      names
        .filter((n) => n.endsWith('.json'))
        .map(async (n) => ZNotificationSchema.parse(JSON.parse(await fs.readFile(path.join(folder, n), 'utf8')))),
    );
    return messages.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }
}
