// The state of one scenario player: the run, and whether the feedback of the last decision is
// still on screen. Components read $view and call the actions; the engine does the rest.
import { atom, computed } from 'nanostores';
import { choose, comparePath, isDecision, outcome, replay, restoreRun, runState, serialiseRun, startRun, undo, type Outcome, type PathComparison, type RestoreResult, type Run } from '../engine/index.ts';
import type { Choice, DecisionNode, EndingNode, Localized, Meters, Points } from '../engine/types.ts';
import type { ScenarioContent } from '../engine/schema.ts';
import type { ScenarioResult } from './progress-format.ts';

export type PlayableScenario = Localized<ScenarioContent>;

export interface Change {
  id: string;
  from: number;
  to: number;
}

export interface Feedback {
  choice: Localized<Choice>;
  /** Points the decision earned or cost, per principle it touched. */
  points: { principle: string; change: number }[];
  meters: Change[];
}

export interface Debrief extends Outcome<PlayableScenario> {
  recommended: PathComparison;
  real: PathComparison;
}

export interface PlayerView {
  /** The decision or ending on screen (the one reached after the feedback). */
  node: Localized<DecisionNode> | Localized<EndingNode>;
  meters: Meters;
  /** How many decisions have been taken. */
  step: number;
  /** The nodes visited so far, in order, the current one last. */
  visited: string[];
  /** The feedback of the last decision, while it is on screen. */
  feedback?: Feedback;
  debrief?: Debrief;
}

export interface PlayerOptions {
  /** Called with every change of the run, to save it. */
  onRun?: (run: Run) => void;
  /** Called once each time a run reaches an ending. */
  onComplete?: (result: ScenarioResult, debrief: Debrief) => void;
}

export function feedbackFor(scenario: PlayableScenario, run: Run): Feedback | undefined {
  const before = replay(scenario, run.steps.slice(0, -1));
  const after = replay(scenario, run.steps);
  const last = after?.played[after.played.length - 1];
  if (!before || !after || !last) return undefined;
  const choice = last.taken as Localized<Choice>;
  return {
    choice,
    points: scenario.principles.filter((p) => (choice.points[p] ?? 0) !== 0).map((p) => ({ principle: p, change: choice.points[p]! })),
    meters: scenario.meters
      .map((m) => ({ id: m.id, from: before.meters[m.id]!, to: after.meters[m.id]! }))
      .filter((c) => c.from !== c.to),
  };
}

export function debriefFor(scenario: PlayableScenario, top: Points, run: Run): Debrief | undefined {
  const result = outcome(scenario, run.steps, top);
  return result && { ...result, recommended: comparePath(scenario, run.steps, 'recommended', top), real: comparePath(scenario, run.steps, 'real', top) };
}

export function resultOf(debrief: Debrief, at: Date): ScenarioResult {
  return {
    ending: debrief.ending.id,
    grade: debrief.ending.grade,
    overall: debrief.overall,
    principles: Object.fromEntries(debrief.principles.map((p) => [p.principle, { earned: p.earned, max: p.max }])),
    at: at.toISOString(),
  };
}

/** A player for one scenario; `top` is its maxima, computed when the page was built. */
export function createPlayer(scenario: PlayableScenario, top: Points, options: PlayerOptions = {}) {
  const $run = atom<Run>(startRun(scenario));
  const $showingFeedback = atom(false);

  const $view = computed([$run, $showingFeedback], (run, showingFeedback): PlayerView => {
    const state = runState(scenario, run);
    const node = state.node as PlayerView['node'];
    const feedback = showingFeedback ? feedbackFor(scenario, run) : undefined;
    const debrief = isDecision(node) ? undefined : debriefFor(scenario, top, run);
    return {
      node,
      meters: state.meters,
      step: run.steps.length,
      visited: [...run.steps.map((s) => s.node), node.id],
      ...(feedback && { feedback }),
      ...(debrief && { debrief }),
    };
  });

  const set = (run: Run) => {
    $run.set(run);
    options.onRun?.(run);
  };

  return {
    $run,
    $view,
    /** Picks up a saved run; says whether it resumed or why it started afresh. */
    resume(saved: unknown): RestoreResult | undefined {
      if (saved === undefined) return undefined;
      const restored = restoreRun(scenario, saved);
      $run.set(restored.run);
      return restored;
    },
    choose(choiceId: string) {
      const result = choose(scenario, $run.get(), choiceId);
      if (!result.ok) return result.error;
      set(result.run);
      $showingFeedback.set(true);
      const debrief = debriefFor(scenario, top, result.run);
      if (debrief) options.onComplete?.(resultOf(debrief, new Date()), debrief);
      return undefined;
    },
    continueOn() {
      $showingFeedback.set(false);
    },
    back() {
      $showingFeedback.set(false);
      set(undo($run.get()));
    },
    restart() {
      $showingFeedback.set(false);
      set(startRun(scenario));
    },
    serialise: (run: Run) => serialiseRun(scenario, run),
  };
}

export type Player = ReturnType<typeof createPlayer>;
