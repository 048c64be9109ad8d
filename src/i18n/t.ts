import { en } from './en.ts';
import type { Locale } from './locales.ts';
import { sq } from './sq.ts';
import type { MessageKey } from './sq.ts';

const dictionaries: Record<Locale, Record<MessageKey, string>> = { sq, en };

/**
 * The UI string for `key` in `locale`, with `{name}` placeholders filled.
 *
 * @example t('en', 'campaigns.regionTitle', { name: 'Kukës' }) // → 'Campaigns: Kukës'
 */
export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  return dictionaries[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A subset of one locale's strings, for passing to an island so its bundle never carries both dictionaries. */
export function pickMessages<K extends MessageKey>(locale: Locale, keys: readonly K[]): Record<K, string> {
  return Object.fromEntries(keys.map((key) => [key, dictionaries[locale][key]])) as Record<K, string>;
}
