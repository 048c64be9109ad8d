/**
 * Turns what PostgREST answers into the few situations the students' pages
 * explain in their own words. SQL functions raise `P0001` with a stable
 * machine code as the message, and `PT429 rate_limited` for the burst limit
 * (PostgREST sends it as HTTP 429).
 */

export const knownApiErrors = [
  'session_unknown',
  'session_closed',
  'session_not_open',
  'session_full',
  'invalid_text',
  'invalid_theme',
  'invalid_can_do',
  'invalid_age_band',
  'invalid_locale',
  'invalid_consent',
  'invalid_idempotency_key',
  'invalid_receipt_code',
  'receipt_code_taken',
  'invalid_queued_at',
  'invalid_question',
  'too_many_questions',
  'not_allowed',
  'rate_limited',
] as const;

/** A known code, or: `offline` (no answer at all), `server` (5xx), `unknown`. */
export type ApiErrorCode = (typeof knownApiErrors)[number] | 'offline' | 'server' | 'unknown';

export interface PostgrestFailure {
  error: { message?: string; code?: string } | null;
  status: number;
}

const known = new Set<string>(knownApiErrors);

/**
 * The situation behind a failed call.
 *
 * @example
 * apiErrorCode({ status: 400, error: { code: 'P0001', message: 'session_closed' } }); // 'session_closed'
 * apiErrorCode({ status: 0, error: { message: 'TypeError: Failed to fetch' } });      // 'offline'
 */
export function apiErrorCode({ error, status }: PostgrestFailure): ApiErrorCode {
  if (status === 429 || error?.code === 'PT429') return 'rate_limited';
  const message = error?.message?.trim() ?? '';
  if (known.has(message)) return message as ApiErrorCode;
  if (status === 0) return 'offline';
  if (status >= 500 || status === 408) return 'server';
  return 'unknown';
}

/**
 * Whether a failed submission may succeed later unchanged, so it belongs in
 * the offline queue (a rejection for a reason in the idea itself does not).
 */
export function isRetryable(code: ApiErrorCode): boolean {
  return code === 'offline' || code === 'server';
}

/** Thrown by the API helpers so callers can switch on `code`. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;
  constructor(code: ApiErrorCode, status: number, detail?: string) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
  }
}
