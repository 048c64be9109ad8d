import type { Locale } from '../i18n/locales.ts';

/**
 * A calendar date in the page's language, e.g. "20 nëntor 2026" / "20 November 2026".
 * Content dates are calendar days, so they are shown in UTC to avoid shifting a day.
 */
export function formatDate(locale: Locale, date: Date): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
