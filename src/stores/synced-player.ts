// A scenario player whose run is saved where other tabs see it, kept in step with them: a
// change is saved only over the run it was made from, and where another tab has moved the run
// on, this tab shows that run instead (and says so), so no stale tab replaces newer progress.
// The course player saves into the learner's progress (course-player.ts).
import { serialiseRun, type RestoreResult } from '../engine/index.ts';
import { sameRun, type StoredRun } from '../engine/stored-run.ts';
import type { Points } from '../engine/types.ts';
import { createPlayer, type PlayableScenario, type PlayerOptions } from './player.ts';

/** Where a player's run is saved, shared with other tabs. */
export interface RunStore {
  /** The run saved now, if any. */
  read(): StoredRun | undefined;
  /** Saves `run` over `from`; false, writing nothing, when the saved run is another by now. */
  write(run: StoredRun, from: StoredRun): boolean;
  /** Calls `changed` whenever the saved run may have changed (another tab's save); returns a function that stops. */
  listen(changed: () => void): () => void;
}

/**
 * A player over a run store. `onFollowed` hears each time the player took over a run another tab
 * saved (for the page to say so). Call open() once the page runs: it starts following, resumes
 * the saved run and says how; its `stop` stops following.
 */
export function createSyncedPlayer(
  scenario: PlayableScenario,
  top: Points,
  store: RunStore,
  onFollowed: () => void,
  options: Omit<PlayerOptions, 'save'> = {},
) {
  // While this tab saves, the store's change is its own, not another tab's.
  let saving = false;
  const follow = () => {
    const saved = store.read();
    if (sameRun(saved, serialiseRun(scenario, player.$run.get()))) return;
    player.follow(saved);
    onFollowed();
  };
  const player = createPlayer(scenario, top, {
    ...options,
    save(run, from) {
      saving = true;
      try {
        const done = store.write(serialiseRun(scenario, run), serialiseRun(scenario, from));
        if (!done) follow();
        return done;
      } finally {
        saving = false;
      }
    },
  });
  return {
    player,
    open(): { restored: RestoreResult | undefined; stop: () => void } {
      const stop = store.listen(() => {
        if (!saving) follow();
      });
      return { restored: player.resume(store.read()), stop };
    },
  };
}
