import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMonth, formatTime, tiraneDay, tiraneOffsetMinutes, tiraneWallClockToIso } from '../../../src/lib/formatDate.ts';
import { formatNumber } from '../../../src/lib/formatNumber.ts';

describe('formatDate', () => {
  it('writes Albanian and English month names, whatever locale data the runtime has', () => {
    expect(formatDate('sq', new Date('2026-11-20'))).toBe('20 nëntor 2026');
    expect(formatDate('en', new Date('2026-11-20'))).toBe('20 November 2026');
    expect(formatDate('sq', '2027-06-30')).toBe('30 qershor 2027');
    expect(formatMonth('sq', '2026-01-01')).toBe('janar 2026');
    expect(formatMonth('en', '2026-12-01')).toBe('December 2026');
  });

  it('reads a moment in Tirana: late evening UTC is already the next day there', () => {
    expect(formatDate('en', '2026-11-29T23:30:00Z', 'tirane')).toBe('30 November 2026');
    expect(formatDateTime('sq', '2026-11-29T16:05:00Z')).toBe('29 nëntor 2026, 17:05');
    expect(formatTime('sq', '2026-07-01T08:05:00Z')).toBe('10:05');
    expect(tiraneDay(new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02');
  });

  it('a calendar day stays that day in every zone', () => {
    expect(formatDate('sq', '2026-03-29', 'tirane')).toBe('29 mars 2026');
  });

  it('agrees with the IANA Europe/Tirane zone hour by hour from 2025 to 2030, summer time included', () => {
    const hourOf = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Tirane', hour: '2-digit', minute: '2-digit', day: '2-digit', hourCycle: 'h23' });
    const disagreements: string[] = [];
    for (let time = Date.UTC(2025, 0, 1); time < Date.UTC(2031, 0, 1); time += 3_600_000) {
      const expected = Object.fromEntries(hourOf.formatToParts(time).map((part) => [part.type, part.value]));
      const shifted = new Date(time + tiraneOffsetMinutes(time) * 60_000);
      if (Number(expected['hour']) !== shifted.getUTCHours() || Number(expected['day']) !== shifted.getUTCDate()) disagreements.push(new Date(time).toISOString());
    }
    expect(disagreements).toEqual([]);
  });

  it('turns a Tirana wall-clock time into the right instant in winter and summer', () => {
    expect(tiraneWallClockToIso('2026-01-15')).toBe('2026-01-14T23:00:00.000Z');
    expect(tiraneWallClockToIso('2026-07-01', '00:00')).toBe('2026-06-30T22:00:00.000Z');
    expect(tiraneWallClockToIso('2026-10-25', '12:00')).toBe('2026-10-25T11:00:00.000Z');
  });
});

describe('formatNumber', () => {
  it('uses the page language separators and drops trailing zeros', () => {
    expect(formatNumber('sq', 1234.56)).toBe('1\u202f234,6');
    expect(formatNumber('en', 1234.56)).toBe('1,234.6');
    expect(formatNumber('sq', 3)).toBe('3');
    expect(formatNumber('en', 2.5)).toBe('2.5');
    expect(formatNumber('sq', 1_000_000, 0)).toBe('1\u202f000\u202f000');
  });
});
