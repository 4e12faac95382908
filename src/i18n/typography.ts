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
