import type { Locale } from '../i18n/locales.ts';

/**
 * Every date and time the portal shows, in the page's language, formatted
 * here rather than by `Intl`: Debian's Chromium (and many school devices)
 * has no Albanian locale data and prints "2026 M11 29" or "11/29/2026", and
 * the server and each browser must agree. 24-hour time everywhere.
 */
const monthNames: Readonly<Record<Locale, readonly string[]>> = {
  sq: ['janar', 'shkurt', 'mars', 'prill', 'maj', 'qershor', 'korrik', 'gusht', 'shtator', 'tetor', 'nëntor', 'dhjetor'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/**
 * Where a moment is read: `tirane` for what happened in Albania (ideas,
 * sessions seen by committees, the log), `utc` for calendar days stored as
 * midnight UTC (content dates, plan dates), `device` for times typed in a
 * `datetime-local` field on the same device.
 */
export type Zone = 'tirane' | 'utc' | 'device';

interface Parts {
  readonly year: number;
  /** 0–11 */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

/** The last Sunday of `month` (0-based) in `year`, at 01:00 UTC: when EU clocks change. */
function lastSundayAtOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/**
 * Minutes east of UTC in Tirana at `time`: +60 (CET), +120 (CEST) from the
 * last Sunday of March to the last Sunday of October, as the EU rule Albania follows.
 */
export function tiraneOffsetMinutes(time: number): number {
  const year = new Date(time).getUTCFullYear();
  const summer = time >= lastSundayAtOneUtc(year, 2) && time < lastSundayAtOneUtc(year, 9);
  return summer ? 120 : 60;
}

function partsOf(date: Date, zone: Zone): Parts {
  if (zone === 'device') {
    return { year: date.getFullYear(), month: date.getMonth(), day: date.getDate(), hour: date.getHours(), minute: date.getMinutes() };
  }
  const shifted = zone === 'tirane' ? new Date(date.getTime() + tiraneOffsetMinutes(date.getTime()) * 60_000) : date;
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth(),
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

/** A `Date`, an ISO timestamp, or a calendar day `YYYY-MM-DD` (read as that day, whatever the zone). */
type Moment = Date | string;

function toDate(moment: Moment): { date: Date; calendarDay: boolean } {
  if (moment instanceof Date) return { date: moment, calendarDay: false };
  if (/^\d{4}-\d{2}-\d{2}$/.test(moment)) return { date: new Date(`${moment}T00:00:00Z`), calendarDay: true };
  return { date: new Date(moment), calendarDay: false };
}

function parts(moment: Moment, zone: Zone): Parts {
  const { date, calendarDay } = toDate(moment);
  return partsOf(date, calendarDay ? 'utc' : zone);
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * A date in the page's language.
 * @example formatDate('sq', new Date('2026-11-20')) // '20 nëntor 2026'
 * @example formatDate('en', '2026-11-29T23:30:00Z', 'tirane') // '30 November 2026'
 */
export function formatDate(locale: Locale, moment: Moment, zone: Zone = 'utc'): string {
  const p = parts(moment, zone);
  return `${p.day} ${monthNames[locale][p.month]} ${p.year}`;
}

/** @example formatTime('sq', '2026-07-01T08:05:00Z', 'tirane') // '10:05' */
export function formatTime(_locale: Locale, moment: Moment, zone: Zone = 'tirane'): string {
  const p = parts(moment, zone);
  return `${two(p.hour)}:${two(p.minute)}`;
}

/** @example formatDateTime('sq', '2026-11-29T16:05:00Z') // '29 nëntor 2026, 17:05' */
export function formatDateTime(locale: Locale, moment: Moment, zone: Zone = 'tirane'): string {
  return `${formatDate(locale, moment, zone)}, ${formatTime(locale, moment, zone)}`;
}

/** @example formatMonth('en', '2026-11-01') // 'November 2026' */
export function formatMonth(locale: Locale, moment: Moment, zone: Zone = 'utc'): string {
  const p = parts(moment, zone);
  return `${monthNames[locale][p.month]} ${p.year}`;
}

/** The calendar day `YYYY-MM-DD` in Tirana at `moment`: for date filters that mean Albanian days. */
export function tiraneDay(moment: Date): string {
  const p = partsOf(moment, 'tirane');
  return `${p.year}-${two(p.month + 1)}-${two(p.day)}`;
}

/**
 * The instant a Tirana wall-clock time happens, as ISO UTC, e.g. for the start
 * of a day typed in a date filter. In the hour skipped in spring the later
 * offset is used.
 * @example tiraneWallClockToIso('2026-07-01', '00:00') // '2026-06-30T22:00:00.000Z'
 */
export function tiraneWallClockToIso(day: string, time = '00:00'): string {
  const naive = Date.parse(`${day}T${time}:00Z`);
  const guess = naive - tiraneOffsetMinutes(naive) * 60_000;
  return new Date(naive - tiraneOffsetMinutes(guess) * 60_000).toISOString();
}
