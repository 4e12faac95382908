// The learner's progress: one store, saved in this browser, shared by every island and page
// script, kept in step across tabs.
import { atom } from 'nanostores';
import { readItem, storageState, writeItem } from './storage.ts';
import {
  decodeProgress,
  emptyProgress,
  encodeProgress,
  type LessonProgress,
  type Progress,
  type ScenarioProgress,
  type ScenarioResult,
} from './progress-format.ts';
import type { StoredRun } from '../engine/stored-run.ts';
import type { Scenario } from '../engine/types.ts';
import { awaitsReplay, rescoreProgress } from './results.ts';

export const storageKey = 'checks-in-the-mail/progress';

/** Why the learner should hear about storage: something had to be reset, or nothing can be saved. */
export type StorageNotice = 'reset' | 'unavailable' | undefined;

export const $progress = atom<Progress>(emptyProgress());
export const $storageNotice = atom<StorageNotice>(undefined);

function load(raw: string | null): { progress: Progress; reset: boolean } {
  if (raw === null) return { progress: emptyProgress(), reset: false };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    console.warn('Saved progress was unreadable and has been reset.', error);
    return { progress: emptyProgress(), reset: true };
  }
  const { progress, dropped } = decodeProgress(value);
  if (dropped.length > 0) console.warn(`Saved progress had parts that could not be read and were dropped: ${dropped.join(', ')}`);
  return { progress, reset: dropped.length > 0 };
}

let started = false;

/** Reads saved progress once, in the browser; pages and islands call it before they read the store. */
export function startProgress(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  const { progress, reset } = load(readItem(storageKey));
  $progress.set(progress);
  if (reset) {
    // Write back what survived, so the notice is given once and not on every visit.
    writeItem(storageKey, encodeProgress(progress));
    $storageNotice.set('reset');
  } else if (storageState() === 'unavailable') {
    $storageNotice.set('unavailable');
  }
  window.addEventListener('storage', (event) => {
    if (event.key === storageKey) $progress.set(load(event.newValue).progress);
  });
}

function update(change: (p: Progress) => Progress): void {
  // Start from what is saved now: another tab may have written since this one last heard.
  const saved = readItem(storageKey);
  const next = change(saved === null ? $progress.get() : load(saved).progress);
  $progress.set(next);
  writeItem(storageKey, encodeProgress(next));
  // Saving can stop working part-way through a visit (a full disk): the learner hears of it then.
  if (storageState() === 'unavailable') $storageNotice.set('unavailable');
}

function updateScenario(id: string, change: (s: ScenarioProgress) => ScenarioProgress): void {
  update((p) => ({ ...p, scenarios: { ...p.scenarios, [id]: change(p.scenarios[id] ?? {}) } }));
}

function updateLesson(slug: string, change: (l: LessonProgress) => LessonProgress): void {
  update((p) => ({ ...p, lessons: { ...p.lessons, [slug]: change(p.lessons[slug] ?? {}) } }));
}

export function saveRun(id: string, run: StoredRun): void {
  updateScenario(id, (s) => ({ ...s, run }));
}

/**
 * Keeps the latest result, and the best one by overall score. A best scored under the earlier
 * rules cannot be compared with a new result: the new one takes its place.
 */
export function recordResult(id: string, result: ScenarioResult): void {
  updateScenario(id, (s) => ({
    ...s,
    last: result,
    best: !s.best || s.best.earlierRules || result.overall > s.best.overall ? result : s.best,
  }));
}

/**
 * Re-scores a scenario's results saved under the earlier rules by replaying their steps (see
 * stores/results.ts); writes only when something changed, so tabs doing the same settle at once.
 */
export function rescoreSaved(scenario: Scenario): void {
  if (!awaitsReplay($progress.get().scenarios[scenario.id])) return;
  update((p) => rescoreProgress(p, scenario));
}

export function markLessonRead(slug: string): void {
  if ($progress.get().lessons[slug]?.read) return;
  updateLesson(slug, (l) => ({ ...l, read: true }));
}

export function answerQuestion(slug: string, question: number, option: number): void {
  updateLesson(slug, (l) => ({ ...l, answers: { ...l.answers, [question]: option } }));
}

export function saveReflection(slug: string, prompt: number, text: string): void {
  updateLesson(slug, (l) => ({ ...l, reflections: { ...l.reflections, [prompt]: text } }));
}

export function setCertificateName(name: string): void {
  update((p) => ({ ...p, name: name.slice(0, 200) }));
}

export function resetProgress(): void {
  update(() => emptyProgress());
}

export function replaceProgress(progress: Progress): void {
  update(() => progress);
}
