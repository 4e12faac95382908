// Shows the storage notice (progress reset, nothing can be saved, or saved by a newer version) in
// the page's own notice line: from the home page's and the lessons' scripts, and the scenario player.
import type { StorageNotice } from '../stores/saved-progress.ts';
import { focusClearance } from '../browser/focus.ts';

/** Whether the page keeps room for the notice at its foot (set up with the first notice). */
let watched = false;

/**
 * Shows `notice` in the page's #storage-notice, in the page's language; nothing hides it. The
 * line is filled in, never unhidden: an empty live region stays in the accessibility tree (the
 * stylesheet draws nothing while it is empty), so a screen reader announces the text when it comes.
 */
export function showStorageNotice(notice: StorageNotice): void {
  const el = document.getElementById('storage-notice');
  if (!el) return;
  el.textContent = notice ? (el.dataset[notice] ?? '') : '';
  if (!notice || watched) return;
  watched = true;
  // The notice stays at the foot of the window: the page keeps its height free there whenever it
  // scrolls something into view, so focus never lands under it (WCAG 2.4.11). Measured, as it
  // wraps to more lines on a phone and in Russian. ScenarioPlayer keeps the sticky meters' height
  // free at the top the same way; one helper for both cost the embed frame, whose page is within
  // a few bytes of its budget, more than the two short observers.
  const root = document.documentElement;
  new ResizeObserver(([entry]) => {
    const height = entry?.borderBoxSize[0]?.blockSize ?? 0;
    root.style.scrollPaddingBottom = height ? `${height + focusClearance}px` : '';
  }).observe(el);
}
