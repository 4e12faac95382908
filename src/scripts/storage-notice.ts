// Shows the storage notice (progress reset, or nothing can be saved) on pages without islands.
import { $storageNotice } from '../stores/progress.ts';

export function showStorageNotice(): void {
  const el = document.getElementById('storage-notice');
  if (!el) return;
  $storageNotice.subscribe((notice) => {
    el.textContent = notice ? (el.dataset[notice] ?? '') : '';
    el.hidden = !notice;
  });
}
