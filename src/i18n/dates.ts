// How the course writes a date in its pages: one formatter for the console's default session
// name, the saved sessions' list and the progress page, in the page's language.

/** How a date is written: `day` "Dec 2, 2026", `dayTime` "Dec 2, 2026, 9:05 AM", `long` "December 2, 2026" (in en-US). */
export type DateStyle = 'day' | 'dayTime' | 'long';

const styles: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  day: { dateStyle: 'medium' },
  dayTime: { dateStyle: 'medium', timeStyle: 'short' },
  long: { dateStyle: 'long' },
};

/**
 * `when` (a Date, or an ISO 8601 string as sessions and results are saved with) written in
 * `locale`, a BCP 47 tag such as en-US (`intlLocale` in engine/locales.ts gives the course's),
 * in `style`, in this browser's time zone.
 */
export function formatDate(when: Date | string, locale: string, style: DateStyle = 'day'): string {
  return new Intl.DateTimeFormat(locale, styles[style]).format(new Date(when));
}
