// The real case's path and the recommended path, and what the recommended path earns: the
// reference every score is measured against.
import { applyEffects, findNode, isDecision, nextNodeId, startMeters } from './graph.ts';
import { replay } from './run.ts';
import type { Choice, PathMark, Points, Scenario, Step } from './types.ts';

/** The decisions of a marked path, from the start to its ending. */
export function markedPath(scenario: Scenario, mark: PathMark): Step[] {
  const steps: Step[] = [];
  let meters = startMeters(scenario);
  let node = findNode(scenario, scenario.start);
  while (isDecision(node) && steps.length < scenario.nodes.length) {
    const chosen = (node.choices as Choice[]).find((c) => c.marks.includes(mark));
    if (!chosen) break;
    steps.push({ node: node.id, choice: chosen.id });
    meters = applyEffects(scenario, meters, chosen.effects);
    node = findNode(scenario, nextNodeId(chosen, meters) ?? '');
  }
  return steps;
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
