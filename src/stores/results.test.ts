import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { countedResult, decodeProgress, progressFormat, type Progress } from './progress-format.ts';
import { encodeVersioned } from './persisted.ts';
import { decodeProgressFile } from './progress-file.ts';
import { rescoreProgress } from './results.ts';
import { awaitsReplay } from './progress-format.ts';
import { resultOf } from './scenario-result.ts';
import { principlesOverall } from './course-results.ts';
import { outcome } from '../engine/scoring.ts';
import { markedPath } from '../engine/paths.ts';
import { principleIds } from '../engine/vocabulary.ts';
import { scenarios } from '../../tests/e2e/course-data.ts';
import { fakeBrowser } from '../../tests/unit/fake-browser.ts';
import { progressKey } from '../browser/storage-keys.ts';

/** A file of tests/fixtures/progress/v1: progress as the earlier version saved it. */
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'progress', 'v1', name), 'utf8'));
const scenario = (id: string) => scenarios.find((s) => s.id === id)!;
const rescoreAll = (progress: Progress) => scenarios.reduce(rescoreProgress, progress);

/** What the stored run of a version 1 fixture re-scores to, by the engine. */
function replayed(saved: Record<string, unknown>, id: string, at: string) {
  const run = (saved['scenarios'] as Record<string, { run: { steps: [string, string][] } }>)[id]!.run;
  const steps = run.steps.map(([node, choice]) => ({ node, choice }));
  return resultOf(outcome(scenario(id), steps)!, steps, at);
}

/** The progress store, fresh, over a browser storage that holds `saved` as the saved progress. */
async function progressStore(saved: string | undefined) {
  vi.resetModules();
  const { items } = fakeBrowser();
  if (saved !== undefined) items.set(progressKey, saved);
  return await import('./progress.ts');
}

