/**
 * Calendar days as the community lives them: in the Netherlands, whatever the server's time zone.
 * Pure (Intl only), so the server, the booklet model and the client count the same days.
 */

/**
 * Made on first use: a formatter with a time zone pulls ICU's zone data into memory (about 6 MB of
 * resident pages), which a server that never formats a day should not carry.
 */
let dayFormat: Intl.DateTimeFormat | null = null;

/** `YYYY-MM-DD` of a moment (ms since epoch) in Dutch time. */
export function dutchDay(ms: number): string {
  dayFormat ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return dayFormat.format(new Date(ms));
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written `YYYY-MM-DD` (so 2025-02-30 is not one). */
export function isIsoDay(value: string): boolean {
  const m = ISO_DAY.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A `YYYY-MM-DD` day in words ("3 maart 2025", "3 March 2025") for a BCP 47 tag; anything else as it is. */
export function formatIsoDay(isoDay: string, lang: string): string {
  const m = ISO_DAY.exec(isoDay);
  if (!m) return isoDay;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    date,
  );
}
