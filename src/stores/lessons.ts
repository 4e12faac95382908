// A lesson's saved progress: read, the knowledge check's answers, the reflections. Plain functions
// over saved-progress.ts, without the store the islands share: lesson pages load only these.
// Each change is applied to what is saved now, not to what this tab last heard, and returns what
// the learner should hear about storage, if anything.
import type { LessonProgress } from './progress-format.ts';
import { savedProgress, type StorageNotice } from './saved-progress.ts';

/** Applies a change to one lesson's saved progress (as saved now, not as this tab last heard). */
export function updateLesson(slug: string, change: (l: LessonProgress) => LessonProgress): StorageNotice {
  return savedProgress.update((p) => ({ ...p, lessons: { ...p.lessons, [slug]: change(p.lessons[slug] ?? {}) } })).notice;
}

export function markLessonRead(slug: string): StorageNotice {
  return updateLesson(slug, (l) => (l.read ? l : { ...l, read: true }));
}

/** Keeps the option (by index) chosen for a question (by index). */
export function answerQuestion(slug: string, question: number, option: number): StorageNotice {
  return updateLesson(slug, (l) => ({ ...l, answers: { ...l.answers, [question]: option } }));
}
