import type { Locale } from './locales.ts';
import type { LocalizedText, Localized } from './types.ts';

function isLocalizedText(value: object): value is LocalizedText {
  return 'en' in value && 'ru' in value && Object.values(value).every((v) => typeof v === 'string');
}

/** The same content with every text in one locale: what a page ships to the browser. */
export function localize<T>(content: T, locale: Locale): Localized<T> {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value !== 'object' || value === null) return value;
    if (isLocalizedText(value)) return value[locale];
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
  };
  return walk(content) as Localized<T>;
}
