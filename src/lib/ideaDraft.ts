/**
 * The idea a student is still writing. It lives only while the form is open
 * in this tab: kept in the tab's sessionStorage, keyed to the page, so an
 * accidental reload loses nothing; any other way of coming back to the page
 * (a link, the address bar, the back button) starts empty and deletes what
 * was kept, and so do sending, "Next student" and following a link away.
 * Closing the tab deletes it too. Never localStorage, never the server: on a
 * shared tablet the next child must not find the last child's words.
 */

const PREFIX = 'zeri.ideaDraft';

export interface IdeaDraft {
  text?: string;
  theme?: string;
  canDo?: string;
  ageBand?: string;
}

/** How this page was reached, as the Navigation Timing API names it. */
export type NavigationKind = NavigationTimingType;

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    // Some browsers throw on access when storage is blocked.
    return undefined;
  }
}

function keyFor(page: string): string {
  return `${PREFIX}:${page}`;
}

function currentPage(): string {
  return globalThis.location?.pathname ?? '/';
}

/** How the current document was loaded; 'navigate' when the browser cannot tell, so nothing is restored by doubt. */
export function navigationKind(): NavigationKind {
  try {
    const [entry] = globalThis.performance?.getEntriesByType('navigation') ?? [];
    const type = (entry as PerformanceNavigationTiming | undefined)?.type;
    return type ?? 'navigate';
  } catch {
    return 'navigate';
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

/**
 * The draft kept for this page, but only when the page was reloaded; after
 * any other navigation the kept draft is deleted and an empty one returned.
 *
 * @example
 * loadIdeaDraft('/sq/ideas/', 'reload'); // { text: '…' } if one was kept
 * loadIdeaDraft('/sq/ideas/', 'navigate'); // {} and nothing is kept any more
 */
export function loadIdeaDraft(page = currentPage(), navigation: NavigationKind = navigationKind()): IdeaDraft {
  if (navigation !== 'reload') {
    clearIdeaDraft();
    return {};
  }
  try {
    return pickStrings(JSON.parse(storage()?.getItem(keyFor(page)) ?? 'null'));
  } catch {
    return {};
  }
}

/** Saves the draft for this page; an all-empty draft removes it. */
export function saveIdeaDraft(draft: IdeaDraft, page = currentPage()): void {
  const clean = pickStrings(draft);
  try {
    if (Object.keys(clean).length === 0) storage()?.removeItem(keyFor(page));
    else storage()?.setItem(keyFor(page), JSON.stringify(clean));
  } catch {
    // Storage full or blocked: the draft then lives only on screen.
  }
}

/** Forgets every kept draft of this tab (after delivery, for the next student, when leaving the page). */
export function clearIdeaDraft(): void {
  const store = storage();
  if (!store) return;
  try {
    // Also the unkeyed entry older versions of the form wrote.
    const keys = Array.from({ length: store.length }, (_, i) => store.key(i)).filter(
      (key): key is string => key !== null && (key === PREFIX || key.startsWith(`${PREFIX}:`)),
    );
    for (const key of keys) store.removeItem(key);
  } catch {
    // Nothing stored, nothing to forget.
  }
}

/**
 * Whether a click leaves this page in this tab (a plain click on a link to
 * another document), as opposed to opening a new tab or staying on the page.
 */
export function leavesPage(event: Pick<MouseEvent, 'button' | 'metaKey' | 'ctrlKey' | 'shiftKey' | 'altKey' | 'defaultPrevented' | 'target'>, here: URL): boolean {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  const target = event.target as Element | null;
  const link = typeof target?.closest === 'function' ? target.closest('a[href]') : null;
  if (!link || link.hasAttribute('download')) return false;
  const opensElsewhere = (link.getAttribute('target') ?? '_self') !== '_self';
  if (opensElsewhere) return false;
  const to = new URL(link.getAttribute('href') ?? '', here);
  return to.pathname !== here.pathname || to.origin !== here.origin || to.search !== here.search;
}
