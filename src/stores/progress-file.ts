// The learner's progress as a whole, for the progress page: the certificate's name, a reset, and
// progress as a file the learner can keep: export, and an import that accepts only a well-formed
// file (of this format or an earlier one, migrated) and otherwise changes nothing; the page asks
// before a good file replaces what is there. Apart from progress.ts, which the scenario pages load too.
import { atom } from 'nanostores';
import type { Vars } from '../i18n/messages.ts';
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

/**
 * The name the certificate prints: the learner's, without the spaces around it; undefined when
 * none was typed or it is blank, and the certificate then prints a line to write one on.
 */
export const certificateName = (progress: Progress): string | undefined => progress.name?.trim() || undefined;

/** Keeps the name the learner types for the certificate, at most 200 characters (as saved progress allows). */
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

/** The name of an exported progress file: the course's name and the day it was made, e.g. checks-in-the-mail-progress-2026-12-02.json. */
export function progressFileName(now: Date): string {
  return `checks-in-the-mail-progress-${now.toISOString().slice(0, 10)}.json`;
}

/** A line the progress page shows under its data buttons, as a message key and its values; `error` for a refused file. */
export interface DataMessage {
  key: string;
  values?: Vars;
  error: boolean;
}

/** How long the page's message line stays empty before it says again what it already says. */
export const repeatGap = 100;

const sameMessage = (a: DataMessage | undefined, b: DataMessage | undefined): boolean =>
  a !== undefined && b !== undefined && a.key === b.key && a.error === b.error && JSON.stringify(a.values) === JSON.stringify(b.values);

/**
 * The progress page's data actions: export, import (a well-formed file waits for the learner's
 * answer before it replaces anything) and reset, and `$message`, what the page says of the last
 * of them.
 */
export function createProgressData() {
  const $message = atom<DataMessage | undefined>(undefined);
  let incoming: Progress | undefined;
  let pending: ReturnType<typeof setTimeout> | undefined;
  /**
   * Puts `message` in `$message`. A screen reader announces a live region when its text changes,
   * so a message the same as the one shown (a second export on the same day names the same file)
   * would go unheard: the line is emptied first and says it again `repeatGap` ms later, long
   * enough for the browser to render the empty line in between.
   */
  const say = (message: DataMessage | undefined) => {
    clearTimeout(pending);
    pending = undefined;
    if (!sameMessage($message.get(), message)) {
      $message.set(message);
      return;
    }
    $message.set(undefined);
    pending = setTimeout(() => {
      pending = undefined;
      $message.set(message);
    }, repeatGap);
  };
  return {
    $message,
    /** The saved progress as a file to download: its name, JSON and MIME type; `$message` names the file. */
    exportFile(now = new Date()): { name: string; content: string; type: string } {
      const name = progressFileName(now);
      say({ key: 'progress.exported', values: { file: name }, error: false });
      return { name, content: exportProgress(now), type: 'application/json' };
    },
    /**
     * Reads a chosen file's text: true when it is well-formed, and then waits for `confirmImport`
     * or `cancelImport`; false when it is refused, and `$message` says why (an error).
     */
    choose(text: string): boolean {
      const result = decodeProgressFile(text);
      incoming = result.ok ? result.progress : undefined;
      say(result.ok ? undefined : { key: `progress.importError.${result.reason}`, values: { detail: result.detail }, error: true });
      return result.ok;
    },
    /** The learner agreed: the waiting file replaces the progress. */
    confirmImport(): void {
      if (incoming) replaceProgress(incoming);
      incoming = undefined;
      say({ key: 'progress.imported', error: false });
    },
    /** The learner said no (Cancel, Escape): the waiting file is dropped, nothing changes. */
    cancelImport(): void {
      incoming = undefined;
      say({ key: 'progress.importCancelled', error: false });
    },
    /** Empties the progress (the learner confirmed). */
    reset(): void {
      resetProgress();
      say({ key: 'progress.wasReset', error: false });
    },
  };
}
