// The learner's progress: one store, saved in this browser, shared by every island and page
// script, kept in step across tabs. Every change is applied to what is saved at that moment, not
// to this tab's copy, so a tab that has not heard of another's save yet merges into it; a run,
// which cannot be merged, is saved only over the run it was made from.
import { atom } from 'nanostores';
import { readItem, storageState, writeItem } from './storage.ts';
import { countedResult, decodeProgress, emptyProgress, encodeProgress, type Progress, type ScenarioResult } from './progress-format.ts';
import type { StoredRun } from '../engine/stored-run.ts';

export const storageKey = 'checks-in-the-mail/progress';

/**
 * Why the learner should hear about storage: something had to be reset, nothing can be saved, or
 * what is saved was written by a newer version of the course (kept, and not saved over).
 */
export type StorageNotice = 'reset' | 'unavailable' | 'newer' | undefined;

export const $progress = atom<Progress>(emptyProgress());
export const $storageNotice = atom<StorageNotice>(undefined);

interface Loaded {
  progress: Progress;
  /** Parts could not be read and were left out. */
  reset: boolean;
  /** Saved by a newer version of the course: none of it is read, and it must not be written over. */
  newer: boolean;
}

function load(raw: string | null): Loaded {
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
    console.warn(`Saved progress is in format version ${newer}, newer than this page reads: it is kept as it is and not saved over.`);
    return { progress, reset: false, newer: true };
  }
  if (dropped.length > 0) console.warn(`Saved progress had parts that could not be read and were dropped: ${dropped.join(', ')}`);
  return { progress, reset: dropped.length > 0, newer: false };
}

let started = false;

/** Reads saved progress once, in the browser; pages and islands call it before they read the store. */
export function startProgress(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  const { progress, reset, newer } = load(readItem(storageKey));
  $progress.set(progress);
  if (newer) {
    $storageNotice.set('newer');
  } else if (reset) {
    // Write back what survived, so the notice is given once and not on every visit.
    writeItem(storageKey, encodeProgress(progress));
    $storageNotice.set('reset');
  } else if (storageState() === 'unavailable') {
    $storageNotice.set('unavailable');
  }
  window.addEventListener('storage', (event) => {
    if (event.key !== storageKey) return;
    const loaded = load(event.newValue);
    $progress.set(loaded.progress);
    if (loaded.newer) $storageNotice.set('newer');
  });
}

/**
 * Applies a change to the saved progress, as saved now. Progress saved by a newer version of the
 * course is never written over: the change then lives in this page alone, and the learner is told.
 */
export function update(change: (p: Progress) => Progress): void {
  // Start from what is saved now: another tab may have written since this one last heard.
  const saved = readItem(storageKey);
  const loaded = saved === null ? undefined : load(saved);
  if (loaded?.newer) {
    $progress.set(change($progress.get()));
    $storageNotice.set('newer');
    return;
  }
  const next = change(loaded ? loaded.progress : $progress.get());
  $progress.set(next);
  writeItem(storageKey, encodeProgress(next));
  // Saving can stop working part-way through a visit (a full disk): the learner hears of it then.
  if (storageState() === 'unavailable') $storageNotice.set('unavailable');
}

/** Whether two saved runs (or no run, which is a run not started) hold the same decisions. */
export function sameRun(a: StoredRun | undefined, b: StoredRun | undefined): boolean {
  // Steps are pairs of ids: their JSON is equal exactly when the decisions are.
  return JSON.stringify(a?.steps ?? []) === JSON.stringify(b?.steps ?? []);
}

/**
 * Saves a scenario's run, made from the run `from` that this tab knew as saved. Where the saved
 * run is another by now (another tab moved it on), nothing is written and false is returned: a
 * run cannot be merged, and a stale tab must not replace newer progress.
 */
export function saveRun(id: string, run: StoredRun, from: StoredRun | undefined): boolean {
  let saved = false;
  update((p) => {
    const scenario = p.scenarios[id] ?? {};
    saved = sameRun(scenario.run, from);
    return saved ? { ...p, scenarios: { ...p.scenarios, [id]: { ...scenario, run } } } : p;
  });
  return saved;
}

/**
 * Keeps the latest result, and as the best the higher of it and the result the scenario counted
 * so far (see `countedResult`). The counted result may be the last one (re-scored after the
 * migration while the best is still labelled): it moves to the best, so a lower new result never
 * takes it out of both slots and of the certificate. A labelled result cannot be compared with a
 * new one, so a new result takes the place of a best that is labelled and not counted.
 */
export function recordResult(id: string, result: ScenarioResult): void {
  update((p) => {
    const s = p.scenarios[id] ?? {};
    const counted = countedResult(s);
    const best = counted && counted.overall >= result.overall ? counted : result;
    return { ...p, scenarios: { ...p.scenarios, [id]: { ...s, last: result, best } } };
  });
}
