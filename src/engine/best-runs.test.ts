import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bestRuns, compileSteps, pointsBound } from './best-runs.ts';
import { isDecision, routesOf, step } from './graph.ts';
import { randomScenario } from './random-scenario.ts';
import { replay } from './run.ts';
import { allPaths, conditionKinds as kinds, tinyScenario } from '../../tests/unit/scenario-fixtures.ts';

describe('the exact search for the best runs', () => {
  it('finds each principle’s best run, which may differ between principles, with its decisions', () => {
    const s = tinyScenario(
      {
        a: [
          { id: 'x', points: { 'warn-first': 2 }, next: 'b' },
          { id: 'y', points: { 'warn-first': 1, 'agree-terms': 3 }, next: 'end' },
        ],
        b: [
          { id: 'z', points: { 'reward-good': 1 }, next: 'end' },
          { id: 'w', points: { 'warn-first': -1 }, next: 'end' },
        ],
      },
      ['end'],
    );
    expect(bestRuns(s)).toEqual({
      'warn-first': {
        points: 2,
        steps: [
          { node: 'a', choice: 'x' },
          { node: 'b', choice: 'z' },
        ],
      },
      'agree-terms': { points: 3, steps: [{ node: 'a', choice: 'y' }] },
      'reward-good': {
        points: 1,
        steps: [
          { node: 'a', choice: 'x' },
          { node: 'b', choice: 'z' },
        ],
      },
    });
  });

  it('leaves out a branch that the meters can never open', () => {
    const gated = (start: number) =>
      tinyScenario(
        {
          a: [
            { id: 'up', effects: { trust: 1 }, next: 'b' },
            { id: 'down', effects: { trust: -1 }, next: 'b' },
          ],
          b: [{ id: 'go', next: [{ when: { meter: 'trust', atLeast: 3 }, goto: 'jackpot' }, { goto: 'plain' }] }],
          jackpot: [{ id: 'take', points: { 'warn-first': 10 }, next: 'end' }],
          plain: [{ id: 'take', points: { 'warn-first': 1 }, next: 'end' }],
        },
        ['end'],
        { start, max: 3 },
      );
    // From 1, trust reaches 2 at most, so the jackpot is out of reach...
    expect(bestRuns(gated(1))['warn-first']!.points).toBe(1);
    // ...from 2 one step up opens it, and the run that does is named.
    expect(bestRuns(gated(2))['warn-first']).toEqual({
      points: 10,
      steps: [
        { node: 'a', choice: 'up' },
        { node: 'b', choice: 'go' },
        { node: 'jackpot', choice: 'take' },
      ],
    });
  });

  it('respects clamping: effects past a bound do not open a branch', () => {
    const s = tinyScenario(
      {
        a: [{ id: 'up', effects: { trust: 5 }, next: 'b' }],
        b: [{ id: 'go', next: [{ when: { meter: 'trust', atLeast: 4 }, goto: 'gone' }, { goto: 'end' }] }],
        gone: [{ id: 'take', points: { 'agree-terms': 7 }, next: 'end' }],
      },
      ['end'],
      { start: 0, max: 3 },
    );
    expect(bestRuns(s)['agree-terms']!.points).toBe(0);
  });

  it('reports the least loss when a principle can only lose points', () => {
    const s = tinyScenario(
      {
        a: [
          { id: 'x', points: { 'reward-good': -2 }, next: 'end' },
          { id: 'y', points: { 'reward-good': -1 }, next: 'end' },
        ],
      },
      ['end'],
    );
    expect(bestRuns(s)['reward-good']).toEqual({ points: -1, steps: [{ node: 'a', choice: 'y' }] });
  });

  it('on random scenarios, matches the best of every complete path, and its run earns what it says', () => {
    const sizes = fc.record({ seed: fc.integer(), nodes: fc.integer({ min: 2, max: 12 }), conditional: fc.constantFrom(0, 0.3, 0.6) });
    fc.assert(
      fc.property(sizes, ({ seed, nodes, conditional }) => {
        const s = randomScenario(seed, { nodes, conditional, meterMax: 3, choices: [2, 3] });
        const points = allPaths(s).map((steps) => replay(s, steps)!.points);
        for (const [p, best] of Object.entries(bestRuns(s))) {
          expect(best.points).toBe(Math.max(...points.map((x) => x[p] ?? 0)));
          const state = replay(s, best.steps)!;
          expect(state.ended).toBe(true);
          expect(state.points[p] ?? 0).toBe(best.points);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('the bound on points whatever the meters', () => {
  it('counts a branch the meters can never open, which the exact search leaves out', () => {
    const s = tinyScenario(
      {
        a: [{ id: 'go', next: [{ when: { meter: 'trust', atLeast: 3 }, goto: 'jackpot' }, { goto: 'plain' }] }],
        jackpot: [{ id: 'take', points: { 'warn-first': 10 }, next: 'end' }],
        plain: [{ id: 'take', points: { 'warn-first': 1, 'reward-good': -2 }, next: 'end' }],
      },
      ['end'],
      { start: 0, max: 3 },
    );
    expect(pointsBound(s)).toEqual({ 'warn-first': 10, 'agree-terms': 0, 'reward-good': 0 });
    expect(bestRuns(s)['warn-first']!.points).toBe(1);
  });

  it('on random scenarios, is never below the exact best, and equals it when no route has a condition', () => {
    const sizes = fc.record({ seed: fc.integer(), nodes: fc.integer({ min: 2, max: 40 }), conditional: fc.constantFrom(0, 0.3, 0.6) });
    fc.assert(
      fc.property(sizes, ({ seed, nodes, conditional }) => {
        const s = randomScenario(seed, { nodes, conditional, meterMax: 3, choices: [2, 3] });
        const bound = pointsBound(s);
        for (const [p, best] of Object.entries(bestRuns(s))) {
          if (conditional === 0) expect(bound[p]).toBe(best.points);
          else expect(bound[p]).toBeGreaterThanOrEqual(best.points);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('the steps the exact search compiles', () => {
  it('agree with the engine’s step on every choice, for any meter values: effects, clamping and every kind of condition', () => {
    const seen = new Set<string>();
    const cases = fc.record({
      seed: fc.integer(),
      meters: fc.integer({ min: 1, max: 4 }),
      meterMax: fc.integer({ min: 1, max: 10 }),
      values: fc.array(fc.integer({ min: -2, max: 12 }), { minLength: 4, maxLength: 4 }),
    });
    fc.assert(
      fc.property(cases, ({ seed, meters, meterMax, values }) => {
        const s = randomScenario(seed, { nodes: 8, meters, meterMax, conditional: 0.6 });
        const compiled = compileSteps(s);
        // Any meter values within the bounds, the ones the search can meet.
        const before = Object.fromEntries(s.meters.map((m, i) => [m.id, Math.min(m.max, Math.max(m.min, values[i]!))]));
        const code = compiled.encode(before);
        s.nodes.forEach((node, n) => {
          if (!isDecision(node)) return;
          node.choices.forEach((choice, c) => {
            for (const r of routesOf(choice)) if (r.when) for (const k of kinds(r.when)) seen.add(k);
            const interpreted = step(s, before, choice);
            const numbered = compiled.links.choiceStart[n]! + c;
            const after = compiled.after(numbered, code);
            expect(after).toBe(compiled.encode(interpreted.meters));
            const target = compiled.target(numbered, after);
            expect(s.nodes[target]?.id).toBe(interpreted.next);
          });
        });
      }),
      { numRuns: 300 },
    );
    expect([...seen].sort()).toEqual(['all', 'any', 'atLeast', 'below']);
  });
});
