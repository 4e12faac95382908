// A result as progress and the LMS reports keep it: made from an outcome, with the steps that
// reached it. Apart from results.ts, so the LMS packages, which report results but keep no course
// progress, do not carry the progress store; the player leaves it to its hosts, so the embed
// frame, which reports the outcome as it is, does not carry it at all.
import type { Score } from '../engine/scoring.ts';
import type { Step } from '../engine/types.ts';
import type { ScenarioResult } from './progress-format.ts';

/** The result to save for an outcome (its ending and score), with the steps that reached it, reached at `at`. */
export function resultOf(reached: Score & { ending: { id: string } }, steps: readonly Step[], at: Date | string): ScenarioResult {
  return {
    ending: reached.ending.id,
    grade: reached.grade,
    overall: reached.overall,
    principles: Object.fromEntries(reached.principles.map((p) => [p.principle, { earned: p.earned, max: p.max }])),
    at: typeof at === 'string' ? at : at.toISOString(),
    steps: steps.map((s) => [s.node, s.choice]),
  };
}
