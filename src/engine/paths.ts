// The real case's path and the recommended path, and what the recommended path earns: the
// reference every score is measured against.
import { walk } from './graph.ts';
import { replay } from './run.ts';
import type { PathMark, Points, Scenario, Step } from './types.ts';

/** The decisions of a marked path, from the start to its ending. */
export function markedPath(scenario: Scenario, mark: PathMark): Step[] {
  return walk(scenario, (node) => node.choices.find((c) => c.marks.includes(mark))).map((v) => ({
    node: v.node.id,
    choice: v.choice.id,
  }));
}

/**
 * The reference per principle the scenario scores: the raw points the recommended path earns.
 * It defines 100. On valid content it is above 0 on every principle and no path earns more
 * (validation proves both).
 */
export function referencePoints(scenario: Scenario): Points {
  const points = replay(scenario, markedPath(scenario, 'recommended'))?.points ?? {};
  return Object.fromEntries(scenario.principles.map((p) => [p, points[p] ?? 0]));
}
