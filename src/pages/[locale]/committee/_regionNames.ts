/** Region id → name in `locale`, in the order of content/regions.json, for the committee islands. */
import type { Locale } from '../../../i18n/locales';
import { allRegions } from '../../../lib/content/queries';

export async function regionNames(locale: Locale): Promise<Record<string, string>> {
  return Object.fromEntries((await allRegions()).map((region) => [region.id, region.data.name[locale]]));
}
