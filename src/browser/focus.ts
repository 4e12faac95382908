// Moving focus to what a step put on the page, without making the browser lay the page out for it.

/**
 * Focuses `element` (a new heading with tabindex="-1", say) in the frame that first paints it,
 * once that frame has laid it out: from a ResizeObserver's first report on it, which the browser
 * makes after the frame's layout and before its paint (the Resize Observer specification's
 * "gather active observations" step of the HTML standard's "update the rendering":
 * https://drafts.csswg.org/resize-observer/#html-event-loop). A focus() made straight after the
 * DOM changed makes the browser lay the page out there and then, a forced synchronous layout;
 * this one uses the frame's own layout.
 *
 * It then scrolls the view that holds the element (its parent: a decision with its step number,
 * an outcome with its grade) to the top of the screen, below what sticks there (the page's
 * scroll-padding-top), as a new page opens; focus() alone brings it only into view, often to the
 * middle of a phone's screen. The same frame paints the page scrolled so.
 *
 * Focus moves only from the page's body, where the button that made the step leaves it (the
 * player blurs it first; one the step removed leaves it there too): a learner who put focus
 * somewhere in the meantime (a Tab, a screen reader's command) keeps it there. An element a
 * quicker step removed before its frame is not focused (focus() does nothing on it), nor one
 * without a box (hidden). Every browser that runs the islands' code (ES2022: class fields,
 * Chrome 72, Firefox 69, Safari 14.1) has ResizeObserver (Chrome 64, Firefox 69, Safari 13.1),
 * so there is no fallback.
 */
export function focusWhenLaidOut(element: HTMLElement | null | undefined): void {
  if (!element) return;
  new ResizeObserver((_, observer) => {
    observer.disconnect();
    if (document.activeElement !== document.body) return;
    element.focus();
    element.parentElement?.scrollIntoView();
  }).observe(element);
}

/**
 * The room kept between something that stays on screen over the page (the sticky meters at the
 * top, the storage notice at the foot) and what focus scrolls next to it, so that the focus ring
 * (3 px, 2 px from its element) shows whole: px.
 */
export const focusClearance = 12;
