/**
 * What the tab remembers between reloads while a class is writing: the
 * session it joined and whether the intro was read. sessionStorage only,
 * so closing the tab forgets it.
 */
import type { JoinedSession } from '../../lib/supabase/studentApi.ts';

const SESSION_KEY = 'zeri.joinedSession';
const INTRO_KEY = 'zeri.introSeen';

export interface RememberedSession {
  code: string;
  session: JoinedSession;
}

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

function read(key: string): string | null {
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) storage()?.removeItem(key);
    else storage()?.setItem(key, value);
  } catch {
    // Blocked storage: the tab simply remembers nothing.
  }
}

export function loadJoinedSession(): RememberedSession | undefined {
  try {
    const value = JSON.parse(read(SESSION_KEY) ?? 'null') as RememberedSession | null;
    return value && typeof value.code === 'string' && value.session?.status === 'open' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Remembers the session without its seat token, which stays in memory and with queued ideas only. */
export function saveJoinedSession(value: RememberedSession | undefined): void {
  write(SESSION_KEY, value ? JSON.stringify({ code: value.code, session: { ...value.session, seatToken: undefined } }) : null);
}

export function introSeen(): boolean {
  return read(INTRO_KEY) === '1';
}

export function markIntroSeen(): void {
  write(INTRO_KEY, '1');
}
