// Where a learner stands in the course, from saved progress: plain functions for pages.
import type { Progress } from './progress-format.ts';

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
