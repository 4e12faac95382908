// How the course writes a date in its pages: one formatter per way of writing it, for the
// console's default session name, the saved sessions' list and the progress page, in the page's
// language. Each is a function of its own, so a page's script carries only the ones it writes.

/** A date formatter: `when` (a Date, or an ISO 8601 string as sessions and results are saved with) written in `locale`, a BCP 47 tag such as en-US (`intlLocale` in engine/locales.ts gives the course's), in this browser's time zone. */
export type FormatDate = (when: Date | string, locale: string) => string;

const formatter =
  (options: Intl.DateTimeFormatOptions): FormatDate =>
  (when, locale) =>
    new Intl.DateTimeFormat(locale, options).format(new Date(when));

/** A day, e.g. "Dec 2, 2026" (en-US), «2 дек. 2026 г.» (ru-RU): the console's default session name. */
export const formatDay = /* @__PURE__ */ formatter({ dateStyle: 'medium' });

/** A day and its time, e.g. "Dec 2, 2026, 9:05 AM": when a saved session was last changed. */
export const formatDayTime = /* @__PURE__ */ formatter({ dateStyle: 'medium', timeStyle: 'short' });

/** A day in full, e.g. "December 2, 2026", «2 декабря 2026 г.»: the progress page's dates. */
export const formatLongDay = /* @__PURE__ */ formatter({ dateStyle: 'long' });
