import type { Locale } from '@casusbord/shared';

/** "12 maart 2026" / "12 March 2026" for a time in ms since epoch. */
export function formatDay(ms: number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long' }).format(new Date(ms));
}
