// Saved progress of a finished course, as the player and the lessons save it: what the progress
// page's certificate needs, without playing the whole course first.
import type { APIRequestContext } from '@playwright/test';
import { markedPath } from '../../../src/engine/paths.ts';
import { outcome } from '../../../src/engine/scoring.ts';
import type { Step } from '../../../src/engine/types.ts';
import { resultOf } from '../../../src/stores/scenario-result.ts';
import { scenarios } from '../course-data.ts';

/**
 * Progress (format version 2, as JSON for localStorage) with every lesson of the course read, as
 * the home page lists them, and each scenario finished on `paths[id]` (its recommended path when
 * not given) on 2026-11-20; `name` is the learner's name on the certificate.
 */
export async function finishedProgress(request: APIRequestContext, paths: Record<string, Step[]> = {}, name = ''): Promise<string> {
  const home = await (await request.get('/en/')).text();
  const lessons = [...home.matchAll(/data-item="([^"]+)" data-kind="lesson"/g)].map((m) => m[1]!);
  const result = (id: string) => {
    const s = scenarios.find((x) => x.id === id)!;
    const steps = paths[id] ?? markedPath(s, 'recommended');
    return resultOf(outcome(s, steps)!, steps, '2026-11-20T10:00:00.000Z');
  };
  return JSON.stringify({
    v: 2,
    name,
    lessons: Object.fromEntries(lessons.map((l) => [l, { read: true }])),
    scenarios: Object.fromEntries(scenarios.map((s) => [s.id, { best: result(s.id), last: result(s.id) }])),
  });
}
