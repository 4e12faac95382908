// Playing a scenario: a run is the list of decisions taken; everything else is replayed from it.
import { findChoice, findNode, isDecision, startMeters, step } from './graph.ts';
import type { Choice, Meters, Points, Scenario, Step } from './types.ts';

export interface Run {
  readonly scenario: string;
  readonly steps: readonly Step[];
}

/** One decision as it played out: the node, the choice, and the meters after it. */
export interface PlayedStep extends Step {
  readonly taken: Choice;
  readonly metersAfter: Meters;
}

export interface RunState<S extends Scenario = Scenario> {
  /** The node the player is at now. */
  readonly node: S['nodes'][number];
  readonly meters: Meters;
  /** Points earned so far per principle. */
  readonly points: Points;
  readonly played: readonly PlayedStep[];
  readonly ended: boolean;
}

export type ChooseError = { code: 'unknown-choice'; node: string; choice: string } | { code: 'run-ended'; node: string };

export type ChooseResult = { ok: true; run: Run } | { ok: false; error: ChooseError };

export function startRun(scenario: Scenario): Run {
  return { scenario: scenario.id, steps: [] };
}

/**
 * Replays decisions from the start. Returns undefined when a step does not fit the scenario
 * (its node is not where the path leads, or its choice is gone).
 */
export function replay<S extends Scenario>(scenario: S, steps: readonly Step[]): RunState<S> | undefined {
  let node: S['nodes'][number] | undefined = findNode(scenario, scenario.start);
  let meters = startMeters(scenario);
  const points: Record<string, number> = Object.fromEntries(scenario.principles.map((p) => [p, 0]));
  const played: PlayedStep[] = [];
  for (const decision of steps) {
    if (!node || node.id !== decision.node) return undefined;
    const taken = findChoice(node, decision.choice);
    if (!taken) return undefined;
    const next = step(scenario, meters, taken);
    meters = next.meters;
    for (const [p, value] of Object.entries(taken.points)) points[p] = (points[p] ?? 0) + value;
    played.push({ ...decision, taken, metersAfter: meters });
    node = findNode(scenario, next.next ?? '');
  }
  if (!node) return undefined;
  return { node, meters, points, played, ended: !isDecision(node) };
}

/** The state of a run that is known to fit its scenario. */
export function runState<S extends Scenario>(scenario: S, run: Run): RunState<S> {
  const state = replay(scenario, run.steps);
  if (!state) throw new Error(`run of "${run.scenario}" does not fit scenario "${scenario.id}"`);
  return state;
}

export function choose(scenario: Scenario, run: Run, choiceId: string): ChooseResult {
  const { node } = runState(scenario, run);
  if (!isDecision(node)) return { ok: false, error: { code: 'run-ended', node: node.id } };
  if (!findChoice(node, choiceId)) return { ok: false, error: { code: 'unknown-choice', node: node.id, choice: choiceId } };
  return { ok: true, run: { ...run, steps: [...run.steps, { node: node.id, choice: choiceId }] } };
}

/** Takes back the last decision; at the start it changes nothing. */
export function undo(run: Run): Run {
  return run.steps.length === 0 ? run : { ...run, steps: run.steps.slice(0, -1) };
}
