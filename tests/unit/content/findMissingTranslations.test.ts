import { describe, expect, it } from 'vitest';
import { findMissingTranslations } from '../../../src/lib/content/findMissingTranslations.ts';

const entry = (translationKey: string, locale: 'sq' | 'en') => ({ id: `${locale}/${translationKey}`, data: { translationKey, locale } });

describe('translation pairs', () => {
  it('accepts entries present in both locales', () => {
    expect(findMissingTranslations([entry('a', 'sq'), entry('a', 'en')])).toEqual([]);
  });

  it('names a campaign missing its English translation', () => {
    expect(findMissingTranslations([entry('a', 'sq'), entry('a', 'en'), entry('b', 'sq')])).toEqual(['b: en missing']);
  });

  it('names a key used twice in one locale', () => {
    expect(findMissingTranslations([entry('a', 'sq'), entry('a', 'sq'), entry('a', 'en')])).toEqual(['a: 2 entries in sq']);
  });
});
