// An embedded scenario's player: its run kept the one way values are kept in this browser
// (persisted.ts), under its own key, or in memory where the frame may not store or was told not
// to remember; every step reported to the host page. Like the course's runs, a change is saved
// only over the run the frame last knew as saved, and the frame follows a run another frame of
// the same scenario saved (in another tab, or twice on one page), so a stale frame never
// replaces a run that moved on. It uses persisted.ts's plain functions, not a store of them:
// nanostores' lifecycle would weigh on a page that fits its budget by bytes.
import { persisted, type Format } from './persisted.ts';
import { createPlayer, type PlayableScenario } from './player.ts';
import { decodeStoredRun, sameRun, storedRunVersion, type StoredRun } from '../engine/stored-run.ts';
import type { HostLink } from '../embed/frame-bridge.ts';
import type { EmbedOptions } from '../embed/protocol.ts';
import { storageState, useMemoryOnly } from './storage.ts';
import { embedRunKey } from '../browser/storage-keys.ts';

/**
 * How an embedded run of `scenario` (whose fingerprint is `print`) is saved: the stored run itself,
 * `{ v: 1, scenario, fingerprint, steps }` (engine/stored-run.ts), so the format's version is the
 * stored run's, and what earlier versions of the frame saved reads as it is. Nothing saved, and a
 * run that cannot be read, are the run not started (what cannot be read is said once, and left out).
 */
function embedRunFormat(scenario: string, print: string): Format<StoredRun> {
  const empty = (): StoredRun => ({ v: storedRunVersion, scenario, fingerprint: print, steps: [] });
  return {
    version: storedRunVersion,
    up: {},
    decode(saved) {
      const run = decodeStoredRun(saved);
      return run ? { value: run, dropped: [] } : { value: empty(), dropped: ['the run, which starts afresh'] };
    },
    encode: (run) => run,
    empty,
  };
}

/**
 * The player of an embedded scenario (`print`: its fingerprint), which saves its run and reports
 * each choice, step back, restart and ending to the host. `onFollowed` hears when the frame took
 * over a run another frame saved. Call `open` once the page runs.
 * @returns player: the player, whose changes are refused (and not reported) where the saved run
 *   had moved on, the player then showing that run; open: links the host with the frame's options
 *   (from its query string), tells it the settings the frame plays with, resumes the saved run
 *   and, with `remember`, follows other frames' saves; returns the function that stops following.
 *   Without `remember`, storage is kept in memory (storage.ts's useMemoryOnly), and the run lives
 *   there; "remember" is reported as on only where the frame has storage to remember with.
 */
export function createEmbedPlayer(scenario: PlayableScenario, print: string, onFollowed: () => void) {
  const kept = persisted(embedRunKey(scenario.id), embedRunFormat(scenario.id, print));
  let host: HostLink = { send() {} };
  /** The run this frame last knew as saved (read, followed or saved by it): a change is saved only over it. */
  let known: StoredRun;
  // Shows the saved run where it is another than the one on screen; false, for a refused change.
  const follow = (saved: StoredRun): false => {
    known = saved;
    if (!sameRun(saved, player.serialise(player.$run.get()))) {
      onFollowed();
      player.resume(saved, 'follow');
    }
    return false;
  };
  const player = createPlayer(scenario, print, {
    onChoice: (step, points) => host.send('choice', { ...step, points }),
    onRun(run, change) {
      const stored = player.serialise(run);
      // Where what is saved is never written over (a newer version's), the change goes on in this page.
      const { value } = kept.update((saved) => (sameRun(saved, known) ? stored : saved), known);
      if (value !== stored) return follow(value);
      known = stored;
      if (change === 'undo') host.send('undo', { step: run.steps.length });
      else if (change === 'restart') host.send('restart', {});
      return true;
    },
    onComplete: ({ ending, grade, overall, principles }) =>
      host.send('complete', {
        ending: ending.id,
        tone: ending.tone,
        grade,
        overall,
        principles: principles.map(({ principle, earned, counted, max }) => ({ principle, earned, counted, max })),
      }),
  });
  return {
    player,
    open(link: HostLink, { remember, undo, hideScore }: EmbedOptions): () => void {
      host = link;
      if (!remember) useMemoryOnly();
      // "remember" reports what the frame can do: a sandboxed frame has no storage to remember with.
      host.send('settings', { undo, remember: remember && storageState() === 'ok', hideScore });
      known = kept.read().value;
      player.resume(known, 'open');
      return remember ? kept.listen(follow) : () => {};
    },
  };
}
