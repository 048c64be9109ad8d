/**
 * Dates and times of sessions in the page's language and the device's time
 * zone: the same zone the form's `datetime-local` fields are typed in.
 */
function tag(locale: 'sq' | 'en'): string {
  return locale === 'sq' ? 'sq-AL' : 'en-GB';
}

export function formatSessionDate(locale: 'sq' | 'en', iso: string): string {
  return new Intl.DateTimeFormat(tag(locale), { dateStyle: 'medium' }).format(new Date(iso));
}

export function formatSessionTime(locale: 'sq' | 'en', iso: string): string {
  return new Intl.DateTimeFormat(tag(locale), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}
