/**
 * Every i18n key the domain schemas use as a validation message, so the
 * dictionaries can be checked against it (a key here with no text in
 * `sq.ts` is a bug).
 */
import { ideaMessages } from './idea.ts';
import { planActivityMessages } from './planActivity.ts';
import { sessionMessages } from './session.ts';

type Values<T> = T[keyof T];

export type ValidationMessageKey =
  | Values<typeof ideaMessages>
  | Values<typeof sessionMessages>
  | Values<typeof planActivityMessages>;

export const validationMessageKeys: readonly ValidationMessageKey[] = [
  ...new Set<ValidationMessageKey>([
    ...Object.values(ideaMessages),
    ...Object.values(sessionMessages),
    ...Object.values(planActivityMessages),
  ]),
];
