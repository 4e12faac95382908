import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { decodeProgress, progressFormat, progressVersion, type Progress, type ScenarioResult } from './progress-format.ts';
import { encodeVersioned, readableVersions } from './persisted.ts';
import { decodeProgressFile, progressFile } from './progress-file.ts';
import { fakeBrowser } from '../../tests/unit/fake-browser.ts';
import { progressKey } from '../browser/storage-keys.ts';

const result = {
  ending: 'deal',
  grade: 'best',
  overall: 90,
  principles: { 'warn-first': { earned: 4, max: 4 } },
  at: '2026-11-27T10:00:00.000Z',
  steps: [['unpaid', 'remind']],
} as ScenarioResult;

describe('saved progress', () => {
  it('keeps every well-formed part and lists what it dropped', () => {
    const { progress, dropped } = decodeProgress({
      v: 2,
      lessons: {
        'warn-first': { read: true, answers: { 0: 2 } },
        broken: 'x',
        'agree-on-terms': { read: 'yes', reflections: { 0: 'ok' } },
      },
      scenarios: { contractor: { best: result, last: { ...result, grade: 'superb' } } },
      name: 'Ada',
    });
    expect(progress).toEqual({
      lessons: { 'warn-first': { read: true, answers: { 0: 2 } }, 'agree-on-terms': { reflections: { 0: 'ok' } } },
      scenarios: { contractor: { best: result } },
      name: 'Ada',
    });
    expect(dropped).toEqual(['lessons.broken', 'lessons.agree-on-terms.read', 'scenarios.contractor.last']);
  });

  it('reads no format it does not know, saying why, and marks it kept: a newer one, or one whose version it cannot place', () => {
    expect(decodeProgress({ v: 3, lessons: {} })).toMatchObject({ dropped: [expect.stringMatching(/version 3/)], kept: 'newer' });
    for (const v of [0, '2', 1.5, undefined])
      expect(decodeProgress({ v, lessons: { 'warn-first': { read: true } } })).toEqual({
        progress: { lessons: {}, scenarios: {} },
        dropped: [`everything: format version ${JSON.stringify(v)}`],
        kept: 'unknown',
      });
  });

  it('from version 2 on, counts a result only with its steps; one without a path to replay is kept, labelled as scored under the earlier rules', () => {
    const { steps: _, ...withoutSteps } = result;
    const labelled = { ...withoutSteps, earlierRules: true };
    const { progress, dropped } = decodeProgress({
      v: 2,
      lessons: {},
      scenarios: {
        a: { best: withoutSteps },
        b: { best: labelled },
        c: { best: { ...result, steps: [['x']] } },
        d: { best: { ...result, steps: [] }, last: { ...result, steps: 'unpaid' } },
        e: { best: result },
      },
    });
    expect(progress.scenarios).toEqual({
      a: { best: labelled },
      b: { best: labelled },
      c: { best: labelled },
      d: { best: labelled, last: labelled },
      e: { best: result },
    });
    expect(dropped).toEqual([]);
  });

  it('the decoder never throws, and what it accepts encodes back to itself', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({
            v: fc.constantFrom(1, 2),
            lessons: fc.dictionary(fc.string(), fc.anything()),
            scenarios: fc.dictionary(fc.string(), fc.anything()),
          }),
        ),
        (value) => {
          const { progress } = decodeProgress(value);
          expect(decodeProgress(JSON.parse(JSON.stringify(encodeVersioned(progressFormat, progress))))).toEqual({ progress, dropped: [] });
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('progress files', () => {
  it('an exported file imports back to the same progress', () => {
    const progress = { lessons: { debrief: { read: true } }, scenarios: { client: { best: result, last: result } } };
    expect(decodeProgressFile(progressFile(progress, new Date()))).toEqual({ ok: true, progress });
  });

  it('refuses, with a reason, anything but a well-formed file', () => {
    expect(decodeProgressFile('{')).toMatchObject({ ok: false, reason: 'not-json' });
    expect(decodeProgressFile('{"v":1}')).toMatchObject({ ok: false, reason: 'not-progress' });
    expect(decodeProgressFile('{"kind":"checks-in-the-mail/progress","v":3}')).toMatchObject({ ok: false, reason: 'version', detail: '3' });
    expect(decodeProgressFile('{"kind":"checks-in-the-mail/progress","v":"2"}')).toMatchObject({
      ok: false,
      reason: 'version',
      detail: '"2"',
    });
    expect(decodeProgressFile('{"kind":"checks-in-the-mail/progress","lessons":{}}')).toMatchObject({
      ok: false,
      reason: 'version',
      detail: '—',
    });
    expect(decodeProgressFile('{"kind":"checks-in-the-mail/progress","v":0}')).toMatchObject({ ok: false, reason: 'version', detail: '0' });
    expect(decodeProgressFile('{"kind":"checks-in-the-mail/progress","v":2,"lessons":{"a":{"read":1}}}')).toMatchObject({
      ok: false,
      reason: 'malformed',
      detail: 'lessons.a.read',
    });
  });

  it('the file reader never throws on any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => void decodeProgressFile(text)),
      { numRuns: 2000 },
    );
  });
});

describe('the principles over both scenarios', () => {
  it('add up the best results, never counting a negative score below zero', async () => {
    const { principlesOverall, finishedAt } = await import('./course-results.ts');
    const best = (earned: number, at: string) => ({ best: { ...result, principles: { 'warn-first': { earned, max: 4 } }, at } });
    const progress = { lessons: {}, scenarios: { a: best(-2, '2026-11-01T00:00:00.000Z'), b: best(3, '2026-11-05T00:00:00.000Z') } };
    expect(principlesOverall(progress, ['a', 'b', 'c'], ['warn-first'])).toEqual({
      principles: [{ principle: 'warn-first', earned: 3, counted: 3, max: 8 }],
      overall: 38,
      grade: 'poor',
    });
    expect(finishedAt(progress, ['a', 'b'])).toBe('2026-11-05T00:00:00.000Z');
  });
});

/** tests/fixtures/progress/v{n}/: what each released version of the format saved, made with that version's own code. */
const fixtures = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'progress');
const savedBy = readdirSync(fixtures, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => ({
    version: Number(entry.name.slice(1)),
    files: readdirSync(join(fixtures, entry.name))
      .filter((name) => name.endsWith('.json'))
      .map((name) => ({ name, text: readFileSync(join(fixtures, entry.name, name), 'utf8') })),
  }));

