import { describe, expect, it } from 'vitest';
import { progressSummary } from './course-results.ts';
import { emptyProgress, type Progress, type ScenarioResult } from './progress-format.ts';

const scenarios = [
  { id: 'a', endings: { paid: 'Paid in full', lost: 'A lost client' } },
  { id: 'b', endings: { settled: 'Settled' } },
];
const lessons = ['warn-first'];
const principles = ['warn-first', 'agree-terms'];

/** A result as progress saves it; `earned` per principle against a reference of 4. */
function result(ending: string, grade: ScenarioResult['grade'], overall: number, earned: [number, number], at: string): ScenarioResult {
  return {
    ending,
    grade,
    overall,
    principles: { 'warn-first': { earned: earned[0], max: 4 }, 'agree-terms': { earned: earned[1], max: 4 } },
    at,
  };
}

const done = (a: ScenarioResult, b: ScenarioResult): Progress => ({
  lessons: { 'warn-first': { read: true } },
  scenarios: { a: { best: a, last: a }, b: { best: b, last: b } },
});

describe('the progress page’s summary of saved progress', () => {
  it('shows nothing played and the certificate locked on empty progress', () => {
    const summary = progressSummary(emptyProgress(), scenarios, lessons, principles);
    expect(summary).toMatchObject({
      done: 0,
      total: 3,
      certificate: 'locked',
      replay: [{ id: 'a' }, { id: 'b' }],
      weak: [],
      awaiting: [],
      finished: undefined,
    });
    expect(summary.scenarios.map((s) => [s.id, s.notPlayed, s.counted])).toEqual([
      ['a', true, undefined],
      ['b', true, undefined],
    ]);
    expect(summary.scenarios[0]!.principles).toEqual({ 'warn-first': undefined, 'agree-terms': undefined });
  });

  it('gives each scenario its counted ending by title, grade and scores, with costs counted as 0, and the certificate once all is done', () => {
    const summary = progressSummary(
      done(result('paid', 'good', 75, [4, -2], '2026-11-30T10:00:00Z'), result('settled', 'best', 95, [4, 3], '2026-12-01T09:00:00Z')),
      scenarios,
      lessons,
      principles,
    );
    expect(summary).toMatchObject({ done: 3, total: 3, certificate: 'complete', replay: [], weak: [], finished: '2026-12-01T09:00:00Z' });
    expect(summary.scenarios[0]).toEqual({
      id: 'a',
      counted: { ending: 'Paid in full', grade: 'good', overall: 75 },
      notPlayed: false,
      principles: { 'warn-first': { earned: 4, max: 4, counted: 4 }, 'agree-terms': { earned: -2, max: 4, counted: 0 } },
    });
    // Over both scenarios: warn-first 8 of 8, agree-terms 0 + 3 of 8.
    expect(summary.overall.principles.map((p) => [p.principle, p.counted, p.max])).toEqual([
      ['warn-first', 8, 8],
      ['agree-terms', 3, 8],
    ]);
  });

  it('lists the scenarios below the good band as worth a replay before printing', () => {
    const summary = progressSummary(
      done(result('lost', 'mixed', 45, [2, 1], '2026-11-30T10:00:00Z'), result('settled', 'good', 70, [3, 3], '2026-11-30T11:00:00Z')),
      scenarios,
      lessons,
      principles,
    );
    expect(summary.certificate).toBe('complete');
    expect(summary.weak.map((c) => c.id)).toEqual(['a']);
    expect(summary.weak[0]).toBe(summary.scenarios[0]);
    expect(summary.scenarios[0]!.counted).toEqual({ ending: 'A lost client', grade: 'mixed', overall: 45 });
  });

  it('labels a result scored under the earlier rules, does not count it, and asks for a replay before the certificate', () => {
    const earlier = { ...result('gone', 'poor', 30, [0, 0], '2026-01-01T00:00:00Z'), earlierRules: true as const };
    const summary = progressSummary(
      done(earlier, result('settled', 'best', 95, [4, 3], '2026-12-01T09:00:00Z')),
      scenarios,
      lessons,
      principles,
    );
    expect(summary).toMatchObject({
      certificate: 'replay',
      replay: [{ id: 'a' }],
      weak: [],
      awaiting: [],
      finished: '2026-12-01T09:00:00Z',
    });
    // An ending the scenario no longer has is shown by its id.
    expect(summary.scenarios[0]).toMatchObject({ notPlayed: false, earlier: { ending: 'gone', overall: 30 } });
    expect(summary.scenarios[0]!.counted).toBeUndefined();
  });

  it('carries what the page passed for each scenario into its column, and lists those whose results wait to be re-scored', () => {
    const steps: [string, string][] = [['start', 'call']];
    const earlier = { ...result('paid', 'poor', 30, [0, 0], '2026-01-01T00:00:00Z'), earlierRules: true as const, steps };
    const linked = scenarios.map((s) => ({ ...s, title: s.id.toUpperCase(), href: `/${s.id}/` }));
    const summary = progressSummary(
      done(earlier, result('settled', 'best', 95, [4, 3], '2026-12-01T09:00:00Z')),
      linked,
      lessons,
      principles,
    );
    expect(summary.awaiting).toEqual([linked[0]]);
    expect(summary.scenarios.map((c) => [c.id, c.title, c.href, 'endings' in c])).toEqual([
      ['a', 'A', '/a/', false],
      ['b', 'B', '/b/', false],
    ]);
    expect(summary.replay.map((c) => c.title)).toEqual(['A']);
  });
});
