import { describe, expect, it } from 'vitest';
import { SESSION_CODE_ALPHABET, isSessionCode, joinUrl, normalizeSessionCode } from '../../src/lib/sessionCode.ts';

describe('normalizeSessionCode', () => {
  it.each([
    ['K7M9PQ', 'K7M9PQ', 'already normal'],
    ['k7m9pq', 'K7M9PQ', 'lowercase'],
    [' K7M 9PQ ', 'K7M9PQ', 'spaces around and inside'],
    ['K7M\t9PQ\n', 'K7M9PQ', 'tabs and newlines'],
    ['K7M-9PQ', 'K7M9PQ', 'dash'],
    ['k7m–9pq', 'K7M9PQ', 'en dash from a phone keyboard'],
    ['AB0CDO', 'AB0CD0', 'letter O becomes zero'],
    ['ob0ooo', '0B0000', 'lowercase o becomes zero'],
    ['I1IABC', '111ABC', 'I becomes one'],
    ['l1LABC', '111ABC', 'L and l become one'],
  ])('%s → %s (%s)', (input, expected) => {
    expect(normalizeSessionCode(input)).toBe(expected);
  });
});

describe('isSessionCode', () => {
  it('accepts six symbols of the alphabet', () => {
    expect(isSessionCode('K7M9PQ')).toBe(true);
    expect(isSessionCode('000000')).toBe(true);
    expect(isSessionCode('ZZZZZZ')).toBe(true);
  });

  it.each([
    ['K7M9P', 'too short'],
    ['K7M9PQR', 'too long'],
    ['K7M9PO', 'contains O'],
    ['K7M9PI', 'contains I'],
    ['K7M9PL', 'contains L'],
    ['k7m9pq', 'lowercase is not normalised'],
    ['K7M-9P', 'contains a dash'],
    ['', 'empty'],
  ])('rejects %j (%s)', (value) => {
    expect(isSessionCode(value)).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(isSessionCode(123456)).toBe(false);
    expect(isSessionCode(undefined)).toBe(false);
  });

  it('accepts every symbol of the alphabet and only those', () => {
    for (let c = 32; c < 127; c++) {
      const char = String.fromCharCode(c);
      expect(isSessionCode(char.repeat(6)), char).toBe(SESSION_CODE_ALPHABET.includes(char));
    }
  });

  it('turns what a child may mistype into a valid code', () => {
    expect(isSessionCode(normalizeSessionCode(' ko7-lmi '))).toBe(true);
  });
});

describe('joinUrl', () => {
  it('builds the Albanian join link with the code in the query', () => {
    expect(joinUrl('https://zeri.al', 'sq', 'K7M9PQ')).toBe('https://zeri.al/sq/ideas/?code=K7M9PQ');
  });

  it('builds the English join link', () => {
    expect(joinUrl('https://zeri.al', 'en', 'K7M9PQ')).toBe('https://zeri.al/en/ideas/?code=K7M9PQ');
  });

  it('normalises the code it is given', () => {
    expect(joinUrl('https://zeri.al', 'sq', 'k7m-9pq')).toBe('https://zeri.al/sq/ideas/?code=K7M9PQ');
  });

  it('ignores a trailing slash on the origin', () => {
    expect(joinUrl('http://localhost:4321/', 'sq', 'K7M9PQ')).toBe('http://localhost:4321/sq/ideas/?code=K7M9PQ');
  });

  it('keeps a base path', () => {
    expect(joinUrl('https://example.github.io/zeri/', 'en', 'K7M9PQ')).toBe(
      'https://example.github.io/zeri/en/ideas/?code=K7M9PQ',
    );
  });

  it('refuses a code that is not a session code', () => {
    expect(() => joinUrl('https://zeri.al', 'sq', 'K7M9')).toThrow(RangeError);
  });

  it('gives a URL whose code parameter reads back as the code', () => {
    const url = new URL(joinUrl('https://zeri.al', 'sq', 'AB12CD'));
    expect(url.searchParams.get('code')).toBe('AB12CD');
    expect(url.pathname).toBe('/sq/ideas/');
  });
});
