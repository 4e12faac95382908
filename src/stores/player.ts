// The state of one scenario player: the run, and whether the feedback of the last decision is
// still on screen. Components read $view and call the actions; the engine does the rest.
import { atom, computed } from 'nanostores';
import { isDecision, outcome, replay, runState, startRun, choose, undo, type Outcome, type Run } from '../engine/index.ts';
import type { Choice, DecisionNode, EndingNode, Localized, Meters } from '../engine/types.ts';
import type { ScenarioContent } from '../engine/schema.ts';

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

export interface PlayerView {
  /** The decision or ending on screen (the one reached after the feedback). */
  node: Localized<DecisionNode> | Localized<EndingNode>;
  meters: Meters;
  /** How many decisions have been taken. */
  step: number;
  /** The feedback of the last decision, while it is on screen. */
  feedback?: Feedback;
  outcome?: Outcome<PlayableScenario>;
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

export function createPlayer(scenario: PlayableScenario, initial: Run = startRun(scenario)) {
  const $run = atom<Run>(initial);
  const $showingFeedback = atom(false);

  const $view = computed([$run, $showingFeedback], (run, showingFeedback): PlayerView => {
    const state = runState(scenario, run);
    const node = state.node as PlayerView['node'];
    const feedback = showingFeedback ? feedbackFor(scenario, run) : undefined;
    const result = isDecision(node) ? undefined : outcome(scenario, run.steps);
    return { node, meters: state.meters, step: run.steps.length, ...(feedback && { feedback }), ...(result && { outcome: result }) };
  });

  return {
    $run,
    $view,
    choose(choiceId: string) {
      const result = choose(scenario, $run.get(), choiceId);
      if (!result.ok) return result.error;
      $run.set(result.run);
      $showingFeedback.set(true);
      return undefined;
    },
    continueOn() {
      $showingFeedback.set(false);
    },
    back() {
      $showingFeedback.set(false);
      $run.set(undo($run.get()));
    },
    restart() {
      $showingFeedback.set(false);
      $run.set(startRun(scenario));
    },
    meterLabel(id: string) {
      return scenario.meters.find((m) => m.id === id)?.label ?? id;
    },
  };
}

export type Player = ReturnType<typeof createPlayer>;
