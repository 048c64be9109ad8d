/**
 * Building blocks shared by the domain schemas: how free text is cleaned
 * and measured, and how an empty form field becomes "not given".
 */
import * as z from 'zod/mini';

/**
 * Length in characters as Postgres' `char_length` counts them (code
 * points), so that an emoji counts once here and in the SQL check.
 */
export function textLength(value: string): number {
  let length = 0;
  for (const _ of value) length++;
  return length;
}

/**
 * Invisible controls that change how text reads or hide what it is: bidi
 * embeddings, overrides, isolates and marks (a phone number written
 * backwards behind U+202E displays as a number), zero-width space and
 * non-joiner, the byte-order mark. U+200D (zero-width joiner) stays: emoji
 * sequences need it. The SQL twin is private.clean_text.
 */
const invisibleControls = /[\u061c\u200b\u200c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * Without invisible controls, NFC so that "ë" typed as e + combining
 * diaeresis is one character, then trimmed of all surrounding whitespace
 * (spaces, newlines, tabs, NBSP).
 */
export function cleanText(value: string): string {
  return value.replace(invisibleControls, '').normalize('NFC').trim();
}

/**
 * A string check: cleaned, then `min..max` characters long. Nothing written
 * (or only spaces) asks for the text rather than calling it too short.
 */
export function boundedText(min: number, max: number, messages: { required: string; tooShort: string; tooLong: string }) {
  return z.string({ error: messages.required }).check(
    z.overwrite(cleanText),
    z.refine((value) => textLength(value) > 0, messages.required),
    z.refine((value) => textLength(value) === 0 || textLength(value) >= min, messages.tooShort),
    z.refine((value) => textLength(value) <= max, messages.tooLong),
  );
}

/**
 * An optional text field: `undefined`, `null` and whitespace-only input
 * come out as `undefined`, anything else cleaned, at most `max` long and,
 * when a `pattern` is given, matching it.
 */
export function optionalText(
  max: number,
  messages: { invalid: string; tooLong: string },
  pattern?: RegExp,
) {
  return z.optional(
    z
      .pipe(
        z.union([z.string({ error: messages.invalid }), z.null({ error: messages.invalid })], {
          error: messages.invalid,
        }),
        z.transform((value) => (value === null || cleanText(value) === '' ? undefined : cleanText(value))),
      )
      .check(
        z.refine((value) => value === undefined || textLength(value) <= max, messages.tooLong),
        z.refine((value) => value === undefined || !pattern || pattern.test(value), messages.invalid),
      ),
  );
}
