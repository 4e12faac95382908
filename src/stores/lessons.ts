// A lesson's saved progress: read, the knowledge check's answers, the reflections. Apart from
// progress.ts, which the scenario pages load too, so they do not carry what only lessons use.
import { $progress, update } from './progress.ts';
import type { LessonProgress } from './progress-format.ts';

/** Applies a change to one lesson's saved progress (as saved now, not as this tab last heard). */
export function updateLesson(slug: string, change: (l: LessonProgress) => LessonProgress): void {
  update((p) => ({ ...p, lessons: { ...p.lessons, [slug]: change(p.lessons[slug] ?? {}) } }));
}

export function markLessonRead(slug: string): void {
  if ($progress.get().lessons[slug]?.read) return;
  updateLesson(slug, (l) => ({ ...l, read: true }));
}

export function answerQuestion(slug: string, question: number, option: number): void {
  updateLesson(slug, (l) => ({ ...l, answers: { ...l.answers, [question]: option } }));
}
