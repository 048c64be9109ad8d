/**
 * Time rules of a class session as the teacher sees them: the default window
 * of the form, the status of a session, the projector's countdown.
 */
import { MAX_IDEAS_DEFAULT, type SessionInput } from '../../lib/schemas/session.ts';

const MINUTE_MS = 60_000;
export const DEFAULT_WINDOW_MINUTES = 60;
export const EXTEND_MINUTES = 15;

export type SessionStatus = 'scheduled' | 'open' | 'closed';

export interface SessionTimes {
  opensAt: string;
  closesAt: string;
  closedAt: string | null;
}

/**
 * The form's default window: from this minute to an hour later (seconds
 * dropped, since `<input type="datetime-local">` shows minutes).
 */
export function defaultWindow(now: Date): { opensAt: Date; closesAt: Date } {
  const opensAt = new Date(Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS);
  return { opensAt, closesAt: new Date(opensAt.getTime() + DEFAULT_WINDOW_MINUTES * MINUTE_MS) };
}

/**
 * A date as the value of `<input type="datetime-local">`, in the browser's time zone.
 *
 * @example toLocalInput(new Date(2026, 2, 9, 8, 5)) // '2026-03-09T08:05'
 */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Scheduled before `opensAt`; closed once closed by hand or past `closesAt` (as the database decides). */
export function sessionStatus(session: SessionTimes, now: Date): SessionStatus {
  if (session.closedAt !== null || now.getTime() >= Date.parse(session.closesAt)) return 'closed';
  if (now.getTime() < Date.parse(session.opensAt)) return 'scheduled';
  return 'open';
}

/**
 * What the projector shows: `m:ss` under an hour, `h:mm:ss` above, never negative.
 *
 * @example formatCountdown(61_000) // '1:01'
 * @example formatCountdown(3_600_000) // '1:00:00'
 */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** The new-session form's starting values: the teacher's school, the activity they came from, now → +60 min, 40 ideas. */
export function initialSessionValues(school: string, activitySlug: string | undefined, now: Date): Partial<SessionInput> {
  const { opensAt, closesAt } = defaultWindow(now);
  return {
    school,
    activitySlug: activitySlug ?? '',
    campaignSlug: '',
    opensAt: toLocalInput(opensAt),
    closesAt: toLocalInput(closesAt),
    maxIdeas: MAX_IDEAS_DEFAULT,
  };
}
