// What the progress page and the certificate add up from saved progress: the principles over
// both scenarios' best results, and when the last of them was reached. Apart from course-state,
// so the pages that only show where a learner stands do not load the scoring.
import { countedPoints, scoreOf, type Score } from '../engine/scoring.ts';
import { gradeBands, grades, type Grade } from '../engine/vocabulary.ts';
import { countedResult, type Progress } from './progress-format.ts';

/**
 * The score over the counted results of the given scenarios (see `countedResult`: results scored
 * under the earlier rules are left out): per principle the sum of what each scenario counted
 * against the sum of their references, and the overall of those.
 */
export function principlesOverall(progress: Progress, scenarios: readonly string[], principles: readonly string[]): Score {
  return scoreOf(
    principles.map((principle) => {
      const results = scenarios.map((id) => countedResult(progress.scenarios[id])?.principles[principle]).filter((r) => r !== undefined);
      return {
        principle,
        earned: results.reduce((a, r) => a + countedPoints(r.earned, r.max), 0),
        max: results.reduce((a, r) => a + r.max, 0),
      };
    }),
  );
}

/** When the last of the given scenarios' counted results was reached. */
export function finishedAt(progress: Progress, scenarios: readonly string[]): string | undefined {
  return scenarios
    .map((id) => countedResult(progress.scenarios[id])?.at)
    .filter((at) => at !== undefined)
    .sort()
    .pop();
}

/** The lowest overall score (0-100) of the good band (see `gradeBands`). */
export const goodFrom = gradeBands.find((band) => band.grade === 'good')!.from;

/** Whether a grade is below the good band: the certificate then suggests replaying before printing. */
export function belowGood(grade: Grade): boolean {
  return grades.indexOf(grade) > grades.indexOf('good');
}
