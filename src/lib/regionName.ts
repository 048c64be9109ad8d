import regionList from '../../content/regions.json' with { type: 'json' };
import type { Locale } from '../i18n/locales.ts';
import { t } from '../i18n/t.ts';

/** The display name of a region slug, or "National" for national campaigns. */
export function regionName(locale: Locale, id: string): string {
  if (id === 'national') return t(locale, 'campaigns.national');
  const region = regionList.find((r) => r.id === id);
  if (!region) throw new Error(`Unknown region "${id}"`);
  return region.name[locale];
}
