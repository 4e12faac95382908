// The learner's progress: one store, saved in this browser, shared by every island and page
// script, kept in step across tabs. Every change is applied to what is saved at that moment, not
// to this tab's copy, so a tab that has not heard of another's save yet merges into it; a run,
// which cannot be merged, is saved only over the run it was made from. Reading and saving are
// saved-progress.ts's, which the reading pages use without this store.
import { atom } from 'nanostores';
import { countedResult, emptyProgress, type Progress, type ScenarioResult } from './progress-format.ts';
import { onProgressSaved, readProgress, updateProgress, type StorageNotice } from './saved-progress.ts';
import type { StoredRun } from '../engine/stored-run.ts';

export const $progress = atom<Progress>(emptyProgress());
export const $storageNotice = atom<StorageNotice>(undefined);

let started = false;

/** Reads saved progress once, in the browser; pages and islands call it before they read the store. */
export function startProgress(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  const { progress, notice } = readProgress();
  $progress.set(progress);
  $storageNotice.set(notice);
  onProgressSaved((saved) => $progress.set(saved));
}

/**
 * Applies a change to the saved progress, as saved now (see updateProgress); where what is saved
 * is of a newer version, which is never written over, to this page's copy.
 */
export function update(change: (p: Progress) => Progress): void {
  const { progress, notice } = updateProgress(change, $progress.get());
  $progress.set(progress);
  if (notice) $storageNotice.set(notice);
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
