// The learner's progress: one store, saved in this browser, shared by every island and page
// script, kept in step across tabs. Every change is applied to what is saved at that moment, not
// to this tab's copy, so a tab that has not heard of another's save yet merges into it; a run,
// which cannot be merged, is saved only over the run it was made from. Reading and saving are
// saved-progress.ts's, which the reading pages use without this store; the store reads when
// something first listens (nanostores' onMount).
import { countedResult, emptyProgress, isEmptyProgress, type Progress, type ScenarioResult } from './progress-format.ts';
import { atom } from 'nanostores';
import { savedProgress } from './saved-progress.ts';
import type { StorageNotice } from './persisted.ts';
import { persistedAtom, updatePersisted } from './persisted-store.ts';
import { storageTakesWrites } from './storage.ts';
import { sameRun, type StoredRun } from '../engine/stored-run.ts';

/** What the learner should hear about storage (see StorageNotice). */
export const $storageNotice = /* @__PURE__ */ atom<StorageNotice>(undefined);
/** The learner's progress, read from storage when first listened to (or read), following other tabs. */
export const $progress = /* @__PURE__ */ persistedAtom(savedProgress, emptyProgress, $storageNotice);

/**
 * Tells the learner progress cannot be saved where storage reads but refuses a write (full, or
 * writes blocked), unless something else is said already: for a page that shows what is saved
 * and writes nothing on its own, where the notice would otherwise never come.
 */
export function noticeRefusedWrites(): void {
  if (!$storageNotice.get() && !storageTakesWrites()) $storageNotice.set('unavailable');
}

/**
 * Applies a change to the saved progress, as saved now (see Persisted.update); where what is saved
 * is of a newer version, which is never written over, to this page's copy.
 */
export const update = (change: (p: Progress) => Progress): void => updatePersisted(savedProgress, $progress, $storageNotice, change);

/**
 * Saves a scenario's run, made from the run `from` that this tab knew as saved (undefined: none
 * was) while it knew the progress as `base`. Where the saved run is another by now (another tab
 * moved it on, restarted it, or reset the progress and so removed it), nothing is written and
 * false is returned: a run cannot be merged, and a stale tab must not replace newer progress or
 * undo a reset. A run made from none is not saved either where the progress holds nothing now
 * but held something in `base`: another tab reset it since.
 */
export function saveRun(id: string, run: StoredRun, from: StoredRun | undefined, base: Progress): boolean {
  let saved = false;
  update((p) => {
    const scenario = p.scenarios[id] ?? {};
    saved =
      from === undefined
        ? scenario.run === undefined && !(isEmptyProgress(p) && !isEmptyProgress(base))
        : scenario.run !== undefined && sameRun(scenario.run, from);
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
