// Saved progress as plain functions: read and decoded, changed and written back, heard from other
// tabs. The reading pages (home, lessons) use these alone, without a store library or the engine,
// which keeps them within their 3 KB; progress.ts builds the store the islands share on them.
import { readItem, storageState, writeItem } from './storage.ts';
import { progressKey } from '../browser/storage-keys.ts';
import { decodeProgress, emptyProgress, encodeProgress, type Progress } from './progress-format.ts';

/**
 * Why the learner should hear about storage: something had to be reset, nothing can be saved, or
 * what is saved was written by a newer version of the course (kept, and not saved over).
 */
export type StorageNotice = 'reset' | 'unavailable' | 'newer' | undefined;

/**
 * Decodes saved progress (`null`: nothing saved). Never throws: unreadable JSON gives empty
 * progress, a damaged part is dropped with a console warning, and `reset` says either happened.
 * Progress of a newer format version is read as empty and marked `newer`: it must not be written over.
 */
export function loadProgress(raw: string | null): { progress: Progress; reset: boolean; newer: boolean } {
  if (raw === null) return { progress: emptyProgress(), reset: false, newer: false };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    console.warn('Saved progress was unreadable and has been reset.', error);
    return { progress: emptyProgress(), reset: true, newer: false };
  }
  const { progress, dropped, newer } = decodeProgress(value);
  if (newer !== undefined) {
    console.warn(`Saved progress is from a newer version (format ${newer}): kept, and not saved over.`);
    return { progress, reset: false, newer: true };
  }
  if (dropped.length > 0) console.warn(`Unreadable parts of saved progress were dropped: ${dropped.join(', ')}`);
  return { progress, reset: dropped.length > 0, newer: false };
}

const unavailable = (): StorageNotice => (storageState() === 'unavailable' ? 'unavailable' : undefined);

/**
 * Reads saved progress at a page's start. Where a part had to be dropped, what survived is written
 * back at once, so the learner is told once ('reset') and not on every visit; where nothing can
 * be saved, the notice is 'unavailable'.
 */
export function readProgress(): { progress: Progress; notice: StorageNotice } {
  const { progress, reset, newer } = loadProgress(readItem(progressKey));
  if (newer) return { progress, notice: 'newer' };
  if (!reset) return { progress, notice: unavailable() };
  writeItem(progressKey, encodeProgress(progress));
  return { progress, notice: 'reset' };
}

/**
 * Applies `change` to progress as saved now (another tab may have written since this one last
 * heard) and saves the result. The notice is 'unavailable' when saving stopped working, which can
 * happen part-way through a visit (a full disk). Progress saved by a newer version of the course
 * is never written over: the change is then applied to `current` (this page's copy, if it keeps
 * one) and not saved, and the notice is 'newer'.
 */
export function updateProgress(change: (p: Progress) => Progress, current?: Progress): { progress: Progress; notice: StorageNotice } {
  const saved = loadProgress(readItem(progressKey));
  if (saved.newer) return { progress: change(current ?? saved.progress), notice: 'newer' };
  const progress = change(saved.progress);
  writeItem(progressKey, encodeProgress(progress));
  return { progress, notice: unavailable() };
}

/**
 * Calls `listener` with the progress another tab has just saved. Progress a newer version of the
 * course saved is not heard: this page cannot read it, and its own copy must not turn empty.
 */
export function onProgressSaved(listener: (progress: Progress) => void): void {
  addEventListener('storage', (event) => {
    if (event.key !== progressKey) return;
    const saved = loadProgress(event.newValue);
    if (!saved.newer) listener(saved.progress);
  });
}
