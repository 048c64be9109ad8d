import { describe, expect, it } from 'vitest';
import { apiErrorCode, isRetryable } from '../../../src/lib/supabase/apiError.ts';

describe('apiErrorCode', () => {
  it.each([
    [{ status: 400, error: { code: 'P0001', message: 'session_closed' } }, 'session_closed'],
    [{ status: 400, error: { code: 'P0001', message: 'session_full' } }, 'session_full'],
    [{ status: 400, error: { code: 'P0001', message: 'receipt_code_taken' } }, 'receipt_code_taken'],
    [{ status: 429, error: { code: 'PT429', message: 'rate_limited' } }, 'rate_limited'],
    [{ status: 429, error: null }, 'rate_limited'],
    [{ status: 0, error: { message: 'TypeError: Failed to fetch' } }, 'offline'],
    [{ status: 503, error: { message: 'schema cache' } }, 'server'],
    [{ status: 400, error: { code: '22P02', message: 'invalid input syntax for type uuid' } }, 'unknown'],
  ] as const)('maps %j to %s', (failure, code) => {
    expect(apiErrorCode(failure)).toBe(code);
  });

  it('retries only what waiting can fix', () => {
    expect(isRetryable('offline')).toBe(true);
    expect(isRetryable('server')).toBe(true);
    expect(isRetryable('session_closed')).toBe(false);
    expect(isRetryable('unknown')).toBe(false);
  });
});
