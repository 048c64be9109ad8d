import { describe, expect, it } from 'vitest';
import { defaultWindow, formatCountdown, sessionStatus, toLocalInput } from '../../../src/islands/Teacher/sessionWindow.ts';

describe('session time rules', () => {
  it('defaults to this minute until an hour later', () => {
    const { opensAt, closesAt } = defaultWindow(new Date('2026-03-09T08:05:42.123Z'));
    expect(opensAt.toISOString()).toBe('2026-03-09T08:05:00.000Z');
    expect(closesAt.toISOString()).toBe('2026-03-09T09:05:00.000Z');
  });

  it('writes datetime-local values in the device time zone, zero-padded', () => {
    expect(toLocalInput(new Date(2026, 0, 2, 3, 4, 59))).toBe('2026-01-02T03:04');
    expect(new Date(toLocalInput(new Date(2026, 11, 31, 23, 59))).getTime()).toBe(new Date(2026, 11, 31, 23, 59).getTime());
  });

  it('is scheduled before opening, open until closesAt, closed from closesAt or when closed by hand', () => {
    const session = { opensAt: '2026-03-09T08:00:00Z', closesAt: '2026-03-09T09:00:00Z', closedAt: null };
    expect(sessionStatus(session, new Date('2026-03-09T07:59:59Z'))).toBe('scheduled');
    expect(sessionStatus(session, new Date('2026-03-09T08:00:00Z'))).toBe('open');
    expect(sessionStatus(session, new Date('2026-03-09T08:59:59Z'))).toBe('open');
    expect(sessionStatus(session, new Date('2026-03-09T09:00:00Z'))).toBe('closed');
    expect(sessionStatus({ ...session, closedAt: '2026-03-09T08:30:00Z' }, new Date('2026-03-09T08:10:00Z'))).toBe('closed');
  });

  it('counts down in m:ss under an hour and h:mm:ss above, never below zero', () => {
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(-5_000)).toBe('0:00');
    expect(formatCountdown(999)).toBe('0:01');
    expect(formatCountdown(61_000)).toBe('1:01');
    expect(formatCountdown(59 * 60_000 + 59_000)).toBe('59:59');
    expect(formatCountdown(3_600_000)).toBe('1:00:00');
    expect(formatCountdown(2 * 3_600_000 + 5 * 60_000 + 7_000)).toBe('2:05:07');
  });
});
