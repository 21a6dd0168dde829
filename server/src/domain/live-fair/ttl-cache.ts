/**
 * Remembers loaded values for a short time, sharing one in-flight load per key. For hot read
 * paths whose data changes rarely (a booth's settings, a rota); never for permission changes
 * that must take effect at once.
 */
export class TtlCache<V> {
  readonly #ttlMs: number;
  readonly #entries = new Map<string, { value: Promise<V>; expiresAt: number }>();

  constructor(ttlMs: number) {
    this.#ttlMs = ttlMs;
  }

  get(key: string, load: () => Promise<V>, now = Date.now()): Promise<V> {
    const hit = this.#entries.get(key);
    if (hit && hit.expiresAt > now) return hit.value;
    const value = load();
    this.#entries.set(key, { value, expiresAt: now + this.#ttlMs });
    // A failed load is not remembered.
    value.catch(() => this.#entries.delete(key));
    if (this.#entries.size > 10_000) this.#evictExpired(now);
    return value;
  }

  #evictExpired(now: number): void {
    for (const [key, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(key);
  }
}
