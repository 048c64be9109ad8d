// Nothing of a child's idea outlives its use on a shared device: the draft
// comes back only after a reload, and a refused idea expires after 24 hours.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearIdeaDraft, leavesPage, loadIdeaDraft, saveIdeaDraft } from '../../../src/lib/ideaDraft.ts';
import { REFUSED_KEPT_MS, refusalExpired } from '../../../src/lib/offlineQueue.ts';
import { loadJoinedSession, saveJoinedSession } from '../../../src/islands/IdeaForm/tabMemory.ts';

class MemoryStorage implements Storage {
  #items = new Map<string, string>();
  get length() {
    return this.#items.size;
  }
  clear() {
    this.#items.clear();
  }
  getItem(key: string) {
    return this.#items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.#items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.#items.delete(key);
  }
  setItem(key: string, value: string) {
    this.#items.set(key, value);
  }
}

const PAGE = '/sq/ideas/';
let storage: MemoryStorage;

beforeEach(() => {
  storage = new MemoryStorage();
  vi.stubGlobal('sessionStorage', storage);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the joined session in the tab', () => {
  it('is remembered without its seat token, which lives only in memory and with queued ideas', () => {
    saveJoinedSession({ code: 'KUK234', session: { status: 'open', region: 'kukes', seatToken: 'seat-token-of-this-device' } });
    expect(storage.getItem('zeri.joinedSession')).not.toContain('seat-token-of-this-device');
    expect(loadJoinedSession()).toEqual({ code: 'KUK234', session: { status: 'open', region: 'kukes' } });
  });
});

describe('the idea draft', () => {
  it('comes back after a reload of the same page', () => {
    saveIdeaDraft({ text: 'Posters in the bus station', theme: 'community' }, PAGE);
    expect(loadIdeaDraft(PAGE, 'reload')).toEqual({ text: 'Posters in the bus station', theme: 'community' });
  });

  it.each(['navigate', 'back_forward'] as const)('is deleted, not restored, when the page is reached by %s', (navigation) => {
    saveIdeaDraft({ text: 'Written by the last child' }, PAGE);
    expect(loadIdeaDraft(PAGE, navigation)).toEqual({});
    expect(storage.length).toBe(0);
    // Not even a reload afterwards brings it back.
    expect(loadIdeaDraft(PAGE, 'reload')).toEqual({});
  });

  it('belongs to its page: another page does not restore it', () => {
    saveIdeaDraft({ text: 'On the Albanian form' }, PAGE);
    expect(loadIdeaDraft('/en/ideas/', 'reload')).toEqual({});
  });

  it('is forgotten for the next student, including the unkeyed entry of older versions', () => {
    saveIdeaDraft({ text: 'One' }, PAGE);
    saveIdeaDraft({ text: 'Two' }, '/en/ideas/');
    storage.setItem('zeri.ideaDraft', '{"text":"old"}');
    storage.setItem('zeri.joinedSession', '{}');
    clearIdeaDraft();
    expect([...Array(storage.length).keys()].map((i) => storage.key(i))).toEqual(['zeri.joinedSession']);
  });

  it('keeps nothing when every field is empty', () => {
    saveIdeaDraft({ text: '', theme: '' }, PAGE);
    expect(storage.length).toBe(0);
  });

  it('lives only on screen when storage is blocked', () => {
    vi.stubGlobal('sessionStorage', undefined);
    expect(() => saveIdeaDraft({ text: 'x' }, PAGE)).not.toThrow();
    expect(loadIdeaDraft(PAGE, 'reload')).toEqual({});
  });
});

describe('leaving the page by a link', () => {
  const here = new URL('https://zeri.test/sq/ideas/');
  function click(href: string, extra: Partial<MouseEvent> = {}, attributes: Record<string, string> = {}) {
    const link = {
      getAttribute: (name: string) => (name === 'href' ? href : (attributes[name] ?? null)),
      hasAttribute: (name: string) => name in attributes,
    };
    const target = { closest: () => link } as unknown as EventTarget;
    return { button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false, defaultPrevented: false, target, ...extra };
  }

  it('counts a plain click to another page', () => {
    expect(leavesPage(click('/sq/help/'), here)).toBe(true);
    expect(leavesPage(click('https://example.org/'), here)).toBe(true);
  });

  it('does not count a new tab, an anchor on the same page or a download', () => {
    expect(leavesPage(click('/sq/help/', { ctrlKey: true }), here)).toBe(false);
    expect(leavesPage(click('/sq/help/', {}, { target: '_blank' }), here)).toBe(false);
    expect(leavesPage(click('#main'), here)).toBe(false);
    expect(leavesPage(click('/file.pdf', {}, { download: '' }), here)).toBe(false);
  });
});

describe('a refused idea on the device', () => {
  const refusedAt = Date.parse('2026-06-01T10:00:00Z');
  const entry = { refused: { code: 'session_full', at: refusedAt } };

  it('is kept for less than 24 hours', () => {
    expect(refusalExpired(entry, refusedAt + REFUSED_KEPT_MS - 1)).toBe(false);
  });

  it('expires 24 hours after the refusal', () => {
    expect(REFUSED_KEPT_MS).toBe(24 * 60 * 60 * 1000);
    expect(refusalExpired(entry, refusedAt + REFUSED_KEPT_MS)).toBe(true);
  });

  it('expires when the device clock had the refusal far in the future', () => {
    expect(refusalExpired(entry, refusedAt - REFUSED_KEPT_MS - 1)).toBe(true);
  });

  it('never applies to an idea still waiting to be delivered', () => {
    expect(refusalExpired({}, refusedAt + 10 * REFUSED_KEPT_MS)).toBe(false);
  });
});
