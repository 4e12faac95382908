// Where a learner stands in the course, from saved progress: plain functions for pages.
import type { Progress } from './progress-format.ts';
import { countedPoints, scoreOf, type Score } from '../engine/scoring.ts';

export type ItemState = 'not-started' | 'in-progress' | 'done';

export interface CourseItem {
  kind: 'lesson' | 'scenario';
  id: string;
}

export function itemState(progress: Progress, item: CourseItem): ItemState {
  if (item.kind === 'lesson') {
    const lesson = progress.lessons[item.id];
    if (lesson?.read) return 'done';
    return lesson && (Object.keys(lesson.answers ?? {}).length > 0 || Object.keys(lesson.reflections ?? {}).length > 0)
      ? 'in-progress'
      : 'not-started';
  }
  const scenario = progress.scenarios[item.id];
  if (scenario?.best) return 'done';
  return (scenario?.run?.steps.length ?? 0) > 0 ? 'in-progress' : 'not-started';
}

/** The item to continue with: the first one in progress, else the first not done. */
export function nextItem<T extends CourseItem>(progress: Progress, items: readonly T[]): T | undefined {
  return items.find((i) => itemState(progress, i) === 'in-progress') ?? items.find((i) => itemState(progress, i) !== 'done');
}

export function courseComplete(progress: Progress, items: readonly CourseItem[]): boolean {
  return items.every((i) => itemState(progress, i) === 'done');
}

/**
 * The score over the best results of the given scenarios: per principle the sum of what each
 * scenario counted against the sum of their references, and the overall of those.
 */
export function principlesOverall(progress: Progress, scenarios: readonly string[], principles: readonly string[]): Score {
  return scoreOf(
    principles.map((principle) => {
      const results = scenarios.map((id) => progress.scenarios[id]?.best?.principles[principle]).filter((r) => r !== undefined);
      return {
        principle,
        earned: results.reduce((a, r) => a + countedPoints(r.earned, r.max), 0),
        max: results.reduce((a, r) => a + r.max, 0),
      };
    }),
  );
}

/** When the last of the given scenarios' best results was reached. */
export function finishedAt(progress: Progress, scenarios: readonly string[]): string | undefined {
  return scenarios
    .map((id) => progress.scenarios[id]?.best?.at)
    .filter((at) => at !== undefined)
    .sort()
    .pop();
}
