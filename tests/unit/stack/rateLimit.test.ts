import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../supabase/local/auth/rateLimit.ts';

describe('the sign-in rate limiter', () => {
  it('refuses a key once its window is used up, and again after the window', () => {
    const limiter = new RateLimiter(2, 1000);
    expect([limiter.take('a', 0), limiter.take('a', 1), limiter.take('a', 2)]).toEqual([true, true, false]);
    expect(limiter.take('b', 3)).toBe(true);
    expect(limiter.take('a', 1000)).toBe(true);
  });

  it('remembers at most maxKeys keys, forgetting the least recently used', () => {
    const limiter = new RateLimiter(1, 60_000, 100);
    limiter.take('kept', 0);
    for (let i = 0; i < 10_000; i++) {
      limiter.take(`flood-${i}`, 1);
      if (i % 50 === 0) limiter.take('kept', 1); // recently used, so never evicted
    }
    expect(limiter.size).toBe(100);
    expect(limiter.take('kept', 2)).toBe(false);
  });

  it('does not keep the client-supplied key itself', () => {
    const limiter = new RateLimiter(1, 60_000, 10);
    const huge = `${'x'.repeat(1024 * 1024)}@example.com`;
    limiter.take(huge, 0);
    const keys = [...(limiter as unknown as { hits: Map<string, unknown> }).hits.keys()];
    expect(keys).toHaveLength(1);
    expect(keys[0]?.length).toBeLessThanOrEqual(22);
    expect(limiter.take(huge, 1)).toBe(false);
  });
});

describe('the failure counter of the sign-in limiter', () => {
  it('peeks without counting, says how long to wait, and forgets a key on success', () => {
    const limiter = new RateLimiter(2, 1000);
    expect(limiter.retryAfter('pair', 0)).toBe(0);
    limiter.take('pair', 0);
    expect(limiter.retryAfter('pair', 1)).toBe(0);
    limiter.take('pair', 1);
    expect(limiter.retryAfter('pair', 250)).toBe(750);
    expect(limiter.retryAfter('pair', 1000)).toBe(0);
    limiter.forget('pair');
    expect(limiter.retryAfter('pair', 250)).toBe(0);
  });
});
