/**
 * A student's idea, as the form sends it and as the submission function
 * checks it. The SQL check constraints mirror these limits
 * (tests/db compare them with the constants below).
 */
import * as z from 'zod/mini';
import { locales } from '../../i18n/locales.ts';
import { isReceiptCode, normalizeReceiptCode } from '../receiptCode.ts';
import { isSessionCode, normalizeSessionCode } from '../sessionCode.ts';
import { boundedText, optionalText } from './text.ts';

export const IDEA_TEXT_MIN = 10;
export const IDEA_TEXT_MAX = 1000;
export const CAN_DO_MAX = 500;
export const ideaThemes = ['school', 'family', 'online', 'community', 'work_abroad', 'other'] as const;
export const ageBands = ['12-14', '15-17', '18+'] as const;
export const ideaLocales = locales;

export type IdeaTheme = (typeof ideaThemes)[number];
export type AgeBand = (typeof ageBands)[number];

/** Validation messages are i18n keys; the form renders them with `t`. */
export const ideaMessages = {
  sessionCodeInvalid: 'validation.idea.sessionCodeInvalid',
  textRequired: 'validation.idea.textRequired',
  textTooShort: 'validation.idea.textTooShort',
  textTooLong: 'validation.idea.textTooLong',
  themeRequired: 'validation.idea.themeRequired',
  canDoInvalid: 'validation.idea.canDoInvalid',
  canDoTooLong: 'validation.idea.canDoTooLong',
  ageBandInvalid: 'validation.idea.ageBandInvalid',
  localeInvalid: 'validation.idea.localeInvalid',
  consentRequired: 'validation.idea.consentRequired',
  idempotencyKeyInvalid: 'validation.idea.idempotencyKeyInvalid',
  receiptCodeInvalid: 'validation.idea.receiptCodeInvalid',
} as const;

const m = ideaMessages;

export const ideaSchema = z.object({
  sessionCode: z.string({ error: m.sessionCodeInvalid }).check(
    z.overwrite(normalizeSessionCode),
    z.refine(isSessionCode, m.sessionCodeInvalid),
  ),
  text: boundedText(IDEA_TEXT_MIN, IDEA_TEXT_MAX, {
    required: m.textRequired,
    tooShort: m.textTooShort,
    tooLong: m.textTooLong,
  }),
  theme: z.enum(ideaThemes, { error: m.themeRequired }),
  canDo: optionalText(CAN_DO_MAX, { invalid: m.canDoInvalid, tooLong: m.canDoTooLong }),
  // An unchecked radio group reads as null or '' in a form: both mean "not given".
  ageBand: z.optional(
    z.pipe(
      // The union and every branch carry the key: zod reports the union's
      // message, the resolver the closest branch's.
      z.union(
        [
          z.enum(ageBands, { error: m.ageBandInvalid }),
          z.literal('', { error: m.ageBandInvalid }),
          z.null({ error: m.ageBandInvalid }),
        ],
        { error: m.ageBandInvalid },
      ),
      z.transform((value) => value || undefined),
    ),
  ),
  locale: z.enum(locales, { error: m.localeInvalid }),
  // No default on purpose: the student must answer yes or no.
  publishConsent: z.boolean({ error: m.consentRequired }),
  idempotencyKey: z.uuid({ error: m.idempotencyKeyInvalid }),
  receiptCode: z.string({ error: m.receiptCodeInvalid }).check(
    z.overwrite(normalizeReceiptCode),
    z.refine(isReceiptCode, m.receiptCodeInvalid),
  ),
});

export type IdeaInput = z.input<typeof ideaSchema>;
export type Idea = z.output<typeof ideaSchema>;
