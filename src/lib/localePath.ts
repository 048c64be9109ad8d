import { getRelativeLocaleUrl } from 'astro:i18n';
import type { Locale } from '../i18n/locales.ts';

/**
 * The site path of `path` in `locale`, always with a trailing slash.
 *
 * @example localePath('en', 'regions/kukes') // → '/en/regions/kukes/'
 */
export function localePath(locale: Locale, path = ''): string {
  return getRelativeLocaleUrl(locale, path);
}

/** `pathname` without its leading locale segment: '/sq/regions/kukes/' → 'regions/kukes/'. */
export function pathWithoutLocale(pathname: string): string {
  return pathname.replace(/^\/(sq|en)(\/|$)/, '');
}

/** The campaigns RSS feed of `locale`; a file, so no trailing slash. */
export function feedPath(locale: Locale): string {
  return `/${locale}/rss.xml`;
}
