import type { Locale } from '../i18n/locales.ts';

/** Albanian writes 1 234,5 (CLDR: narrow no-break space, decimal comma); English 1,234.5. */
const separators: Readonly<Record<Locale, { group: string; decimal: string }>> = {
  sq: { group: '\u202f', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/**
 * A number in the page's language, formatted here rather than by `Intl`
 * (browsers without Albanian locale data print English separators).
 * @example formatNumber('sq', 1234.56) // '1 234,6'
 */
export function formatNumber(locale: Locale, value: number, maximumFractionDigits = 1): string {
  const { group, decimal } = separators[locale];
  const [whole = '0', fraction] = Math.abs(value).toFixed(maximumFractionDigits).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const trimmed = fraction?.replace(/0+$/, '');
  return `${value < 0 ? '−' : ''}${grouped}${trimmed ? `${decimal}${trimmed}` : ''}`;
}
