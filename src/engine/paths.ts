// The real case's path and the recommended path, and how a learner's path compares with them.
import { applyEffects, findNode, isDecision, nextNodeId, startMeters } from './graph.ts';
import { replay } from './run.ts';
import { scoreSteps, type Score } from './scoring.ts';
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

export interface PathComparison {
  mark: PathMark;
  steps: Step[];
  /** Index of the first decision where the paths differ; null when they are the same path. */
  partedAt: number | null;
  /** The node where they parted. */
  partedNode: string | null;
  /** The marked path's score, to set beside the learner's. */
  score: Score;
  /** The marked path's ending. */
  ending: string;
}

export function comparePath(scenario: Scenario, steps: readonly Step[], mark: PathMark, top: Points): PathComparison {
  const marked = markedPath(scenario, mark);
  const length = Math.max(marked.length, steps.length);
  let partedAt: number | null = null;
  for (let i = 0; i < length; i++) {
    const a = marked[i];
    const b = steps[i];
    if (!a || !b || a.node !== b.node || a.choice !== b.choice) {
      partedAt = i;
      break;
    }
  }
  const parted = partedAt === null ? undefined : (marked[partedAt] ?? steps[partedAt]);
  const score = scoreSteps(scenario, marked, top)!;
  const ending = replay(scenario, marked)?.node.id ?? scenario.start;
  return { mark, steps: marked, partedAt, partedNode: parted?.node ?? null, score, ending };
}
