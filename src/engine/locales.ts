/** The languages the course is written in; every page and every text exists in each. */
export const locales = ['en', 'ru'] as const;

export type Locale = (typeof locales)[number];

/** Each locale's name in English, the language of the content checks' messages. */
export const localeNames: Record<Locale, string> = { en: 'English', ru: 'Russian' };

export const defaultLocale: Locale = 'en';

/** The locale used for dates and numbers: the course's English is American, as its case is. */
export const intlLocale: Record<Locale, string> = { en: 'en-US', ru: 'ru-RU' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}
