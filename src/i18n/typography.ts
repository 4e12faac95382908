/**
 * Typographic apostrophes and quotes for text that Markdown's smartypants never sees (lesson
 * frontmatter: knowledge checks, reflections). Russian text is written with «ёлочки» already.
 */
export function typographic(text: string): string {
  return text
    .replace(/(\p{L})'(\p{L})/gu, '$1’$2')
    .replace(/(^|[\s(])"(?=\S)/g, '$1“')
    .replace(/"/g, '”')
    .replace(/(^|[\s(])'(?=\S)/g, '$1‘')
    .replace(/'/g, '’');
}

/** A content text's paragraphs: blank lines separate them, as in the YAML block scalars. */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * A content text as a page ships it: each paragraph on one line. The YAML block scalars wrap
 * prose at about 90 characters, and a page renders a line break inside a paragraph as a space
 * anyway; each `\n` escape in the page's JSON costs two bytes and breaks the runs of words gzip
 * finds again elsewhere. Blank lines between paragraphs stay as written (`splitParagraphs`).
 */
export function unwrapLines(text: string): string {
  return text
    .split(/(\n\s*\n)/)
    .map((part, i) => (i % 2 ? part : part.replace(/[ \t]*\n[ \t]*/g, ' ')))
    .join('');
}

/** `value` with every string in it unwrapped (`unwrapLines`), as plain JSON data: objects, arrays, strings, numbers. */
export function unwrapTexts<T>(value: T): T {
  if (typeof value === 'string') return unwrapLines(value) as T;
  if (Array.isArray(value)) return value.map(unwrapTexts) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrapTexts(v)])) as T;
  return value;
}

/**
 * A text that a sentence will put in quotation marks: its own quotations take the inner marks,
 * so the two never read as one doubled mark (“about “safer”” becomes “about ‘safer’”).
 * English nests double quotes around single ones (The Chicago Manual of Style, 13.30); Russian
 * nests „лапки“ inside «ёлочек» (А. Э. Мильчин, Л. К. Чельцова, «Справочник издателя и автора»,
 * quotes within quotes). The text is returned as is where it quotes nothing.
 */
export function nestedQuotes(text: string): string {
  return text.replace(/“([^”]*)”/g, '‘$1’').replace(/«([^»]*)»/g, '„$1“');
}

/**
 * A choice's label quoted inside a sentence: without its closing full stop, which the sentence's
 * own punctuation replaces, and with the label's own quotations in the inner marks (`nestedQuotes`).
 */
export const inSentence = (label: string): string => nestedQuotes(label.replace(/\.$/, ''));

/** Points with their sign, as the player shows them: `+2`, `0`, `−1` (a true minus sign, U+2212). */
export const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');