/** A result the engine gives for the contractor's recommended path. */
function result() {
  const steps = markedPath(scenario('contractor'), 'recommended');
  return resultOf(outcome(scenario('contractor'), steps)!, steps, '2026-11-30T12:00:00.000Z');
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('progress saved by format version 1', () => {
  const saved = fixture('local-storage.json') as Record<string, Record<string, Record<string, Record<string, unknown>>>>;
  const old = saved['scenarios']!;

  it('is read, not wiped: every result kept, labelled as scored under the earlier rules, the lessons and the runs as they were', () => {
    const { progress, dropped } = decodeProgress(saved);
    expect(dropped).toEqual([]);
    expect(progress.lessons).toEqual(saved['lessons']);
    for (const id of ['contractor', 'client']) {
      expect(progress.scenarios[id]!.run).toEqual(old[id]!['run']);
      for (const key of ['last', 'best'] as const)
        expect(progress.scenarios[id]![key]).toMatchObject({ ...old[id]![key], earlierRules: true });
    }
  });

  it('re-scores a result whose run is stored by replaying it, and keeps one stored without its path labelled, out of the certificate', () => {
    const progress = rescoreAll(decodeProgress(saved).progress);
    const contractor = progress.scenarios['contractor']!;
    // The stored run is the last result's path: re-scored under the current rules, steps kept.
    const last = replayed(saved, 'contractor', old['contractor']!['last']!['at'] as string);
    expect(contractor.last).toEqual(last);
    expect(last.ending).toBe(old['contractor']!['last']!['ending']);
    // The best was another run, whose path version 1 did not keep.
    expect(contractor.best).toEqual({ ...old['contractor']!['best'], earlierRules: true });
    expect(countedResult(contractor)).toEqual(last);
    // The client's stored run is a new one, two decisions in: its results stay labelled.
    const client = progress.scenarios['client']!;
    expect(client.last).toEqual({ ...old['client']!['last'], earlierRules: true });
    expect(countedResult(client)).toBeUndefined();
    expect(awaitsReplay(client)).toBe(false);
    // The certificate adds up the contractor's re-scored result alone.
    expect(principlesOverall(progress, ['contractor', 'client'], principleIds)).toEqual(
      principlesOverall({ lessons: {}, scenarios: { contractor: { best: last } } }, ['contractor'], principleIds),
    );
  });

  it('re-scores a finished run that matches both the best and the last result', () => {
    const finished = fixture('local-storage-finished-run.json') as Record<string, unknown>;
    const progress = rescoreAll(decodeProgress(finished).progress);
    const client = progress.scenarios['client']!;
    const expected = replayed(finished, 'client', client.last!.at);
    expect(client.last).toEqual(expected);
    expect(client.best).toEqual(expected);
    // The learner's own path is kept and scored by today's rules, not by the figure version 1 stored.
    const stored = (finished['scenarios'] as Record<string, { run: { steps: unknown } }>)['client']!.run.steps;
    expect(expected.steps).toEqual(stored);
    expect(expected.overall).not.toBe(decodeProgress(finished).progress.scenarios['client']!.last!.overall);
  });

  it('migrates an exported file of that version the same way as stored progress', () => {
    const file = decodeProgressFile(
      readFileSync(join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'progress', 'v1', 'exported-file.json'), 'utf8'),
    );
    expect(file.ok).toBe(true);
    if (!file.ok) return;
    expect(rescoreAll(file.progress)).toEqual(rescoreAll(decodeProgress(saved).progress));
  });

  it('keeps the re-scored result counted when the scenario is played again with a lower score', async () => {
    const migrated = rescoreAll(decodeProgress(saved).progress);
    const counted = countedResult(migrated.scenarios['contractor'])!;
    // The state after the migration: the last re-scored and counted, the best still labelled.
    expect(counted).toEqual(migrated.scenarios['contractor']!.last);
    expect(migrated.scenarios['contractor']!.best!.earlierRules).toBe(true);
    const { recordResult } = await progressStore(JSON.stringify(encodeVersioned(progressFormat, migrated)));
    const lower = { ...counted, overall: counted.overall - 10, at: '2026-12-01T09:00:00.000Z' };
    recordResult('contractor', lower);
    const after = decodeProgress(JSON.parse(localStorage.getItem(progressKey)!)).progress.scenarios['contractor']!;
    expect(after.last).toEqual(lower);
    expect(after.best).toEqual(counted);
    expect(countedResult(after)).toEqual(counted);
  });

  it('is re-scored on the progress page from the scenario it fetches; a scenario it cannot fetch leaves the result labelled', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    // The progress page listens to the store, which reads what is saved.
    const { $progress } = await progressStore(JSON.stringify(saved));
    $progress.listen(() => {});
    const { rescoreFetched } = await import('./results.ts');
    const asked: string[] = [];
    const offline = (async (url: string) => {
      asked.push(url);
      return new Response('', { status: 503 });
    }) as typeof fetch;
    const pages = [
      { id: 'contractor', href: '/en/scenarios/contractor/' },
      { id: 'client', href: '/en/scenarios/client/' },
    ];
    await rescoreFetched(pages, offline);
    // Both have a stored run to try (the client's turns out to be another run).
    expect(asked).toEqual(['/en/scenarios/contractor/player.json', '/en/scenarios/client/player.json']);
    expect(warn).toHaveBeenCalledTimes(2);
    const stored = () => decodeProgress(JSON.parse(localStorage.getItem(progressKey)!)).progress.scenarios['contractor']!;
    expect(stored().last!.earlierRules).toBe(true);
    const online = (async (url: string) => Response.json({ scenario: scenario(url.split('/')[3]!) })) as unknown as typeof fetch;
    await rescoreFetched(pages, online);
    expect(stored().last).toEqual(replayed(saved, 'contractor', old['contractor']!['last']!['at'] as string));
    // Settled: nothing is fetched again.
    asked.length = 0;
    await rescoreFetched(pages, offline);
    expect(asked).toEqual([]);
  });

  it('is re-scored once: saved again in the current format, it reads back unchanged and awaits nothing', () => {
    const progress = rescoreAll(decodeProgress(saved).progress);
    const again = decodeProgress(JSON.parse(JSON.stringify(encodeVersioned(progressFormat, progress))));
    expect(again).toEqual({ progress, dropped: [] });
    expect(rescoreAll(again.progress)).toBe(again.progress);
  });
});

describe('progress saved by a newer version of the course', () => {
  const newer = JSON.stringify({ v: 3, lessons: { 'warn-first': { read: true } }, scenarios: {}, settings: { new: 'field' } });

  it('is kept as it is: never written over, on opening or on a change, and the learner is told', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = await progressStore(newer);
    // A page's island listens to the store, which reads what is saved.
    store.$progress.listen(() => {});
    expect(store.$storageNotice.get()).toBe('newer');
    expect(localStorage.getItem(progressKey)).toBe(newer);
    store.update((p) => ({ ...p, name: 'Ada' }));
    store.recordResult('contractor', { ...result(), at: '2026-12-01T09:00:00.000Z' });
    expect(localStorage.getItem(progressKey)).toBe(newer);
    // What the learner does meanwhile lives in the page.
    expect(store.$progress.get().name).toBe('Ada');
  });
});

describe('progress whose format version is missing or not an integer', () => {
  for (const v of [undefined, '2', 2.5, null])
    it(`(v: ${JSON.stringify(v)}) is kept as it is, like a newer version’s: never written over, and the learner is told`, async () => {
      vi.spyOn(console, 'warn').mockImplementation(() => {});
      const saved = JSON.stringify({ v, lessons: { 'warn-first': { read: true } }, scenarios: {} });
      const store = await progressStore(saved);
      store.$progress.listen(() => {});
      expect(store.$storageNotice.get()).toBe('unknown');
      store.update((p) => ({ ...p, name: 'Ada' }));
      store.recordResult('contractor', result());
      expect(localStorage.getItem(progressKey)).toBe(saved);
      expect(store.$progress.get().name).toBe('Ada');
      expect(store.$storageNotice.get()).toBe('unknown');
    });
});
