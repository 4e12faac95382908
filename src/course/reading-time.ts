/** Minutes to read a text at a calm pace, at least one. Markup and tags are not counted. */
export function readingMinutes(source: string, wordsPerMinute = 200): number {
  const words = source
    .replace(/^---[\s\S]*?---/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[#*_`>[\]()|-]/g, ' ')
    .split(/\s+/)
    .filter((w) => /\p{L}|\p{N}/u.test(w)).length;
  return Math.max(1, Math.round(words / wordsPerMinute));
}
