import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeProgress, encodeProgress, type ScenarioResult } from './progress-format.ts';
import { decodeProgressFile, progressFile } from './progress-file.ts';

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

  it('reads no format it does not know, saying why, and marks a newer one so that it is kept', () => {
    expect(decodeProgress({ v: 0, lessons: {} }).dropped[0]).toMatch(/version 0/);
    expect(decodeProgress({ v: 0, lessons: {} }).newer).toBeUndefined();
    expect(decodeProgress({ v: 3, lessons: {} })).toMatchObject({ dropped: [expect.stringMatching(/version 3/)], newer: 3 });
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
          expect(decodeProgress(JSON.parse(encodeProgress(progress)))).toEqual({ progress, dropped: [] });
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
