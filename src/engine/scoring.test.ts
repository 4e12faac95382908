import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { outcome, overallScore, scoreSteps } from './scoring.ts';
import { maxima } from './maxima.ts';
import { comparePath, markedPath } from './paths.ts';
import { choose, runState, startRun, type Run } from './run.ts';
import { isDecision } from './graph.ts';
import { randomScenario } from './random-scenario.ts';
import { diagnosticCodes, validateScenario } from './validate.ts';
import { loadValid } from '../../tests/unit/scenario-fixtures.ts';
import type { ScenarioContent } from './schema.ts';
import type { Choice, Route, Step } from './types.ts';

const text = (s: string) => ({ en: s, ru: s });
type ChoiceSpec = { id: string; points?: Record<string, number>; effects?: Record<string, number>; next: string | Route[] };

/** A scenario from a compact description: decisions by id with their choices; other ids are endings. */
function tiny(decisions: Record<string, ChoiceSpec[]>, endings: string[], meter?: { start: number; max: number }): ScenarioContent {
  return {
    id: 'tiny',
    perspective: 'client',
    title: text('t'),
    summary: text('t'),
    principles: ['warn-first', 'agree-terms', 'reward-good'],
    meters: meter ? [{ id: 'trust', label: text('Trust'), min: 0, max: meter.max, start: meter.start }] : [],
    start: Object.keys(decisions)[0]!,
    nodes: [
      ...Object.entries(decisions).map(([id, choices]) => ({
        id,
        type: 'decision' as const,
        title: text(id),
        situation: text(id),
        notes: text(id),
        questions: [text('q'), text('q')],
        choices: choices.map((c) => ({ label: text(c.id), feedback: text(c.id), points: {}, effects: {}, marks: [], ...c })),
      })),
      ...endings.map((id) => ({ id, type: 'ending' as const, grade: 'good' as const, title: text(id), text: text(id), debrief: text(id) })),
    ],
  };
}

/** Every complete path, by brute force: the reference the exact maxima must match. */
function allPaths(s: ScenarioContent): Step[][] {
  const out: Step[][] = [];
  const walk = (run: Run) => {
    const state = runState(s, run);
    if (!isDecision(state.node)) return void out.push([...run.steps]);
    for (const c of state.node.choices as Choice[]) {
      const r = choose(s, run, c.id);
      if (r.ok) walk(r.run);
    }
  };
  walk(startRun(s));
  return out;
}

