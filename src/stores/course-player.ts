// The self-paced course's player: its runs are saved in the learner's progress, resume on return
// and stay in step with other tabs. A change is saved only over the run it was made from; where
// another tab has moved the run on, this tab shows that run instead (and says so), so no stale
// tab replaces newer progress.
//
// A choice is saved when the browser is idle, not in the click: reading, checking and writing the
// whole progress takes milliseconds a phone needs for showing the choice's consequence. What waits
// is written before anything reads the saved progress again (another tab's save, a result), and
// at once when the page is hidden or left, so nothing is ever lost.
import { atom } from 'nanostores';
import { sameRun, serialiseRun, type RestoreResult, type StoredRun } from '../engine/index.ts';
import { whenIdle } from '../browser/support.ts';
import { readToKey } from '../browser/storage-keys.ts';
import { storageArea } from './storage.ts';
import { createPlayer, movesOn, type PlayableScenario } from './player.ts';
import { $progress, recordResult, saveRun } from './progress.ts';
import { isEmptyProgress, type Progress } from './progress-format.ts';
import { rescoreSaved } from './results.ts';
import { resultOf } from './scenario-result.ts';

/**
 * What the course player tells the learner, as a message key of the locale files: their run
 * resumed (`player.resumedChanged` where the scenario's text changed since), restarted (and why),
 * or taken over from another tab (`player.moved`).
 */
export type CourseNotice =
  | 'player.resumed'
  | 'player.resumedChanged'
  | 'player.restarted.unreadable'
  | 'player.restarted.other-scenario'
  | 'player.restarted.content-changed'
  | 'player.moved';

/** What to tell the learner of how their saved run came back; nothing where there was none to resume, or it had no step. */
export function restoreNotice(restored: RestoreResult | undefined): CourseNotice | undefined {
  if (restored?.status === 'restarted') return `player.restarted.${restored.reason}`;
  if (restored?.status === 'resumed' && restored.run.steps.length > 0)
    return restored.contentChanged ? 'player.resumedChanged' : 'player.resumed';
  return undefined;
}

/**
 * A player for one scenario of the course; `print` is its `fingerprint`. `$notice` says how the
 * saved run came back and, later, each time the player took over a run another tab saved. Call
 * open() once the page runs.
 */
export function createCoursePlayer(scenario: PlayableScenario, print: string) {
  const tab = storageArea('sessionStorage');
  const $notice = atom<CourseNotice | undefined>(undefined);
  const onFollowed = () => $notice.set('player.moved');
  const saved = () => $progress.get().scenarios[scenario.id]?.run;
  /**
   * The run waiting to be saved, the run saved when the first of the choices that wait was made
   * (undefined: none was), which it may be saved over, and the progress this tab knew then.
   */
  let waiting: { run: StoredRun; from: StoredRun | undefined; base: Progress } | undefined;
  /** True while the player restarts to follow another tab's reset. */
  let following = false;
  /** Saves what waits; false where another tab had moved the run on (the tab then shows that run). */
  const flush = (): boolean => {
    if (!waiting) return true;
    const { run, from, base } = waiting;
    waiting = undefined;
    return saveRun(scenario.id, run, from, base) || follow();
  };
  // Shows the saved run where it is another than the player's. The player shows each change
  // before saving it, so its own saves never look like another tab's. False, for a refused save.
  const follow = (): false => {
    // A change of the saved progress while a choice waits: the choice is saved over it, or refused.
    // Progress emptied by another tab (a reset, or storage cleared) takes the choice with it.
    if (waiting && isEmptyProgress($progress.get())) waiting = undefined;
    if (waiting) {
      flush();
      return false;
    }
    const run = saved();
    if (!sameRun(run, serialiseRun(print, player.$run.get()))) {
      onFollowed();
      // No saved run: another tab reset the progress, and this tab starts afresh too; a restart
      // that follows another tab is shown, not saved (the reset left no run to save over).
      if (run) player.resume(run, 'follow');
      else {
        following = true;
        player.restart();
        following = false;
      }
    }
    return false;
  };
  const player = createPlayer(scenario, print, {
    // A change is saved only over the run it was made from; refused, the tab follows the newer run.
    // A choice that goes on waits for an idle moment; one that ends the run, a step back and a
    // restart are saved at once, so a result is never recorded for a run that was refused.
    onRun: (run, change) => {
      if (following) return true;
      // The learner is no longer where they left off, and every notice has been read.
      if (movesOn(change)) $notice.set(undefined);
      waiting = { ...(waiting ?? { from: saved(), base: $progress.get() }), run: serialiseRun(print, run) };
      if (change !== 'choice' || player.$view.get().debrief) return flush();
      whenIdle(flush);
      return true;
    },
    onComplete: (debrief, run) => recordResult(scenario.id, resultOf(debrief, run.steps, new Date())),
  });
  return {
    player,
    $notice,
    /** Resumes the saved run (`$notice` says how) and starts following; returns the function that stops following. */
    open(): () => void {
      // Results saved under the earlier rules, with the run that reached them, count again from here on.
      rescoreSaved(scenario);
      const restored = player.resume(saved());
      const told = restoreNotice(restored);
      if (told) $notice.set(told);
      // A run comes back at its last choice's feedback (createPlayer's resume), unless this tab
      // had read past it (Continue) before the reload: then at the moment that followed. The run
      // saves choices, not reading, so the tab keeps that note for itself (sessionStorage).
      const key = readToKey(scenario.id);
      if (tab.getItem(key) === `${player.$run.get().steps.length}`) player.continueOn();
      const stopReading = player.$view.listen((view) => tab.setItem(key, view.feedback ? '' : `${view.step}`));
      const stopFollowing = $progress.listen(follow);
      const hidden = () => document.visibilityState === 'hidden' && flush();
      addEventListener('pagehide', flush);
      addEventListener('visibilitychange', hidden);
      return () => {
        flush();
        stopFollowing();
        stopReading();
        removeEventListener('pagehide', flush);
        removeEventListener('visibilitychange', hidden);
      };
    },
  };
}
