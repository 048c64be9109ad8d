/**
 * Why a moderator may hide part of a child's words before publishing
 * (approve_idea's masks): the same list as private.mask_reasons() in
 * supabase/migrations/20260601006000_moderation.sql (tests/db/22 keeps them
 * equal). The published text is the original with each masked span replaced
 * by a marker in the idea's language, and nothing else.
 */
export const maskReasons = ['personal_data', 'real_person', 'identifying_place'] as const;

export type MaskReason = (typeof maskReasons)[number];

/** What replaces a masked span, in the language the child wrote in. */
export const maskMarkers = { sq: '[hequr]', en: '[removed]' } as const;

/** The most masks one approval may carry. */
export const MASKS_MAX = 50;
