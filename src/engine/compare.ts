// How a learner's path compares with the recommended path and the real case's: where they
// parted, and what the marked path scored and where it ended.
import { markedPath } from './paths.ts';
import { replay } from './run.ts';
import { scoreSteps, type Score } from './scoring.ts';
import type { PathMark, Scenario, Step } from './types.ts';

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

/** Where a learner's decisions part from a marked path, and that path's own score and ending. */
export function comparePath(scenario: Scenario, steps: readonly Step[], mark: PathMark): PathComparison {
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
  const score = scoreSteps(scenario, marked)!;
  const ending = replay(scenario, marked)?.node.id ?? scenario.start;
  return { mark, steps: marked, partedAt, partedNode: parted?.node ?? null, score, ending };
}
