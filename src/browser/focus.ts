// Moving focus to what a step put on the page, without making the browser lay the page out for it.

/** The element `focusWhenLaidOut` is waiting to focus, until its frame comes (`pendingFocus`). */
let pending: HTMLElement | undefined;

/**
 * Focuses `element` (a new heading with tabindex="-1", say) in the frame that first paints it,
 * once that frame has laid it out: from a ResizeObserver's first report on it, which the browser
 * makes after the frame's layout and before its paint (the Resize Observer specification's
 * "gather active observations" step of the HTML standard's "update the rendering":
 * https://drafts.csswg.org/resize-observer/#html-event-loop). A focus() made straight after the
 * DOM changed makes the browser lay the page out there and then, a forced synchronous layout;
 * this one uses the frame's own layout, and the frame still paints the page scrolled to the
 * element. Focus moves only if it is still where it was when asked, or on the page's body (where
 * a removed button leaves it): a learner who moved it on in the meantime (a Tab, a screen
 * reader's command) keeps it there. An element that is no longer in the document when its frame
 * comes, or has no box (hidden), is not focused. Without ResizeObserver, it focuses at once.
 */
export function focusWhenLaidOut(element: HTMLElement | null | undefined): void {
  if (!element?.isConnected) return;
  if (typeof ResizeObserver !== 'function') {
    element.focus();
    return;
  }
  const from = document.activeElement;
  pending = element;
  const observer = new ResizeObserver(() => {
    observer.disconnect();
    if (pending === element) pending = undefined;
    const now = document.activeElement;
    if (element.isConnected && (now === from || now === null || now === document.body)) element.focus();
  });
  observer.observe(element);
}

/**
 * The element focus is on its way to (`focusWhenLaidOut`), until the frame that lays it out: in
 * the meantime `document.activeElement` is still what it was (often the body), and a view that
 * asks whether focus is inside it should ask this first.
 */
export const pendingFocus = (): HTMLElement | undefined => (pending?.isConnected ? pending : undefined);
