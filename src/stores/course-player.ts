// The self-paced course's player: its runs are saved in the learner's progress, resume on return
// and stay in step with other tabs (see synced-player.ts).
import type { Points } from '../engine/types.ts';
import type { PlayableScenario } from './player.ts';
import { $progress, recordResult, saveRun, startProgress } from './progress.ts';
import { createSyncedPlayer } from './synced-player.ts';

/** A player for one scenario of the course; `onFollowed` hears when it took over another tab's newer run. */
export function createCoursePlayer(scenario: PlayableScenario, top: Points, onFollowed: () => void) {
  return createSyncedPlayer(
    scenario,
    top,
    {
      read: () => $progress.get().scenarios[scenario.id]?.run,
      write: (run, from) => saveRun(scenario.id, run, from),
      listen(changed) {
        startProgress();
        return $progress.listen(changed);
      },
    },
    onFollowed,
    { onComplete: (result) => recordResult(scenario.id, result) },
  );
}
