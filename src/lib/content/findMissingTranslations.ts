import type { Locale } from '../../i18n/locales.ts';
import { locales } from '../../i18n/locales.ts';

interface TranslatedEntry {
  id: string;
  data: { translationKey: string; locale: Locale };
}

/**
 * Lists translation keys that lack an entry in some locale, or hold two
 * entries for the same locale. Astro validates entries one at a time, so pairs
 * are checked across the collection here.
 *
 * @example findMissingTranslations(await getCollection('campaigns')) // → ['kukes-jobs: en missing']
 */
export function findMissingTranslations(entries: readonly TranslatedEntry[]): string[] {
  const byKey = new Map<string, Locale[]>();
  for (const entry of entries) {
    byKey.set(entry.data.translationKey, [...(byKey.get(entry.data.translationKey) ?? []), entry.data.locale]);
  }
  const problems: string[] = [];
  for (const [key, found] of byKey) {
    for (const locale of locales) {
      const count = found.filter((l) => l === locale).length;
      if (count === 0) problems.push(`${key}: ${locale} missing`);
      if (count > 1) problems.push(`${key}: ${count} entries in ${locale}`);
    }
  }
  return problems;
}
