/** A committee function's refusal in the moderator's words. */
import { formatMessage } from '../../lib/formatMessage.ts';
import { ApiError } from '../../lib/supabase/apiError.ts';
import type { ModerationMessages } from './messages.ts';

const statusKeys = {
  pending: 'committee.status.pending',
  approved: 'committee.status.approved',
  rejected: 'committee.status.rejected',
  escalated: 'committee.status.escalated',
  adopted: 'committee.status.adopted',
} as const;

export function statusLabel(status: string, m: Pick<ModerationMessages, (typeof statusKeys)[keyof typeof statusKeys]>): string {
  return status in statusKeys ? m[statusKeys[status as keyof typeof statusKeys]] : status;
}

export function errorMessage(error: unknown, m: ModerationMessages): string {
  if (!(error instanceof ApiError)) return m['committee.failed'];
  switch (error.code) {
    case 'already_moderated':
      return error.details
        ? formatMessage(m['committee.review.already'], { name: error.details, status: statusLabel(error.hint, m) })
        : formatMessage(m['committee.review.alreadyNoName'], { status: statusLabel(error.hint, m) });
    case 'not_allowed':
    case 'idea_unknown':
      return m['committee.review.notAllowed'];
    case 'public_text_personal_data':
      return m['committee.approve.stillPersonal'];
    case 'invalid_masks':
      return m['committee.approve.invalidMasks'];
    case 'invalid_public_text':
      return m['committee.approve.tooShort'];
    case 'idea_flagged':
      return m['committee.approve.flagged'];
    case 'feedback_required':
      return m['committee.feedback.required'];
    case 'feedback_not_plain':
    case 'answer_not_plain':
      return error.details.includes('long_sentence') ? m['committee.feedback.longSentence'] : formatMessage(m['committee.feedback.jargon'], { term: error.details.replace(/^.*jargon:/, '').split(',')[0] ?? '' });
    case 'flagged_officer_only':
      return m['committee.review.originalHidden'];
    case 'referral_reason_required':
    case 'invalid_referral_reason':
      return m['committee.escalate.reasonRequired'];
    case 'invalid_selection':
      return m['committee.adopt.choose'];
    default:
      return m['committee.failed'];
  }
}
