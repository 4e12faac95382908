// Shows the storage notice (progress reset, nothing can be saved, or saved by a newer version) in
// the page's own notice line: from the home page's and the lessons' scripts, and the scenario player.
import type { StorageNotice } from '../stores/saved-progress.ts';

/** Shows `notice` in the page's #storage-notice, in the page's language; nothing hides it. */
export function showStorageNotice(notice: StorageNotice): void {
  const el = document.getElementById('storage-notice');
  if (!el) return;
  el.textContent = notice ? (el.dataset[notice] ?? '') : '';
  el.hidden = !notice;
}
