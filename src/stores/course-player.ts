// The self-paced course's player: its runs are saved in this browser's progress, resume on
// return, and stay in step with other tabs. A change is saved only over the run it was made
// from; where another tab has moved the run on, this tab shows that run instead (and says so),
// so no stale tab replaces newer progress.
import { serialiseRun, type RestoreResult } from '../engine/index.ts';
import type { Points } from '../engine/types.ts';
import { createPlayer, type PlayableScenario } from './player.ts';
import { $progress, recordResult, sameRun, saveRun, startProgress } from './progress.ts';

/**
 * A player for one scenario of the course. `onFollowed` hears each time the player took over a
 * run another tab saved (for the page to say so). Call open() once the page runs: it resumes the
 * saved run and starts following; its result stops following.
 */
export function createCoursePlayer(scenario: PlayableScenario, top: Points, onFollowed: () => void) {
  const saved = () => $progress.get().scenarios[scenario.id]?.run;
  // While this tab saves, the store's change is its own, not another tab's.
  let saving = false;
  const follow = () => {
    if (sameRun(saved(), serialiseRun(scenario, player.$run.get()))) return;
    player.follow(saved());
    onFollowed();
  };
  const player = createPlayer(scenario, top, {
    save(run, from) {
      saving = true;
      try {
        const done = saveRun(scenario.id, serialiseRun(scenario, run), serialiseRun(scenario, from));
        if (!done) follow();
        return done;
      } finally {
        saving = false;
      }
    },
    onComplete: (result) => recordResult(scenario.id, result),
  });
  return {
    player,
    /** Resumes the saved run and follows other tabs' saves; returns how it resumed, and a function that stops following. */
    open(): { restored: RestoreResult | undefined; stop: () => void } {
      startProgress();
      const restored = player.resume(saved());
      const stop = $progress.listen(() => {
        if (!saving) follow();
      });
      return { restored, stop };
    },
  };
}
