/**
 * The idea a student is still writing, kept in the tab's sessionStorage so a
 * reload or a slip of the finger loses nothing; it is gone when the tab
 * closes, so the next person on a shared tablet never sees it. Never
 * localStorage, never the server.
 */

const KEY = 'zeri.ideaDraft';

export interface IdeaDraft {
  text?: string;
  theme?: string;
  canDo?: string;
  ageBand?: string;
}

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    // Some browsers throw on access when storage is blocked.
    return undefined;
  }
}

function pickStrings(value: unknown): IdeaDraft {
  if (typeof value !== 'object' || value === null) return {};
  const draft: IdeaDraft = {};
  for (const field of ['text', 'theme', 'canDo', 'ageBand'] as const) {
    const v = (value as Record<string, unknown>)[field];
    if (typeof v === 'string' && v !== '') draft[field] = v;
  }
  return draft;
}

/** The saved draft, or an empty one. */
export function loadIdeaDraft(): IdeaDraft {
  try {
    return pickStrings(JSON.parse(storage()?.getItem(KEY) ?? 'null'));
  } catch {
    return {};
  }
}

/** Saves the draft; an all-empty draft removes it. */
export function saveIdeaDraft(draft: IdeaDraft): void {
  const clean = pickStrings(draft);
  try {
    if (Object.keys(clean).length === 0) storage()?.removeItem(KEY);
    else storage()?.setItem(KEY, JSON.stringify(clean));
  } catch {
    // Storage full or blocked: the draft then lives only on screen.
  }
}

/** Forgets the draft (after delivery, and for the next student). */
export function clearIdeaDraft(): void {
  try {
    storage()?.removeItem(KEY);
  } catch {
    // Nothing stored, nothing to forget.
  }
}
