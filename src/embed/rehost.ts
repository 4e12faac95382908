// The course's address in text handed to embedders. A build bakes in SITE_URL (by default
// http://localhost:4321); a page that runs in the browser knows the address it was really opened
// at, and gives that out instead when the two differ, so a copied snippet works where it is pasted.

/** `text` with every occurrence of the built origin replaced by the origin the page runs at. */
export function rehost(text: string, built: string, actual: string): string {
  return built === actual ? text : text.split(built).join(actual);
}

/** Rewrites the text of every element marked `data-built-origin` for the page's own origin. */
export function rehostSnippets(root: Document): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-built-origin]'))
    element.textContent = rehost(element.textContent ?? '', element.dataset['builtOrigin'] ?? '', location.origin);
}
