// How the course writes a date in its pages: one formatter per way of writing it, for the
// console's default session name, the saved sessions' list and the progress page, in the page's
// language. Each is a function of its own, so a page's script carries only the ones it writes
// (a formatter made from a table of options would carry them all).

/** A date formatter: `when` (a Date, or an ISO 8601 string as sessions and results are saved with) written in `locale`, a BCP 47 tag such as en-US (`intlLocale` in engine/locales.ts gives the course's), in this browser's time zone. */
export type FormatDate = (when: Date | string, locale: string) => string;

/** A day, e.g. "Dec 2, 2026" (en-US), «2 дек. 2026 г.» (ru-RU): the console's default session name. */
export const formatDay: FormatDate = (when, locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(when));

/** A day and its time, e.g. "Dec 2, 2026, 9:05 AM": when a saved session was last changed. */
export const formatDayTime: FormatDate = (when, locale) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(when));

/** A day in full, e.g. "December 2, 2026", «2 декабря 2026 г.»: the progress page's dates. */
export const formatLongDay: FormatDate = (when, locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(when));
