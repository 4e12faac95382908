import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countedPoints, gradeOf, outcome, scoreOf, scoreSteps, storyAgainstGrade } from './scoring.ts';
import { markedPath, referencePoints } from './paths.ts';
import { randomScenario } from './random-scenario.ts';
import { replay } from './run.ts';
import { gradeBands, grades } from './vocabulary.ts';
import { loadValid, walkByPicks } from '../../tests/unit/scenario-fixtures.ts';

const rank = (grade: string) => grades.indexOf(grade as (typeof grades)[number]);

describe('counted points', () => {
  it('are the raw points clamped to [0, reference]', () => {
    expect(countedPoints(5, 8)).toBe(5);
    expect(countedPoints(-3, 8)).toBe(0);
    expect(countedPoints(9, 8)).toBe(8);
    expect(countedPoints(2, 0)).toBe(0);
  });
});

describe('the score', () => {
  it('is round(100 × Σ counted / Σ reference), with each principle counted', () => {
    const score = scoreOf([
      { principle: 'warn-first', earned: 5, max: 4 },
      { principle: 'agree-terms', earned: -2, max: 3 },
      { principle: 'reward-good', earned: 1, max: 3 },
    ]);
    expect(score.principles.map((p) => p.counted)).toEqual([4, 0, 1]);
    expect(score.overall).toBe(50);
    expect(scoreOf([{ principle: 'warn-first', earned: 2, max: 3 }]).overall).toBe(67);
  });

  it('is 0 when the references add up to 0', () => {
    expect(scoreOf([{ principle: 'warn-first', earned: 0, max: 0 }]).overall).toBe(0);
  });
});

describe('the grade bands', () => {
  const all = (counted: number, max = 10) => [
    { counted, max },
    { counted, max },
  ];

  it('are best from 90 with every principle at least half its reference, good 70-89, mixed 40-69, poor below 40', () => {
    expect(gradeOf(100, all(10))).toBe('best');
    expect(gradeOf(90, all(9))).toBe('best');
    expect(gradeOf(89, all(9))).toBe('good');
    expect(gradeOf(70, all(7))).toBe('good');
    expect(gradeOf(69, all(7))).toBe('mixed');
    expect(gradeOf(40, all(4))).toBe('mixed');
    expect(gradeOf(39, all(4))).toBe('poor');
    expect(gradeOf(0, all(0))).toBe('poor');
  });

  it('keep "best" from a score of 90 that leaves a principle below half its reference', () => {
    const lopsided = [
      { counted: 10, max: 10 },
      { counted: 10, max: 10 },
      { counted: 0, max: 1 },
    ];
    expect(scoreOf(lopsided.map((p, i) => ({ principle: `p${i}`, earned: p.counted, max: p.max }))).overall).toBe(95);
    expect(gradeOf(95, lopsided)).toBe('good');
    expect(gradeOf(95, [...lopsided.slice(0, 2), { counted: 1, max: 2 }])).toBe('best');
  });

  it('cover 0-100, best first, each starting lower than the one before', () => {
    expect(gradeBands.map((b) => b.grade)).toEqual([...grades]);
    expect(gradeBands[gradeBands.length - 1]!.from).toBe(0);
    for (let i = 1; i < gradeBands.length; i++) expect(gradeBands[i]!.from).toBeLessThan(gradeBands[i - 1]!.from);
  });

  it('never fall when one principle gains points and the others keep theirs (the grade is no function of the overall alone: best also asks every principle for half its reference)', () => {
    const principle = fc.record({ earned: fc.integer({ min: -5, max: 15 }), max: fc.integer({ min: 1, max: 12 }) });
    fc.assert(
      fc.property(fc.array(principle, { minLength: 1, maxLength: 3 }), fc.nat(), fc.integer({ min: 1, max: 6 }), (ps, which, more) => {
        const before = scoreOf(ps.map((p, i) => ({ principle: `p${i}`, ...p })));
        const i = which % ps.length;
        const after = scoreOf(ps.map((p, j) => ({ principle: `p${j}`, ...p, earned: j === i ? p.earned + more : p.earned })));
        expect(after.overall).toBeGreaterThanOrEqual(before.overall);
        expect(rank(after.grade)).toBeLessThanOrEqual(rank(before.grade));
      }),
      { numRuns: 500 },
    );
  });
});

describe('the ending’s tone against the grade', () => {
  it('says whether the story ended better, worse, or as the play earned', () => {
    expect(storyAgainstGrade('steady', 'mixed')).toBe('better');
    expect(storyAgainstGrade('broken', 'good')).toBe('worse');
    expect(storyAgainstGrade('thriving', 'best')).toBe('same');
  });
});

describe('scoring a path', () => {
  it('measures against the recommended path, which scores 100', () => {
    const s = loadValid('mini-contractor');
    expect(referencePoints(s)).toEqual({ 'warn-first': 4, 'agree-terms': 3, 'reward-good': 1 });
    const recommended = outcome(s, markedPath(s, 'recommended'))!;
    const real = outcome(s, markedPath(s, 'real'))!;
    expect(recommended).toMatchObject({ overall: 100, grade: 'best' });
    expect(real.overall).toBeLessThan(recommended.overall);
    expect(real.meterHistory).toEqual([
      { cash: 0, trust: 4 },
      { cash: 0, trust: 3 },
      { cash: 0, trust: 2 },
      { cash: 0, trust: 3 },
    ]);
  });

  it('scores only the principles the scenario scores', () => {
    const s = loadValid('mini-client');
    expect(scoreSteps(s, markedPath(s, 'recommended'))!.principles.map((p) => p.principle)).toEqual(['agree-terms', 'reward-good']);
  });

  it('is undefined for decisions that do not fit the scenario', () => {
    expect(scoreSteps(loadValid('mini-contractor'), [{ node: 'ask', choice: 'warn' }])).toBeUndefined();
  });
});

describe('properties of random scenarios', () => {
  const sizes = fc.record({ seed: fc.integer(), nodes: fc.integer({ min: 2, max: 12 }), conditional: fc.constantFrom(0, 0.3, 0.6) });

  it('the recommended path scores 100 and the best grade', () => {
    fc.assert(
      fc.property(sizes, ({ seed, nodes, conditional }) => {
        const s = randomScenario(seed, { nodes, conditional, meterMax: 3 });
        expect(scoreSteps(s, markedPath(s, 'recommended'))).toMatchObject({ overall: 100, grade: 'best' });
      }),
      { numRuns: 150 },
    );
  });

  it('no random walk earns more raw points than the recommended path on any principle, so the clamp never binds', () => {
    fc.assert(
      fc.property(sizes, fc.array(fc.nat(), { minLength: 12, maxLength: 12 }), ({ seed, nodes, conditional }, picks) => {
        const s = randomScenario(seed, { nodes, conditional, meterMax: 3 });
        const reference = referencePoints(s);
        const state = replay(s, walkByPicks(s, picks))!;
        expect(state.ended).toBe(true);
        for (const p of s.principles) expect(state.points[p] ?? 0).toBeLessThanOrEqual(reference[p]!);
      }),
      { numRuns: 200 },
    );
  });
});
