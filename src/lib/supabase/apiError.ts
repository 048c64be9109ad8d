/**
 * The one error every module of the API layer throws. SQL functions raise
 * `P0001` with a stable machine code as the message (and sometimes a
 * `detail` and `hint`, e.g. who moderated an idea first), and `PT429
 * rate_limited` for the burst limit (PostgREST sends it as HTTP 429). Islands
 * switch on `code` and show their own message for the codes they meet.
 */

/**
 * Every code a function in supabase/migrations/ raises with `P0001` (a unit
 * test keeps this list equal to the migrations), plus `rate_limited`.
 */
export const knownApiErrors = [
  // Students' functions
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
  'invalid_seat_token',
  'invalid_question',
  'too_many_questions',
  // Everyone
  'not_allowed',
  'rate_limited',
  // Moderation
  'idea_unknown',
  'idea_immutable',
  'idea_flagged',
  'idea_not_flagged',
  'idea_not_approved',
  'already_moderated',
  'already_linked',
  'already_answered',
  'question_unknown',
  'public_text_personal_data',
  'feedback_required',
  'feedback_not_plain',
  'answer_not_plain',
  'invalid_public_text',
  'invalid_masks',
  'invalid_feedback',
  'invalid_answer',
  'invalid_reason',
  'invalid_referral_action',
  'invalid_referral_reason',
  'referral_reason_required',
  'invalid_break_glass_reason',
  'flagged_officer_only',
  'invalid_note',
  'invalid_selection',
  'invalid_status',
  'invalid_flag',
  'invalid_order',
  'invalid_clear_reason',
  'invalid_officer',
  'flag_clear_needs_officer',
  'moderation_log_append_only',
  // Sessions, people and roles
  'invalid_region',
  'invalid_window',
  'invalid_minutes',
  'invalid_max_ideas',
  'teacher_unknown',
  'user_unknown',
  'not_a_committee_member',
  // Plan editor
  'plan_unknown',
  'objective_unknown',
  'activity_unknown',
  'activity_other_region',
  'code_taken',
  'invalid_code',
  'invalid_title',
  'invalid_description',
  'invalid_pillar',
  'invalid_institution',
  'invalid_partners',
  'invalid_indicator',
  'invalid_timeline',
  'invalid_progress',
] as const;

/** A known code, or: `offline` (no answer at all), `server` (5xx), `unknown`. */
export type ApiErrorCode = (typeof knownApiErrors)[number] | 'offline' | 'server' | 'unknown';

export interface PostgrestFailure {
  error: { message?: string; code?: string; details?: string | null; hint?: string | null } | null;
  status: number;
}

const known = new Set<string>(knownApiErrors);

/**
 * The situation behind a failed call. A refusal by row-level security
 * (`42501`) means the same to the user as a function's `not_allowed`.
 *
 * @example
 * apiErrorCode({ status: 400, error: { code: 'P0001', message: 'session_closed' } }); // 'session_closed'
 * apiErrorCode({ status: 0, error: { message: 'TypeError: Failed to fetch' } });      // 'offline'
 */
export function apiErrorCode({ error, status }: PostgrestFailure): ApiErrorCode {
  if (status === 429 || error?.code === 'PT429') return 'rate_limited';
  if (error?.code === '42501') return 'not_allowed';
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

/** Thrown by the API modules so callers can switch on `code`. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;
  /** The function's `detail` (e.g. the name of who moderated first, or which rule the text broke); '' when none. */
  readonly details: string;
  /** The function's `hint` (e.g. the status the idea already has); '' when none. */
  readonly hint: string;
  constructor(code: ApiErrorCode, status: number, detail?: string, extra: { details?: string | null; hint?: string | null } = {}) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = extra.details ?? '';
    this.hint = extra.hint ?? '';
  }
}

/**
 * The {@link ApiError} for a failed PostgREST answer.
 *
 * @example
 * const { error, status } = await client.from('public_open_calls').select('join_code');
 * if (error) throw toApiError({ error, status });
 */
export function toApiError(failure: PostgrestFailure): ApiError {
  const { error, status } = failure;
  return new ApiError(apiErrorCode(failure), status, error?.message, { details: error?.details ?? null, hint: error?.hint ?? null });
}
