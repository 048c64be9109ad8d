export const locales = ['sq', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'sq';

export function isLocale(value: string | undefined): value is Locale {
  return value === 'sq' || value === 'en';
}

/** The other language, for the language switcher. */
export function otherLocale(locale: Locale): Locale {
  return locale === 'sq' ? 'en' : 'sq';
}
