import { createHash } from 'node:crypto';

/** Keys a limiter remembers at most; the least recently used is forgotten first. */
export const DEFAULT_MAX_KEYS = 10_000;

/**
 * A fixed-window counter per key, in memory: enough for one local process,
 * like GoTrue's per-IP limits (`[auth.rate_limit]` in config.toml).
 *
 * Keys come from clients (an address, an e-mail of up to a megabyte), so the
 * map holds a 22-character SHA-256 digest of each key, never the key itself,
 * and at most `maxKeys` of them (an LRU over the Map's insertion order). A
 * flood of distinct keys can push an old counter out, which only resets that
 * key's window: memory stays bounded whatever the traffic.
 */
export class RateLimiter {
  private readonly hits = new Map<string, { count: number; resetAt: number }>();
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly maxKeys: number;

  constructor(limit: number, windowMs: number, maxKeys = DEFAULT_MAX_KEYS) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.maxKeys = maxKeys;
  }

  private static digest(key: string): string {
    return createHash('sha256').update(key).digest('base64url').slice(0, 22);
  }

  /** Counts one attempt; false once `key` has used up its window. */
  take(key: string, now = Date.now()): boolean {
    const id = RateLimiter.digest(key);
    let entry = this.hits.get(id);
    this.hits.delete(id);
    if (!entry || entry.resetAt <= now) entry = { count: 0, resetAt: now + this.windowMs };
    entry.count++;
    this.hits.set(id, entry);
    while (this.hits.size > this.maxKeys) {
      const oldest = this.hits.keys().next();
      if (oldest.done) break;
      this.hits.delete(oldest.value);
    }
    return entry.count <= this.limit;
  }

  /**
   * Milliseconds until `key` may try again, 0 when it has attempts left.
   * Counts nothing: for limits that count only failures (`take` on failure).
   */
  retryAfter(key: string, now = Date.now()): number {
    const entry = this.hits.get(RateLimiter.digest(key));
    if (!entry || entry.resetAt <= now || entry.count < this.limit) return 0;
    return entry.resetAt - now;
  }

  /** Forgets `key`'s count (a success that should clear earlier failures). */
  forget(key: string): void {
    this.hits.delete(RateLimiter.digest(key));
  }

  /** Keys currently remembered (for tests and metrics). */
  get size(): number {
    return this.hits.size;
  }
}
