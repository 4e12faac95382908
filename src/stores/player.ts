// The state of one scenario player: the run, and whether the feedback of the last decision is
// still on screen. Components read $view and call the actions; the engine does the rest.
import { atom } from 'nanostores';
import {
  choose,
  findChoice,
  findNode,
  isDecision,
  restoreRun,
  runState,
  serialiseRun,
  startRun,
  textFor,
  undo,
  type RestoreResult,
  type Run,
} from '../engine/index.ts';
import type { DecisionNode, EndingNode, Meters, Points, Step } from '../engine/types.ts';
import { feedbackFor, playerDebrief, type Feedback, type PlayableScenario, type PlayerDebrief } from '../engine/play-view.ts';

export type {
  Debrief,
  Feedback,
  PlayableScenario,
  PlayerDebrief,
} from '../engine/play-view.ts';

export interface PlayerView {
  /** The decision or ending on screen (the one reached after the feedback). */
  node: DecisionNode<string> | EndingNode<string>;
  /** The decision's situation as it reads on this path; empty at an ending. */
  situation: string;
  meters: Meters;
  /** The day of the story on screen: the feedback's moment's while it shows, else the node's. */
  day: number;
  /** How many decisions have been taken. */
  step: number;
  /** The nodes visited so far, in order, the current one last. */
  visited: string[];
  /** The feedback of the last decision, while it is on screen. */
  feedback?: Feedback;
  debrief?: PlayerDebrief;
}

/** A change of a run, as `PlayerOptions.onRun` is told it. */
export type RunChange = 'choice' | 'undo' | 'restart';

/**
 * Whether a change takes the learner past where a resumed run left them (a new choice, playing
 * again), so a "welcome back" has been read; a step back is still the run they came back to.
 */
export const movesOn = (change: RunChange): boolean => change !== 'undo';

export interface PlayerOptions {
  /** Called with each decision and the points it earned or cost, to report it. */
  onChoice?: (step: Step, points: Points) => void;
  /**
   * Called with every change of the run, once it is shown, and the run it was made from, to save
   * or report it. Returning false refuses the change (the saved run moved on since, in another
   * tab): the caller has shown the newer run instead, and nothing more of the change is reported.
   */
  onRun?: (run: Run, change: RunChange, from: Run) => unknown;
  /**
   * Called once each time a run reaches an ending, with its outcome and the run (the course and
   * the LMS keep a result made of both, see stores/scenario-result.ts; the embed only reports).
   */
  onComplete?: (debrief: PlayerDebrief, run: Run) => void;
  /**
   * Decisions already taken, shown at the feedback of the last one; nothing is reported. For
   * rendering a moment ahead of time (the page's consequence of a first choice, see
   * scripts/early-choice.ts).
   */
  steps?: readonly Step[];
}

/** A player for one scenario; `print` is its `fingerprint` (engine/stored-run.ts), which runs are saved under. */
export function createPlayer(scenario: PlayableScenario, print: string, options: PlayerOptions = {}) {
  const debriefOf = (run: Run) => playerDebrief(scenario, run);
  const viewOf = (run: Run, showingFeedback: boolean): PlayerView => {
    const state = runState(scenario, run);
    const node = state.node;
    const feedback = showingFeedback ? feedbackFor(scenario, run) : undefined;
    const debrief = isDecision(node) ? undefined : debriefOf(run);
    return {
      node,
      situation: isDecision(node) ? textFor(node.situation, state.meters) : '',
      meters: state.meters,
      day: (feedback?.node ?? node).day,
      step: run.steps.length,
      visited: [...run.steps.map((s) => s.node), node.id],
      ...(feedback && { feedback }),
      ...(debrief && { debrief }),
    };
  };
  const $run = atom<Run>({ ...startRun(scenario), steps: options.steps ?? [] });
  // The view is derived from the run and kept beside it, updated with every change.
  const $view = atom<PlayerView>(viewOf($run.get(), $run.get().steps.length > 0));
  const show = (run: Run, showingFeedback: boolean) => {
    $run.set(run);
    $view.set(viewOf(run, showingFeedback));
  };
  const set = (run: Run, change: RunChange): boolean => {
    const from = $run.get();
    show(run, change === 'choice');
    return options.onRun?.(run, change, from) !== false;
  };

  return {
    $run,
    $view,
    /**
     * Picks up a saved run without saving or reporting it: on opening the page (`'open'`), or
     * another tab's newer run (`'follow'`); says whether it resumed or why it started afresh.
     */
    resume(saved: unknown, on: 'open' | 'follow' = 'open'): RestoreResult | undefined {
      if (saved === undefined) return undefined;
      const restored = restoreRun(scenario, saved, print);
      // A reload often comes mid-feedback (a phone discards the tab): the learner comes back to
      // what their last choice did, then goes on, rather than losing that explanation. A finished
      // run reopens at the ending the learner had reached; a tab following another shows what
      // that tab shows after the same choice, its feedback first.
      const ended = !isDecision(runState(scenario, restored.run).node);
      show(restored.run, restored.run.steps.length > 0 && !(ended && on === 'open'));
      return restored;
    },
    choose(choiceId: string) {
      const result = choose(scenario, $run.get(), choiceId);
      if (!result.ok) return result.error;
      if (!set(result.run, 'choice')) return undefined;
      const step = result.run.steps[result.run.steps.length - 1]!;
      options.onChoice?.(step, {
        ...findChoice(findNode(scenario, step.node), step.choice)?.points,
      });
      const debrief = debriefOf(result.run);
      if (debrief) options.onComplete?.(debrief, result.run);
      return undefined;
    },
    continueOn() {
      show($run.get(), false);
    },
    back() {
      set(undo($run.get()), 'undo');
    },
    restart() {
      set(startRun(scenario), 'restart');
    },
    serialise: (run: Run) => serialiseRun(print, run),
  };
}

export type Player = ReturnType<typeof createPlayer>;