describe('progress saved by each released version of the format', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('has fixtures for every version the course reads, and every version before this one is one it reads', () => {
    const readable = readableVersions(progressFormat);
    expect(savedBy.map((v) => v.version).sort()).toEqual(readable);
    expect(readable).toEqual(Array.from({ length: progressVersion }, (_, i) => i + 1));
    for (const { files } of savedBy) expect(files.length).toBeGreaterThan(0);
  });

  for (const { version, files } of savedBy)
    for (const { name, text } of files)
      it(`v${version}/${name} loads without loss`, async () => {
        const saved = JSON.parse(text) as Record<string, unknown> & Progress;
        // An exported file goes through the import, which refuses anything short of well-formed.
        const imported = decodeProgressFile(text);
        const decoded = decodeProgress(saved);
        expect(decoded.dropped).toEqual([]);
        expect(decoded.kept).toBeUndefined();
        if (saved['kind'] !== undefined) expect(imported).toEqual({ ok: true, progress: decoded.progress });
        const { progress } = decoded;
        expect(progress.lessons).toEqual(saved.lessons);
        expect(progress.name).toEqual(saved.name);
        expect(Object.keys(progress.scenarios)).toEqual(Object.keys(saved.scenarios));
        for (const [id, scenario] of Object.entries(saved.scenarios)) {
          const kept = progress.scenarios[id]!;
          expect(kept.run).toEqual(scenario.run);
          for (const slot of ['last', 'best'] as const) {
            if (!scenario[slot]) {
              expect(kept[slot]).toBeUndefined();
              continue;
            }
            const { ending, grade, overall, principles, at } = scenario[slot];
            expect(kept[slot]).toMatchObject({ ending, grade, overall, principles, at });
            // A result of the earlier rules stays labelled until it is replayed; one of this version is as it was.
            if (version < 2) expect(kept[slot]!.earlierRules).toBe(true);
            else expect(kept[slot]).toEqual(scenario[slot]);
          }
        }
        // Opened from the browser's storage, it is read as it is, nothing reset and nothing written.
        vi.resetModules();
        const tab = fakeBrowser();
        tab.items.set(progressKey, text);
        const { savedProgress } = await import('./saved-progress.ts');
        expect(savedProgress.read()).toEqual({ value: progress, notice: undefined });
        expect(tab.items.get(progressKey)).toBe(text);
      });
});

/** Every field of `T`, optional ones too, down to its leaves (arrays and maps as they are). */
type EveryField<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]-?: EveryField<T[K]> } : T;

/**
 * The paths of the fields in a saved record, a map's keys (ids, indices) written `*` and an
 * array's items `[]`: its shape, whatever the learner did.
 */
function shapeOf(value: unknown, path = '', out = new Set<string>()): Set<string> {
  const maps = ['lessons', 'scenarios', 'answers', 'reflections', 'principles'];
  if (Array.isArray(value)) for (const item of value) shapeOf(item, `${path}[]`, out);
  else if (typeof value === 'object' && value !== null)
    for (const [key, item] of Object.entries(value)) {
      const at = `${path && `${path}.`}${maps.includes(path.split('.').pop()!) ? '*' : key}`;
      out.add(at);
      shapeOf(item, at, out);
    }
  return out;
}

describe('a field added to saved progress', () => {
  // Every field the format has, filled in: the type makes a field added to Progress show up here.
  const result: EveryField<ScenarioResult> = {
    ending: 'deal',
    grade: 'good',
    overall: 80,
    principles: { 'warn-first': { earned: 3, max: 4 } },
    at: '2026-11-27T10:00:00.000Z',
    steps: [['unpaid', 'remind']],
    earlierRules: true,
  };
  const everyField: EveryField<Progress> = {
    lessons: { 'warn-first': { read: true, answers: { 0: 1 }, reflections: { 0: 'In writing' } } },
    scenarios: {
      contractor: { run: { v: 1, scenario: 'contractor', fingerprint: 'x', steps: [['unpaid', 'remind']] }, last: result, best: result },
    },
    name: 'Ada',
  };

  it('is read back: the decoder keeps every field the encoder writes', () => {
    expect(decodeProgress(JSON.parse(JSON.stringify(encodeVersioned(progressFormat, everyField))))).toEqual({
      progress: everyField,
      dropped: [],
    });
  });

  // The decoder keeps only the fields it knows, so a tab of an older build of the same version
  // would erase a field a newer build adds. A new field therefore needs a new format version (a
  // step in `progressFormat.up`, and fixtures recorded by it), which older tabs keep as it is.
  it('comes with a new format version: what this version saves has only fields its recorded fixtures hold', () => {
    const recorded = new Set(
      savedBy.filter((v) => v.version === progressVersion).flatMap((v) => v.files.flatMap((f) => [...shapeOf(JSON.parse(f.text))])),
    );
    expect([...shapeOf(encodeVersioned(progressFormat, everyField))].filter((path) => !recorded.has(path))).toEqual([]);
  });
});
