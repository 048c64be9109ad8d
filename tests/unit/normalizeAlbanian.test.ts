import { describe, expect, it } from 'vitest';
import { foldAlbanian, normalizeAlbanian } from '../../src/lib/normalizeAlbanian.ts';

describe('normalizeAlbanian', () => {
  it('strips ë and ç and lowercases', () => {
    expect(normalizeAlbanian('Kukës, Çorovodë, ËË ÇÇ')).toBe('kukes, corovode, ee cc');
  });

  it('handles decomposed diacritics (e + U+0308)', () => {
    expect(normalizeAlbanian('Me\u0308 morën')).toBe('me moren');
  });

  it('makes typographic apostrophes plain', () => {
    expect(normalizeAlbanian('S’më lënë')).toBe("s'me lene");
    expect(normalizeAlbanian('n‘shpi')).toBe("n'shpi");
  });
});

describe('foldAlbanian', () => {
  it('maps every folded character back to the original', () => {
    const input = 'Me\u0308 morën';
    const { text, sourceIndex } = foldAlbanian(input);
    expect(text).toBe('me moren');
    expect(sourceIndex).toHaveLength(text.length + 1);
    const start = text.indexOf('moren');
    expect(input.slice(sourceIndex[start], sourceIndex[start + 5])).toBe('morën');
  });

  it('keeps a one-to-one map for characters that grow when lowercased', () => {
    const { text, sourceIndex } = foldAlbanian('İstanbul');
    expect(text).toHaveLength(8);
    expect(sourceIndex).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
