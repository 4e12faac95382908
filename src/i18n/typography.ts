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
