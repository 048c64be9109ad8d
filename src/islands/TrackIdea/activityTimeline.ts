/**
 * When a plan activity takes place, in the reader's language: a range when
 * the plan gives both dates, "From …" or "Until …" when it gives one, nothing
 * when it gives none. Plan dates are calendar days, formatted in UTC so no
 * time zone moves them by a day.
 *
 * @example
 * activityTimeline('en', { from: 'From {date}', until: 'Until {date}' }, '2026-03-01', '2026-06-30');
 * // 'March 1 – June 30, 2026'
 */
import { formatMessage } from '../../lib/formatMessage.ts';

export function activityTimeline(
  locale: 'sq' | 'en',
  words: { from: string; until: string },
  start: string | null,
  end: string | null,
): string | undefined {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const day = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (start && end) return format.formatRange(day(start), day(end));
  if (start) return formatMessage(words.from, { date: format.format(day(start)) });
  if (end) return formatMessage(words.until, { date: format.format(day(end)) });
  return undefined;
}
