// The embed code the embedders' page shows: the loader with its fallback link, and the plain
// iframe, which oEmbed serves too.

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

/**
 * The loader as a classic script, which works on any host (a module script needs CORS headers
 * from the course), and the element with a link to the scenario inside: the link stays if the
 * script fails or is blocked, and the loader replaces it with the frame.
 */
export function loaderSnippet(options: { origin: string; locale: string; id: string; title: string }): string {
  const { origin, locale, id, title } = options;
  return `<script src="${origin}/embed/v1.js" defer></script>\n<checks-scenario scenario="${id}" lang="${locale}" title="${escapeAttribute(title)}"><a href="${origin}/${locale}/scenarios/${id}/">${escapeText(title)}</a></checks-scenario>`;
}

/** Text made safe as HTML element content. */
export const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
