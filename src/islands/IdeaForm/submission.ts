/**
 * The decisions of a submission, apart from React: what is sent, and what
 * the student is told when it fails. Unit-tested in tests/unit/ideas/.
 */
import type { Idea } from '../../lib/schemas/idea.ts';
import type { ApiErrorCode } from '../../lib/supabase/apiError.ts';
import type { SubmitIdeaArgs } from '../../lib/supabase/studentApi.ts';

/** A person needs more than this to read the form, write ten characters and choose; a script does not. */
export const MIN_FILL_MS = 3_000;

/**
 * The `submit_idea` arguments for a validated idea; `pressedAt` (the moment
 * the student pressed send) and the device's seat token travel with it, so
 * an idea that reaches the server after its session closed can show it was
 * sent in time, from a device that joined while the session was open. The
 * offline queue stores these arguments, so the token lives exactly as long
 * as the queued idea.
 */
export function toSubmitArgs(idea: Idea, pressedAt?: Date, seatToken?: string | null): SubmitIdeaArgs {
  return {
    ...(pressedAt ? { p_queued_at: pressedAt.toISOString() } : {}),
    ...(seatToken ? { p_seat_token: seatToken } : {}),
    p_code: idea.sessionCode,
    p_text: idea.text,
    p_theme: idea.theme,
    p_can_do: idea.canDo ?? null,
    p_age_band: idea.ageBand ?? null,
    p_locale: idea.locale,
    p_publish_consent: idea.publishConsent,
    p_idempotency_key: idea.idempotencyKey,
    p_receipt_code: idea.receiptCode,
  };
}

/**
 * What to do after a failed send:
 * - `queue`: keep it on the device and deliver it later (no connection, server down);
 * - `newCode`: the device-made receipt code is taken; make another and send again;
 * - `field`: a rule of the idea itself, shown next to the field;
 * - `form`: a message above the send button; the idea stays on screen.
 */
export type FailureAction =
  | { kind: 'queue' }
  | { kind: 'newCode' }
  | { kind: 'field'; field: 'text' | 'theme' | 'canDo' | 'ageBand' | 'publishConsent'; message: string }
  | { kind: 'form'; message: string };

export function failureAction(code: ApiErrorCode): FailureAction {
  switch (code) {
    case 'offline':
    case 'server':
      return { kind: 'queue' };
    case 'receipt_code_taken':
      return { kind: 'newCode' };
    case 'invalid_text':
      return { kind: 'field', field: 'text', message: 'validation.idea.textTooShort' };
    case 'invalid_theme':
      return { kind: 'field', field: 'theme', message: 'validation.idea.themeRequired' };
    case 'invalid_can_do':
      return { kind: 'field', field: 'canDo', message: 'validation.idea.canDoTooLong' };
    case 'invalid_age_band':
      return { kind: 'field', field: 'ageBand', message: 'validation.idea.ageBandInvalid' };
    case 'invalid_consent':
      return { kind: 'field', field: 'publishConsent', message: 'validation.idea.consentRequired' };
    case 'rate_limited':
      return { kind: 'form', message: 'ideaForm.error.rateLimited' };
    case 'session_closed':
      return { kind: 'form', message: 'ideaForm.error.sessionClosed' };
    case 'session_not_open':
      return { kind: 'form', message: 'ideaForm.join.notOpenYet' };
    case 'session_full':
      return { kind: 'form', message: 'ideaForm.join.full' };
    case 'session_unknown':
      return { kind: 'form', message: 'ideaForm.join.unknown' };
    default:
      return { kind: 'form', message: 'ideaForm.error.failed' };
  }
}

/**
 * What the join step says when joining failed: no connection, too many codes
 * tried from this school's address (the database's limits answer 429), or
 * anything else.
 */
export function joinFailureMessage(code: ApiErrorCode): 'ideaForm.join.offline' | 'ideaForm.join.rateLimited' | 'ideaForm.join.failed' {
  if (code === 'offline') return 'ideaForm.join.offline';
  if (code === 'rate_limited') return 'ideaForm.join.rateLimited';
  return 'ideaForm.join.failed';
}

/**
 * Whether an idea waiting in the offline queue should be tried again later.
 * Anything else is a refusal the idea cannot get past by waiting (the
 * session closed too long before the device came back, an invalid field):
 * retrying it forever would block the ideas queued after it, so it is kept
 * aside and shown on the device instead (see RefusedIdeas.tsx).
 */
export function keepQueued(code: ApiErrorCode): boolean {
  return code === 'offline' || code === 'server' || code === 'rate_limited';
}
