// The player inside an LMS package, reporting to SCORM 1.2 or cmi5: the first ending reached is
// the result the LMS keeps (SCORM and xAPI records cannot be taken back); playing again after it
// is practice, reported to no one, and the learner is told.
import { atom, computed, onMount, type ReadableAtom } from 'nanostores';
import type { PlayableScenario } from '../engine/play-view.ts';
import type { Run } from '../engine/index.ts';
import type { ScenarioResult } from './progress-format.ts';
import { createPlayer, movesOn, type Player, type PlayerView } from './player.ts';
import { resultOf } from './scenario-result.ts';
import { connectScorm, findScormApi } from '../lms/scorm12.ts';
import { Cmi5Refused, cmi5Launch, connectCmi5 } from '../lms/cmi5.ts';
import { tabSession } from './cmi5-session.ts';

/** What the learner is told, as message keys of the locale files. */
export type LmsNotice =
  | 'lms.practice'
  | 'lms.noScorm'
  | 'lms.notSaved'
  | 'lms.noCmi5'
  | 'lms.relaunch'
  | 'lms.unreachable'
  | 'lms.runUnreadable'
  | 'player.resumed';

interface Reporter {
  choice(node: string, choice: string, points: Record<string, number>): void;
  complete(result: ScenarioResult): void;
}

/** What the island shows: the player's view, and what the learner is told, if anything. */
export interface LmsState {
  view: PlayerView;
  notice: LmsNotice | undefined;
}

/** The LMS player: the player's actions, and `$state`, whose first listener opens the LMS session. */
export interface LmsPlayer {
  player: Player;
  $state: ReadableAtom<LmsState>;
}

/**
 * A player for `scenario` that reports to the LMS: SCORM 1.2 through the `API` object of a parent
 * window (or the opener), cmi5 through the launch parameters in `search` (`site`: the base of the
 * xAPI extension IRIs). `print` is the scenario's `fingerprint`; a saved run resumes.
 *
 * Nothing connects until `$state` has a listener (nanostores' onMount): then the session opens,
 * and a saved run resumes. The notice says what the learner should be told: a missing LMS, a
 * refused write (which stays: the practice notice never hides it), a failed or refused cmi5
 * launch, practice, a resumed run. When the last listener has gone (after nanostores' unmount
 * delay, 1 s), or earlier when the page is hidden for good (`pagehide`), a SCORM session is
 * finished, once, and the `pagehide` listener removed. A cmi5 session is not terminated then: a
 * reload continues it, and one left before the ending is the LMS's to record as abandoned; a
 * connection that settles after the end reports nothing.
 */
export function createLmsPlayer(
  scenario: PlayableScenario,
  print: string,
  mode: 'scorm12' | 'cmi5',
  options: { site: string; search: string; window: Window },
): LmsPlayer {
  const $notice = atom<LmsNotice | undefined>(undefined);
  let reporter: Reporter | undefined;
  let recorded = false;
  let refused = false;
  let keepRun: ((run: Run) => void) | undefined;
  const notify = (notice: LmsNotice) => $notice.set(notice);
  const player = createPlayer(scenario, print, {
    onRun: (run, change) => {
      // "Welcome back" goes as in the course player, and so does "starts afresh"; the other notices (a refused write) stay.
      if (movesOn(change) && ($notice.get() === 'player.resumed' || $notice.get() === 'lms.runUnreadable')) $notice.set(undefined);
      keepRun?.(run);
    },
    onChoice: (step, points) => {
      if (!recorded) reporter?.choice(step.node, step.choice, points);
      else if (reporter && !refused) notify('lms.practice');
    },
    onComplete: (debrief, run) => {
      if (recorded) return;
      recorded = true;
      reporter?.complete(resultOf(debrief, run.steps, new Date()));
    },
  });
  const resumed = (saved: unknown) => {
    const restored = player.resume(saved);
    return restored?.status === 'resumed' && restored.run.steps.length > 0;
  };

  /** Opens the SCORM 1.2 session; returns what ends it. */
  const openScorm = (): (() => void) | undefined => {
    const api = findScormApi(options.window);
    if (!api) {
      notify('lms.noScorm');
      return undefined;
    }
    const scorm = connectScorm(api, () => {
      refused = true;
      notify('lms.notSaved');
    });
    recorded = scorm.practiceOnly;
    if (resumed(scorm.suspended())) notify('player.resumed');
    reporter = {
      choice: (node, choice) => {
        const moment = scenario.nodes.find((n) => n.id === node);
        scorm.interaction(node, choice, moment?.type === 'decision' ? moment.choices.findIndex((c) => c.id === choice) : -1);
        scorm.suspend(player.serialise(player.$run.get()));
      },
      complete: (result) => {
        scorm.suspend(player.serialise(player.$run.get()));
        scorm.complete(result);
      },
    };
    const finish = () => {
      options.window.removeEventListener('pagehide', finish);
      reporter = undefined;
      scorm.finish();
    };
    options.window.addEventListener('pagehide', finish);
    return finish;
  };

  /** Opens the cmi5 session; returns what detaches from it. */
  const openCmi5 = (): (() => void) | undefined => {
    const launch = cmi5Launch(options.search);
    if (!launch) {
      notify('lms.noCmi5');
      return undefined;
    }
    let ended = false;
    // Choices made while connecting wait, and are sent once connected unless the session is practice.
    const pending: (() => void)[] = [];
    reporter = {
      choice: (...args) => pending.push(() => reporter?.choice(...args)),
      complete: (result) => pending.push(() => reporter?.complete(result)),
    };
    let flush: (() => void) | undefined;
    connectCmi5(launch, options.site, tabSession).then(
      (cmi5) => {
        if (ended) return;
        recorded = cmi5.practiceOnly;
        // A reload continues the session: the learner is back where they were, nothing is sent twice.
        if (cmi5.savedRun !== undefined && player.$run.get().steps.length === 0) {
          pending.length = 0;
          if (resumed(cmi5.savedRun)) notify('player.resumed');
        }
        if (cmi5.runUnreadable) notify('lms.runUnreadable');
        keepRun = (run) => cmi5.keepRun(player.serialise(run), player.$view.get().debrief !== undefined);
        // A run not started yet is not kept: it would take the place of one the LRS could not give back.
        if (player.$run.get().steps.length > 0) keepRun(player.$run.get());
        reporter = {
          choice: (node, choice, points) => void cmi5.answered(node, choice, points),
          complete: (result) =>
            void cmi5.complete(result).then((accepted) => {
              if (accepted || ended) return;
              refused = true;
              notify('lms.notSaved');
            }),
        };
        // What waits behind a request on its way goes at once when the window closes, not never.
        flush = cmi5.flush;
        options.window.addEventListener('pagehide', flush);
        for (const send of pending.splice(0)) if (!recorded) send();
      },
      (error: unknown) => {
        console.warn('cmi5 launch failed', error);
        // Nothing is sent: a refused launch needs a new one from the LMS, which the learner is told.
        reporter = undefined;
        pending.length = 0;
        if (!ended) notify(error instanceof Cmi5Refused ? 'lms.relaunch' : 'lms.unreachable');
      },
    );
    return () => {
      ended = true;
      reporter = undefined;
      keepRun = undefined;
      pending.length = 0;
      if (flush) options.window.removeEventListener('pagehide', flush);
    };
  };

  const $state = computed([player.$view, $notice], (view, notice): LmsState => ({ view, notice }));
  onMount($state, () => (mode === 'scorm12' ? openScorm() : openCmi5()));
  return { player, $state };
}
