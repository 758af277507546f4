/**
 * A bounded map whose entries expire: what a verified or signed token is cached in. Least
 * recently used entries are dropped past `maxEntries`, so a flood of distinct tokens costs at most
 * that many entries; an entry is never returned after its expiry time.
 */
export class ExpiringCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number = () => Date.now(),
  ) {
    if (!(maxEntries >= 1)) throw new Error(`maxEntries must be at least 1, got ${maxEntries}`);
  }

  /** The value stored under `key`, unless it has expired (then it is dropped). */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= this.now()) return undefined;
    this.entries.set(key, entry); // most recently used last
    return entry.value;
  }

  /** Stores `value` under `key` until `expiresAt` (ms since the epoch); nothing is stored when that has passed. */
  set(key: string, value: V, expiresAt: number): void {
    this.entries.delete(key);
    if (expiresAt <= this.now()) return;
    this.entries.set(key, { value, expiresAt });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}
