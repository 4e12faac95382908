// The self-paced course's player: its runs are saved in the learner's progress, resume on return
// and stay in step with other tabs. A change is saved only over the run it was made from; where
// another tab has moved the run on, this tab shows that run instead (and says so), so no stale
// tab replaces newer progress.
import { serialiseRun, type RestoreResult } from '../engine/index.ts';
import { createPlayer, type PlayableScenario } from './player.ts';
import { $progress, recordResult, sameRun, saveRun } from './progress.ts';
import { rescoreSaved } from './results.ts';

/**
 * A player for one scenario of the course. `onFollowed` hears each time the player took over a
 * run another tab saved (for the page to say so). Call open() once the page runs.
 */
export function createCoursePlayer(scenario: PlayableScenario, onFollowed: () => void) {
  const saved = () => $progress.get().scenarios[scenario.id]?.run;
  // Shows the saved run where it is another than the player's. The player shows each change
  // before saving it, so its own saves never look like another tab's. False, for a refused save.
  const follow = (): false => {
    const run = saved();
    if (!sameRun(run, serialiseRun(scenario, player.$run.get()))) {
      onFollowed();
      // No saved run: another tab reset the progress, and this tab starts afresh too (its restart
      // is shown, and its save refused as made from the old run).
      if (run) player.resume(run, 'follow');
      else player.restart();
    }
    return false;
  };
  const player = createPlayer(scenario, {
    // A change is saved only over the run it was made from; refused, the tab follows the newer run.
    onRun: (run, _change, from) => saveRun(scenario.id, serialiseRun(scenario, run), serialiseRun(scenario, from)) || follow(),
    onComplete: (result) => recordResult(scenario.id, result),
  });
  return {
    player,
    /** Resumes the saved run and starts following: how it resumed, and the function that stops following. */
    open(): [restored: RestoreResult | undefined, stop: () => void] {
      // Results saved under the earlier rules, with the run that reached them, count again from here on.
      rescoreSaved(scenario);
      return [player.resume(saved()), $progress.listen(follow)];
    },
  };
}
