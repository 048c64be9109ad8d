import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ApiError, apiErrorCode, isRetryable, knownApiErrors, toApiError } from '../../../src/lib/supabase/apiError.ts';

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

describe('the one list of error codes', () => {
  const folder = new URL('../../../supabase/migrations/', import.meta.url);
  const sql = readdirSync(folder)
    .filter((file) => file.endsWith('.sql'))
    .map((file) => readFileSync(new URL(file, folder), 'utf8'))
    .join('\n');
  const raised = new Set([
    ...[...sql.matchAll(/private\.(?:deny|raise_code)\('([a-z_]+)'/g)].map((match) => match[1] as string),
    ...[...sql.matchAll(/errcode = 'P0001', message = '([a-z_]+)'/g)].map((match) => match[1] as string),
    // private.deny() without an argument
    'not_allowed',
  ]);

  it('holds every code a SQL function raises, and PT429 rate_limited', () => {
    expect(raised.size).toBeGreaterThan(40);
    expect([...knownApiErrors].sort()).toEqual([...raised, 'rate_limited'].sort());
  });

  it('keeps a function’s detail and hint', () => {
    const error = toApiError({ status: 400, error: { code: 'P0001', message: 'already_moderated', details: 'Arta', hint: 'approved' } });
    expect(error).toBeInstanceOf(ApiError);
    expect([error.code, error.details, error.hint]).toEqual(['already_moderated', 'Arta', 'approved']);
  });

  it('reads a row-level security refusal as not_allowed', () => {
    expect(apiErrorCode({ status: 403, error: { code: '42501', message: 'new row violates row-level security policy' } })).toBe('not_allowed');
  });
});
