/**
 * A class session a teacher opens so students can send ideas; also the
 * record of the awareness activity run (date, activity, campaign, how many
 * students were present, never who).
 */
import * as z from 'zod/mini';
import { boundedText, optionalText } from './text.ts';

export const SCHOOL_MIN = 2;
export const SCHOOL_MAX = 120;
export const SLUG_MAX = 100;
export const SESSION_WINDOW_MAX_HOURS = 8;
export const MAX_IDEAS_MIN = 1;
export const MAX_IDEAS_MAX = 200;
export const MAX_IDEAS_DEFAULT = 40;
export const STUDENTS_PRESENT_MAX = 100;
export const gradeBands = ['6-9', '10-12'] as const;

export type GradeBand = (typeof gradeBands)[number];

export const sessionMessages = {
  schoolRequired: 'validation.session.schoolRequired',
  schoolTooShort: 'validation.session.schoolTooShort',
  schoolTooLong: 'validation.session.schoolTooLong',
  gradeBandRequired: 'validation.session.gradeBandRequired',
  activityInvalid: 'validation.session.activityInvalid',
  campaignInvalid: 'validation.session.campaignInvalid',
  opensAtInvalid: 'validation.session.opensAtInvalid',
  closesAtInvalid: 'validation.session.closesAtInvalid',
  closesBeforeOpens: 'validation.session.closesBeforeOpens',
  windowTooLong: 'validation.session.windowTooLong',
  closesInPast: 'validation.session.closesInPast',
  maxIdeasRange: 'validation.session.maxIdeasRange',
  studentsPresentRange: 'validation.session.studentsPresentRange',
} as const;

const m = sessionMessages;
const HOUR_MS = 60 * 60 * 1000;
// Content collection ids: lowercase words joined by dashes.
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A `Date`, or a string `new Date()` understands (`<input type="datetime-local">` gives local time). */
function dateTime(message: string) {
  return z.pipe(
    z.union([z.date({ error: message }), z.string({ error: message })], { error: message }),
    z.pipe(
      z.transform((value: Date | string) => (value instanceof Date ? value : new Date(value))),
      z.date({ error: message }),
    ),
  );
}

/** An optional whole number; an emptied number field (NaN, '' or null) means "not given". */
function optionalCount(min: number, max: number, message: string) {
  return z.optional(
    z
      .pipe(
        z.union(
          [
            z.number({ error: message }),
            z.nan({ error: message }),
            z.literal('', { error: message }),
            z.null({ error: message }),
          ],
          { error: message },
        ),
        z.transform((value) => (typeof value === 'number' && !Number.isNaN(value) ? value : undefined)),
      )
      .check(
        z.refine(
          (value) => value === undefined || (Number.isInteger(value) && value >= min && value <= max),
          message,
        ),
      ),
  );
}

function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

interface TimeWindow {
  opensAt: Date;
  closesAt: Date;
}

// Window rules run even while another field is invalid, so the teacher
// sees every problem at once; they need both dates to be real dates.
const whenBothDates = {
  when: (payload: { value: unknown }) => {
    const value = payload.value as Partial<Record<keyof TimeWindow, unknown>>;
    return isValidDate(value.opensAt) && isValidDate(value.closesAt);
  },
};

/**
 * The session form schema with an injectable clock: "closes in the past"
 * depends on the time of the check.
 *
 * @example
 * createSessionSchema(() => new Date('2025-03-01T09:00:00Z')).parse(values);
 */
export function createSessionSchema(now: () => Date = () => new Date()) {
  return z
    .object({
      school: boundedText(SCHOOL_MIN, SCHOOL_MAX, {
        required: m.schoolRequired,
        tooShort: m.schoolTooShort,
        tooLong: m.schoolTooLong,
      }),
      gradeBand: z.enum(gradeBands, { error: m.gradeBandRequired }),
      activitySlug: optionalText(SLUG_MAX, { invalid: m.activityInvalid, tooLong: m.activityInvalid }, SLUG),
      campaignSlug: optionalText(SLUG_MAX, { invalid: m.campaignInvalid, tooLong: m.campaignInvalid }, SLUG),
      opensAt: dateTime(m.opensAtInvalid),
      closesAt: dateTime(m.closesAtInvalid),
      maxIdeas: z._default(
        z.int({ error: m.maxIdeasRange }).check(z.gte(MAX_IDEAS_MIN, m.maxIdeasRange), z.lte(MAX_IDEAS_MAX, m.maxIdeasRange)),
        MAX_IDEAS_DEFAULT,
      ),
      studentsPresent: optionalCount(0, STUDENTS_PRESENT_MAX, m.studentsPresentRange),
    })
    .check(
      z.refine((v: TimeWindow) => v.closesAt.getTime() > v.opensAt.getTime(), {
        error: m.closesBeforeOpens,
        path: ['closesAt'],
        ...whenBothDates,
      }),
      z.refine(
        (v: TimeWindow) => v.closesAt.getTime() - v.opensAt.getTime() <= SESSION_WINDOW_MAX_HOURS * HOUR_MS,
        { error: m.windowTooLong, path: ['closesAt'], ...whenBothDates },
      ),
      z.refine((v: TimeWindow) => v.closesAt.getTime() > now().getTime(), {
        error: m.closesInPast,
        path: ['closesAt'],
        ...whenBothDates,
      }),
    );
}

export const sessionSchema = createSessionSchema();

export type SessionInput = z.input<typeof sessionSchema>;
export type Session = z.output<typeof sessionSchema>;
