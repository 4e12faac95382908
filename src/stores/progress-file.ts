// The learner's progress as a whole, for the progress page: the certificate's name, a reset, and
// progress as a file the learner can keep: export, and an import that accepts only a well-formed
// file (of this format or an earlier one, migrated) and otherwise changes nothing; the page asks
// before a good file replaces what is there. Apart from progress.ts, which the scenario pages load too.
import { decodeProgress, emptyProgress, progressFormat, type Progress } from './progress-format.ts';
import { encodeVersioned } from './persisted.ts';
import { $progress, update } from './progress.ts';

export const progressFileKind = 'checks-in-the-mail/progress';

export type ImportResult =
  | { ok: true; progress: Progress }
  | { ok: false; reason: 'not-json' | 'not-progress' | 'version' | 'malformed'; detail: string };

/**
 * Reads an exported progress file; anything short of a well-formed file is refused whole: one in a
 * format version this course cannot read (`version`, with the version as the file gives it), or
 * with any part the decoder had to drop (`malformed`, naming the parts).
 */
export function decodeProgressFile(text: string): ImportResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: 'not-json', detail: error instanceof Error ? error.message : String(error) };
  }
  if (typeof value !== 'object' || value === null || (value as Record<string, unknown>)['kind'] !== progressFileKind)
    return { ok: false, reason: 'not-progress', detail: 'kind' };
  // A file of an earlier version is migrated like stored progress (see decodeProgress).
  const { progress, dropped, kept } = decodeProgress(value);
  if (kept) return { ok: false, reason: 'version', detail: JSON.stringify((value as Record<string, unknown>)['v']) ?? '—' };
  return dropped.length > 0 ? { ok: false, reason: 'malformed', detail: dropped.join(', ') } : { ok: true, progress };
}

export function progressFile(progress: Progress, now: Date): string {
  return JSON.stringify({ kind: progressFileKind, exportedAt: now.toISOString(), ...encodeVersioned(progressFormat, progress) }, null, 2);
}

export function exportProgress(now = new Date()): string {
  return progressFile($progress.get(), now);
}

export function setCertificateName(name: string): void {
  update((p) => ({ ...p, name: name.slice(0, 200) }));
}

export function resetProgress(): void {
  update(() => emptyProgress());
}

/** Replaces all progress, e.g. with an imported file's once the learner has agreed to it. */
export function replaceProgress(progress: Progress): void {
  update(() => progress);
}
