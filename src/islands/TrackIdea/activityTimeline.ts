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
import { formatDate } from '../../lib/formatDate.ts';

export function activityTimeline(
  locale: 'sq' | 'en',
  words: { from: string; until: string },
  start: string | null,
  end: string | null,
): string | undefined {
  const day = (iso: string) => formatDate(locale, iso.slice(0, 10));
  if (start && end) return `${day(start)} – ${day(end)}`;
  if (start) return formatMessage(words.from, { date: day(start) });
  if (end) return formatMessage(words.until, { date: day(end) });
  return undefined;
}
