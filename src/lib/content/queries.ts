import { getCollection, type CollectionEntry } from 'astro:content';
import type { Locale } from '../../i18n/locales.ts';
import { findMissingTranslations } from './findMissingTranslations.ts';

type Translated = 'campaigns' | 'activities' | 'pages';

/** Entries of a translated collection in one locale; fails the build when a translation is missing. */
async function entriesIn<C extends Translated>(collection: C, locale: Locale): Promise<CollectionEntry<C>[]> {
  const all = (await getCollection(collection)) as CollectionEntry<C>[];
  const problems = findMissingTranslations(all);
  if (problems.length > 0) {
    throw new Error(`content/${collection}: ${problems.join('; ')}`);
  }
  return all.filter((entry) => entry.data.locale === locale);
}

/** Campaigns of one locale, newest first. */
export async function campaignsIn(locale: Locale): Promise<CollectionEntry<'campaigns'>[]> {
  const campaigns = await entriesIn('campaigns', locale);
  return campaigns.sort((a, b) => b.data.startDate.getTime() - a.data.startDate.getTime());
}

/**
 * Campaigns that have started by `today` (newest first) and those still to
 * come (soonest first). The site is static: "today" is the build's day, so a
 * deployment rebuilds at least daily for a campaign to move across.
 */
export async function campaignsByStart(locale: Locale, today: Date = new Date()): Promise<{ started: CollectionEntry<'campaigns'>[]; upcoming: CollectionEntry<'campaigns'>[] }> {
  const all = await campaignsIn(locale);
  return {
    started: all.filter((campaign) => campaign.data.startDate.getTime() <= today.getTime()),
    upcoming: all.filter((campaign) => campaign.data.startDate.getTime() > today.getTime()).reverse(),
  };
}

/** Classroom activities of one locale, shortest first. */
export async function activitiesIn(locale: Locale): Promise<CollectionEntry<'activities'>[]> {
  const activities = await entriesIn('activities', locale);
  return activities.sort((a, b) => a.data.durationMinutes - b.data.durationMinutes);
}

/** A long-form page (strategy, help, privacy, about) in one locale. */
export async function pageIn(locale: Locale, translationKey: string): Promise<CollectionEntry<'pages'>> {
  const page = (await entriesIn('pages', locale)).find((entry) => entry.data.translationKey === translationKey);
  if (!page) throw new Error(`content/pages/${locale}/${translationKey}.md is missing`);
  return page;
}

/** The 12 regions, in alphabetical order of their slug. */
export async function allRegions(): Promise<CollectionEntry<'regions'>[]> {
  return (await getCollection('regions')).sort((a, b) => a.id.localeCompare(b.id));
}
