// The plain-iframe embed code, as the embedders' page shows it and oEmbed serves it.

/** Text made safe inside a double-quoted HTML attribute. */
export const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** An iframe for one scenario in one language: no script, a fixed height, the title escaped. */
export function iframeSnippet(options: {
  origin: string;
  locale: string;
  id: string;
  title: string;
  width: string;
  height: number;
}): string {
  const { origin, locale, id, title, width, height } = options;
  return `<iframe src="${origin}/${locale}/embed/${id}/" title="${escapeAttribute(title)}" width="${width}" height="${height}" loading="lazy" style="border:0;max-width:100%"></iframe>`;
}
