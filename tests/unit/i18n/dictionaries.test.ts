import { describe, expect, it } from 'vitest';
import { checkPlainLanguage } from '../../../src/lib/checkPlainLanguage.ts';
import { en } from '../../../src/i18n/en.ts';
import { sq } from '../../../src/i18n/sq.ts';
import { pickMessages, t } from '../../../src/i18n/t.ts';

describe('UI dictionaries', () => {
  it('have the same keys in Albanian and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(sq).sort());
  });

  it('have no empty strings', () => {
    for (const [key, value] of [...Object.entries(sq), ...Object.entries(en)]) expect(value.trim(), key).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(sq) as Array<keyof typeof sq>) {
      expect(placeholders(en[key]), key).toEqual(placeholders(sq[key]));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('en', 'campaigns.regionTitle', { name: 'Kukës' })).toBe('Campaigns: Kukës');
    expect(t('sq', 'campaigns.regionTitle')).toBe('Fushatat: {name}');
  });

  it('passes an island only the strings it asks for', () => {
    expect(pickMessages('en', ['nav.help'])).toEqual({ 'nav.help': 'Help' });
  });
});

describe('the tracking page speaks to children', () => {
  it('says what withdrawing does, for a referred idea too, in plain words in both languages', () => {
    const keys = Object.keys(sq).filter((key) => key.startsWith('track.withdraw.')) as Array<keyof typeof sq>;
    expect(keys).toContain('track.withdraw.referred');
    for (const key of keys) {
      expect(checkPlainLanguage(sq[key]), `sq ${key}`).toEqual([]);
      expect(checkPlainLanguage(en[key]), `en ${key}`).toEqual([]);
    }
  });
});
