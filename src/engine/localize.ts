import type { Locale } from './locales.ts';
import type { LocalizedText, Localized } from './types.ts';

function isLocalizedText(value: object): value is LocalizedText {
  return 'en' in value && 'ru' in value && Object.values(value).every((v) => typeof v === 'string');
}

/**
 * Russian text with a no-break space after each one-letter word (в, к, с, у, о, и, а, я and their
 * capitals), so a line never ends on one: the rule of Russian typesetting (А. Э. Мильчин, Л. К.
 * Чельцова, «Справочник издателя и автора», on «висячие» prepositions and conjunctions). A word
 * joined by a hyphen ("из-за") is not one-letter.
 */
export function bindShortWords(text: string): string {
  return text.replace(/(?<=^|[\s(«„"—])([вксуоияаВКСУОИЯА])[ \n](?=\S)/g, '$1\u00a0');
}

/**
 * One content text in one locale, as a reader is shown it: the Russian text with its one-letter
 * words bound to the word after them (`bindShortWords`), any other as written. A page that shows
 * a scenario's (or the course's) text picks it through this, so it is set the same wherever it
 * is read; what others index or paste (the catalogue, oEmbed, an LMS package's metadata, the
 * embed snippets), an id and a sort key read the text as written.
 */
export function textIn(text: LocalizedText, locale: Locale): string {
  return locale === 'ru' ? bindShortWords(text.ru) : text[locale];
}

/** The same content with every text in one locale, each as a reader is shown it (`textIn`): what a page ships to the browser. */
export function localize<T>(content: T, locale: Locale): Localized<T> {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value !== 'object' || value === null) return value;
    if (isLocalizedText(value)) return textIn(value, locale);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
  };
  return walk(content) as Localized<T>;
}
