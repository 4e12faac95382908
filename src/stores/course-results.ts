// What the progress page and the certificate add up from saved progress: the principles over
// both scenarios' best results, and when the last of them was reached. Apart from course-state,
// so the pages that only show where a learner stands do not load the scoring.
import { countedPoints, scoreOf, type PrincipleScore, type Score } from '../engine/scoring.ts';
import { gradeBands, grades, type Grade } from '../engine/vocabulary.ts';
import { awaitsReplay, countedResult, type Progress } from './progress-format.ts';
import { courseComplete, itemState, type CourseItem } from './course-state.ts';

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

/** A scenario as the progress page lists it: its id, and its endings' titles by id. */
export interface SummaryScenario {
  id: string;
  endings: Record<string, string>;
}

/** One scenario's column of the progress page's table (with what the page passed for it besides its endings: see `progressSummary`). */
export interface ScenarioSummary {
  id: string;
  /** The counted result (see `countedResult`), its ending by title (its id where the scenario has no such ending now); none: not counted. */
  counted?: { ending: string; grade: Grade; overall: number };
  /** No result at all: the scenario was never played to an ending. */
  notPlayed: boolean;
  /** The best result scored under the earlier rules, labelled as such and not counted: its ending's title and overall (0-100). */
  earlier?: { ending: string; overall: number };
  /** Per principle of the course, the counted result's score (undefined where it has none). */
  principles: Record<string, Omit<PrincipleScore, 'principle'> | undefined>;
}

/** Where the certificate stands: earned, waiting for results scored under the earlier rules to be replayed, or locked until every item is done. */
export type CertificateState = 'complete' | 'replay' | 'locked';

/** A scenario's column: what the page passed for it, less its endings, with its summary. */
export type ScenarioColumn<S extends SummaryScenario> = Omit<S, 'endings'> & ScenarioSummary;

/** What the progress page shows, worked out from saved progress (see `progressSummary`). */
export interface ProgressSummary<S extends SummaryScenario = SummaryScenario> {
  /** Each scenario's column, in the order given. */
  scenarios: ScenarioColumn<S>[];
  /** The scenarios given whose saved results under the earlier rules wait to be re-scored by replaying their steps (see `awaitsReplay`). */
  awaiting: S[];
  /** Items (lessons and scenarios) done, of `total`. */
  done: number;
  total: number;
  certificate: CertificateState;
  /** The columns of the scenarios without a counted result, which the learner must replay before the certificate (state `replay`). */
  replay: ScenarioColumn<S>[];
  /** The columns of the scenarios whose counted grade is below the good band: worth a replay before printing. */
  weak: ScenarioColumn<S>[];
  /** The principles over all scenarios' counted results (see `principlesOverall`). */
  overall: Score;
  /** When the last counted result was reached, as an ISO date-time. */
  finished: string | undefined;
}

/**
 * The progress page from saved progress: each scenario's column (counted result, an earlier-rules
 * result beside it, per-principle scores), items done, the certificate's state, the scenarios to
 * replay and those below the good band, those whose results wait to be re-scored, the principles
 * overall and when the course was finished. Each column carries what was passed for its scenario
 * (a title, a link) besides its endings.
 */
export function progressSummary<S extends SummaryScenario>(
  progress: Progress,
  scenarios: readonly S[],
  lessons: readonly string[],
  principles: readonly string[],
): ProgressSummary<S> {
  const items: CourseItem[] = [
    ...lessons.map((id) => ({ kind: 'lesson' as const, id })),
    ...scenarios.map((s) => ({ kind: 'scenario' as const, id: s.id })),
  ];
  const ids = scenarios.map((s) => s.id);
  const columns = scenarios.map(({ endings, ...given }): ScenarioColumn<S> => {
    const id = given.id;
    const counted = countedResult(progress.scenarios[id]);
    const best = progress.scenarios[id]?.best;
    const title = (ending: string) => endings[ending] ?? ending;
    return {
      ...given,
      id,
      ...(counted && { counted: { ending: title(counted.ending), grade: counted.grade, overall: counted.overall } }),
      notPlayed: !best,
      ...(best?.earlierRules && { earlier: { ending: title(best.ending), overall: best.overall } }),
      principles: Object.fromEntries(
        principles.map((p) => {
          const r = counted?.principles[p];
          return [p, r && { earned: r.earned, max: r.max, counted: countedPoints(r.earned, r.max) }];
        }),
      ),
    };
  });
  const replay = columns.filter((c) => !c.counted);
  const allDone = courseComplete(progress, items);
  return {
    scenarios: columns,
    done: items.filter((i) => itemState(progress, i) === 'done').length,
    total: items.length,
    certificate: !allDone ? 'locked' : replay.length > 0 ? 'replay' : 'complete',
    awaiting: scenarios.filter((s) => awaitsReplay(progress.scenarios[s.id])),
    replay,
    weak: columns.filter((c) => c.counted && belowGood(c.counted.grade)),
    overall: principlesOverall(progress, ids, principles),
    finished: finishedAt(progress, ids),
  };
}