describe('the exact maximum reachable', () => {
  it('takes each principle’s best path, which may differ between principles', () => {
    const s = tiny(
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
    expect(maxima(s)).toEqual({ 'warn-first': 2, 'agree-terms': 3, 'reward-good': 1 });
  });

  it('leaves out a branch that the meters can never open', () => {
    const gated = (start: number) =>
      tiny(
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
    expect(maxima(gated(1))['warn-first']).toBe(1);
    // ...from 2 one step up opens it.
    expect(maxima(gated(2))['warn-first']).toBe(10);
  });

  it('respects clamping: effects past a bound do not open a branch', () => {
    const s = tiny(
      {
        a: [{ id: 'up', effects: { trust: 5 }, next: 'b' }],
        b: [{ id: 'go', next: [{ when: { meter: 'trust', atLeast: 4 }, goto: 'gone' }, { goto: 'end' }] }],
        gone: [{ id: 'take', points: { 'agree-terms': 7 }, next: 'end' }],
      },
      ['end'],
      { start: 0, max: 3 },
    );
    expect(maxima(s)['agree-terms']).toBe(0);
  });

  it('is never negative: a principle that can only lose points has a maximum of 0', () => {
    const s = tiny({ a: [{ id: 'x', points: { 'reward-good': -2 }, next: 'end' }] }, ['end']);
    expect(maxima(s)['reward-good']).toBe(0);
  });
});

describe('the overall score', () => {
  it('is round(100 × Σ clamp(earned, 0, max) / Σ max)', () => {
    expect(
      overallScore([
        { principle: 'warn-first', earned: 5, max: 4 },
        { principle: 'agree-terms', earned: -2, max: 3 },
        { principle: 'reward-good', earned: 1, max: 3 },
      ]),
    ).toBe(50);
    expect(overallScore([{ principle: 'warn-first', earned: 2, max: 3 }])).toBe(67);
  });

  it('is 0 when nothing can be earned', () => {
    expect(overallScore([{ principle: 'warn-first', earned: 0, max: 0 }])).toBe(0);
  });

  it('scores the fixture’s recommended path above its real-case path', () => {
    const s = loadValid('mini-contractor');
    const recommended = outcome(s, markedPath(s, 'recommended'), maxima(s))!;
    const real = outcome(s, markedPath(s, 'real'), maxima(s))!;
    expect(recommended.overall).toBe(100);
    expect(real.overall).toBeLessThan(recommended.overall);
    expect(real.meterHistory).toEqual([{ trust: 4 }, { trust: 3 }, { trust: 2 }, { trust: 3 }]);
  });
});

describe('comparing paths', () => {
  it('names where a learner parted from the recommended path', () => {
    const s = loadValid('mini-contractor');
    const steps = markedPath(s, 'real');
    const comparison = comparePath(s, steps, 'recommended', maxima(s));
    expect(comparison).toMatchObject({ partedAt: 0, partedNode: 'unpaid', ending: 'deal' });
    expect(comparePath(s, steps, 'real', maxima(s))).toMatchObject({ partedAt: null, partedNode: null });
  });
});

describe('properties of random scenarios', () => {
  const sizes = fc.record({ seed: fc.integer(), nodes: fc.integer({ min: 2, max: 12 }), conditional: fc.constantFrom(0, 0.3, 0.6) });

  it('random generated scenarios are valid', () => {
    fc.assert(
      fc.property(sizes, ({ seed, nodes, conditional }) => {
        const s = randomScenario(seed, { nodes, conditional, meterMax: 3 });
        expect(validateScenario({ file: 'r.yaml', data: s }).diagnostics).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('every random walk reaches an ending', () => {
    fc.assert(
      fc.property(sizes, fc.array(fc.nat(), { minLength: 12, maxLength: 12 }), ({ seed, nodes, conditional }, picks) => {
        const s = randomScenario(seed, { nodes, conditional, meterMax: 3 });
        let run = startRun(s);
        for (const pick of picks) {
          const { node } = runState(s, run);
          if (!isDecision(node)) break;
          const r = choose(s, run, node.choices[pick % node.choices.length]!.id);
          if (r.ok) run = r.run;
        }
        expect(runState(s, run).ended).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('no run scores above the maximum on any principle, and some run reaches it', () => {
    fc.assert(
      fc.property(sizes, ({ seed, nodes, conditional }) => {
        const s = randomScenario(seed, { nodes, conditional, meterMax: 3, choices: [2, 3] });
        const top = maxima(s);
        const scores = allPaths(s).map((steps) => scoreSteps(s, steps, top)!);
        for (const p of s.principles) {
          const best = Math.max(0, ...scores.map((sc) => sc.principles.find((x) => x.principle === p)!.earned));
          expect(best).toBe(top[p]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the validator never throws, whatever the graph, and answers every graph with known diagnostics', () => {
    const ids = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    const choice = fc.record({
      id: ids,
      label: fc.constant(text('l')),
      feedback: fc.constant(text('f')),
      points: fc.dictionary(fc.constantFrom('warn-first', 'agree-terms', 'bogus'), fc.integer({ min: -3, max: 3 })),
      effects: fc.dictionary(fc.constantFrom('trust', 'ghost'), fc.integer({ min: -3, max: 3 })),
      next: fc.oneof(
        ids,
        fc.array(
          fc.record({
            when: fc.option(fc.record({ meter: fc.constantFrom('trust', 'ghost'), below: fc.integer({ min: -1, max: 4 }) }), {
              nil: undefined,
            }),
            goto: ids,
          }),
          { minLength: 1, maxLength: 3 },
        ),
      ),
      marks: fc.subarray(['real', 'recommended']),
    });
    // Each kind of node with its own fields, so most scenarios pass the shape check and reach
    // the graph checks; now and then a node of an unknown type tests the shape check itself.
    const decision = fc.record({
      id: ids,
      type: fc.constant('decision'),
      title: fc.constant(text('t')),
      situation: fc.constant(text('s')),
      notes: fc.constant(text('n')),
      questions: fc.constant([text('q'), text('q')]),
      choices: fc.array(choice, { maxLength: 3 }),
    });
    const ending = fc.record({
      id: ids,
      type: fc.constant('ending'),
      grade: fc.constantFrom('best', 'good', 'mixed', 'poor'),
      title: fc.constant(text('t')),
      text: fc.constant(text('t')),
      debrief: fc.constant(text('d')),
    });
    const odd = fc.record({ id: ids, type: fc.constant('other') });
    const scenario = fc.record({
      id: fc.constant('x'),
      perspective: fc.constant('client'),
      title: fc.constant(text('t')),
      summary: fc.constant(text('s')),
      principles: fc.subarray(['warn-first', 'agree-terms', 'reward-good', 'other'], { minLength: 1 }),
      meters: fc.constant([{ id: 'trust', label: text('Trust'), min: 0, max: 3, start: 1 }]),
      start: ids,
      nodes: fc.array(fc.oneof({ arbitrary: decision, weight: 6 }, { arbitrary: ending, weight: 3 }, { arbitrary: odd, weight: 1 }), {
        minLength: 1,
        maxLength: 6,
      }),
    });
    const graphCodes = new Set<string>();
    fc.assert(
      fc.property(fc.oneof({ arbitrary: scenario, weight: 4 }, { arbitrary: fc.anything(), weight: 1 }), (data) => {
        const result = validateScenario({ file: 'r.yaml', data: JSON.parse(JSON.stringify(data ?? null)) });
        // Either a scenario with no diagnostics, or no scenario and at least one known diagnostic.
        if (result.scenario) expect(result.diagnostics).toEqual([]);
        else expect(result.diagnostics.length).toBeGreaterThan(0);
        for (const d of result.diagnostics) {
          expect(diagnosticCodes).toContain(d.code);
          if (d.code !== 'invalid-shape' && d.code !== 'missing-translation') graphCodes.add(d.code);
        }
      }),
      { numRuns: 1500 },
    );
    // The graph checks were reached, and found the usual faults of a random graph.
    for (const code of ['unknown-target', 'unreachable-node', 'cycle', 'duplicate-id']) expect(graphCodes).toContain(code);
  });
});
