// An embedded scenario's run, kept in this browser (or in memory, where the frame may not store)
// under its own key. Like the course's runs, a change is saved only over the run it was made
// from, and the frame follows a run that another frame of the same scenario saved (in another
// tab, or twice on one page), so a stale frame never replaces a run that moved on.
import type { createPlayer, PlayerOptions } from './player.ts';
import { readItem, writeItem } from './storage.ts';
import { embedRunKey } from '../browser/storage-keys.ts';

type Player = ReturnType<typeof createPlayer>;

/**
 * Saving and following for an embedded scenario's player. `remember()` says whether runs are kept
 * at all (the embed's `remember` option); `onFollowed` hears when the frame took over a run
 * another frame saved. Pass `onRun` to createPlayer and call `open(player)` once the page runs.
 * @returns onRun: the player's hook, false where the change was refused (the caller then shows
 *   the saved run); open: resumes the saved run and starts following, returning the function
 *   that stops following.
 */
export function embedRun(scenario: string, remember: () => boolean, onFollowed: () => void) {
  const key = embedRunKey(scenario);
  let player: Player | undefined;
  const text = (run: Parameters<Player['serialise']>[0]) => JSON.stringify(player!.serialise(run));
  const resume = (saved: string, on: 'open' | 'follow') => {
    try {
      player!.resume(JSON.parse(saved), on);
    } catch (error) {
      console.warn('The saved run of this embedded scenario was unreadable; starting afresh.', error);
    }
  };
  // Shows the saved run where it is another than the one on screen.
  const follow = (): false => {
    const saved = readItem(key);
    if (saved && player && saved !== text(player.$run.get())) {
      onFollowed();
      resume(saved, 'follow');
    }
    return false;
  };
  const onRun: NonNullable<PlayerOptions['onRun']> = (run, _change, from) => {
    if (!remember()) return true;
    const saved = readItem(key);
    if (saved !== null && saved !== text(from)) return follow();
    writeItem(key, text(run));
    return true;
  };
  return {
    onRun,
    open(opened: Player): () => void {
      player = opened;
      if (!remember()) return () => {};
      const saved = readItem(key);
      if (saved) resume(saved, 'open');
      const heard = (event: StorageEvent) => {
        if (event.key === key) follow();
      };
      addEventListener('storage', heard);
      return () => removeEventListener('storage', heard);
    },
  };
}
