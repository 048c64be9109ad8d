/**
 * What a safeguarding officer records as done when referring a child
 * (escalate_idea): the same list as private.referral_actions() in
 * supabase/migrations/20260601004000_ideas_and_detectors.sql, which the
 * referrals table's check uses (tests/db/17 keeps them equal). 'none' needs a
 * reason.
 */
export const referralActions = ['child_protection_unit', 'helpline_116111', 'police', 'school_psychologist', 'none'] as const;

export type ReferralAction = (typeof referralActions)[number];

/** True when the action must come with a reason (nothing was done). */
export function referralNeedsReason(action: ReferralAction): boolean {
  return action === 'none';
}

export const REFERRAL_REASON_MAX = 500;
