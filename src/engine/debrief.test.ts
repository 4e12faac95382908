import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { debriefPath, nearMisses, strongestChoice, weakerMoments } from './debrief.ts';
import { findNode, isDecision, nextNodeId } from './graph.ts';
import { markedPath } from './paths.ts';
import { randomScenario } from './random-scenario.ts';
import { replay } from './run.ts';
import type { Choice, DecisionNode, Route, Scenario } from './types.ts';
import { loadValid, tinyScenario, walkByPicks } from '../../tests/unit/scenario-fixtures.ts';

const total = (s: Scenario, c: Choice) => s.principles.reduce((sum, p) => sum + (c.points[p] ?? 0), 0);

describe('the moments below the strongest choice', () => {
  it('name the learner’s choice, the stronger one, and the principles where it earned more', () => {
    const s = loadValid('mini-contractor');
    // The real case's path: silence, then a blunt reply, then written terms (the strongest there).
    expect(weakerMoments(s, markedPath(s, 'real'))).toEqual([
      { step: 0, node: 'unpaid', choice: 'wait', stronger: 'remind', principles: [{ principle: 'warn-first', mine: -1, stronger: 2 }] },
      {
        step: 1,
        node: 'ask',
        choice: 'blunt',
        stronger: 'warn',
        principles: [
          { principle: 'warn-first', mine: -1, stronger: 2 },
          { principle: 'agree-terms', mine: 0, stronger: 1 },
        ],
      },
    ]);
    expect(weakerMoments(s, markedPath(s, 'recommended'))).toEqual([]);
  });

  it('take the recommended choice as the strongest among equals', () => {
    const s = tinyScenario(
      {
        a: [
          { id: 'first', points: { 'warn-first': 2 }, next: 'end' },
          { id: 'marked', points: { 'agree-terms': 2 }, next: 'end', marks: ['recommended'] },
        ],
      },
      ['end'],
    );
    expect(strongestChoice(s, s.nodes[0] as DecisionNode).id).toBe('marked');
  });

  it('are each told once, under the principle on which the stronger choice leads most, with every principle it lost on', () => {
    const s = loadValid('mini-contractor');
    const { byPrinciple } = debriefPath(s, markedPath(s, 'real'));
    // "ask" lost 3 on warn-first and 1 on agree-terms: it is told under warn-first only, and
    // carries both principles' points.
    expect(byPrinciple.map((g) => [g.principle, g.moments.map((m) => m.node)])).toEqual([
      ['warn-first', ['unpaid', 'ask']],
      ['agree-terms', []],
      ['reward-good', []],
    ]);
    expect(byPrinciple[0]!.moments[1]!.principles.map((p) => p.principle)).toEqual(['warn-first', 'agree-terms']);
  });

  it('put every weaker moment under exactly one principle, one on which it lost most', () => {
    const sizes = fc.record({ seed: fc.integer(), nodes: fc.integer({ min: 2, max: 12 }) });
    fc.assert(
      fc.property(sizes, fc.array(fc.nat(), { minLength: 12, maxLength: 12 }), ({ seed, nodes }, picks) => {
        const s = randomScenario(seed, { nodes, conditional: 0, meterMax: 3 });
        const { weaker, byPrinciple } = debriefPath(s, walkByPicks(s, picks));
        const told = byPrinciple.flatMap((g) => g.moments.map((m) => ({ m, principle: g.principle })));
        expect(told.map(({ m }) => m.step).sort((a, b) => a - b)).toEqual(weaker.map((m) => m.step));
        for (const { m, principle } of told) {
          const lead = (p: { mine: number; stronger: number }) => p.stronger - p.mine;
          const here = m.principles.find((p) => p.principle === principle)!;
          expect(Math.max(...m.principles.map(lead))).toBe(lead(here));
        }
      }),
    );
  });

  it('are exactly the decisions where the learner’s choice earned less in total than the best one there', () => {
    const sizes = fc.record({ seed: fc.integer(), nodes: fc.integer({ min: 2, max: 12 }), conditional: fc.constantFrom(0, 0.3) });
    fc.assert(
      fc.property(sizes, fc.array(fc.nat(), { minLength: 12, maxLength: 12 }), ({ seed, nodes, conditional }, picks) => {
        const s = randomScenario(seed, { nodes, conditional, meterMax: 3 });
        const steps = walkByPicks(s, picks);
        const expected = steps.flatMap((step, i) => {
          const node = findNode(s, step.node) as DecisionNode;
          const choices = node.choices;
          const best = Math.max(...choices.map((c) => total(s, c)));
          return total(s, choices.find((c) => c.id === step.choice)!) < best ? [i] : [];
        });
        const moments = weakerMoments(s, steps);
        expect(moments.map((m) => m.step)).toEqual(expected);
        for (const m of moments) {
          const node = findNode(s, m.node) as DecisionNode;
          const stronger = node.choices.find((c) => c.id === m.stronger)!;
          expect(total(s, stronger)).toBe(Math.max(...node.choices.map((c) => total(s, c))));
          expect(m.principles.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('near misses', () => {
  it('say which meter, one step the other way, would have sent the story elsewhere, and where', () => {
    // trust starts at 4: waiting costs 1, the blunt reply another 1, so trust is 2 and one
    // point less (below 2) would have meant being replaced.
    const s = loadValid('mini-contractor');
    expect(nearMisses(s, markedPath(s, 'real'))).toEqual([
      { step: 1, node: 'ask', choice: 'blunt', meter: 'trust', delta: -1, went: 'terms', would: 'replaced' },
    ]);
    expect(nearMisses(s, markedPath(s, 'recommended'))).toEqual([]);
  });

  it('never name a hidden meter', () => {
    const decisions = { a: [{ id: 'go', next: [{ when: { meter: 'trust', below: 2 }, goto: 'low' }, { goto: 'high' }] }] };
    const shown = tinyScenario(decisions, ['low', 'high'], { start: 2, max: 3 });
    const hidden = tinyScenario(decisions, ['low', 'high'], { start: 2, max: 3, hidden: true });
    expect(nearMisses(shown, [{ node: 'a', choice: 'go' }])).toHaveLength(1);
    expect(nearMisses(hidden, [{ node: 'a', choice: 'go' }])).toEqual([]);
  });

  it('are found for each kind of condition, one step on either side of where the route turns', () => {
    const one = (start: number, next: Route[]) =>
      nearMisses(tinyScenario({ a: [{ id: 'go', next }] }, ['low', 'high'], { start, max: 4 }), [{ node: 'a', choice: 'go' }]);
    const miss = (delta: -1 | 1, went: string, would: string) => ({ step: 0, node: 'a', choice: 'go', meter: 'trust', delta, went, would });
    // below: trust 2 is not below 2; one point less, 1, would have been.
    expect(one(2, [{ when: { meter: 'trust', below: 2 }, goto: 'low' }, { goto: 'high' }])).toEqual([miss(-1, 'high', 'low')]);
    // atLeast: trust 2 falls short of 3 by one point.
    expect(one(2, [{ when: { meter: 'trust', atLeast: 3 }, goto: 'high' }, { goto: 'low' }])).toEqual([miss(1, 'low', 'high')]);
    // all: trust 2 is inside [2, 3); one point either way leaves it.
    expect(
      one(2, [
        {
          when: {
            all: [
              { meter: 'trust', atLeast: 2 },
              { meter: 'trust', below: 3 },
            ],
          },
          goto: 'high',
        },
        { goto: 'low' },
      ]),
    ).toEqual([miss(-1, 'high', 'low'), miss(1, 'high', 'low')]);
    // any: trust 3 is neither below 1 nor at least 4; one point more is, one point less is not.
    expect(
      one(3, [
        {
          when: {
            any: [
              { meter: 'trust', below: 1 },
              { meter: 'trust', atLeast: 4 },
            ],
          },
          goto: 'low',
        },
        { goto: 'high' },
      ]),
    ).toEqual([miss(1, 'high', 'low')]);
  });

  it('are reported exactly where moving a visible meter by one picks another route, for every kind of condition', () => {
    const sizes = fc.record({ seed: fc.integer(), nodes: fc.integer({ min: 2, max: 12 }) });
    fc.assert(
      fc.property(sizes, fc.array(fc.nat(), { minLength: 12, maxLength: 12 }), ({ seed, nodes }, picks) => {
        const s = randomScenario(seed, { nodes, conditional: 0.6, meterMax: 3 });
        const played = replay(s, walkByPicks(s, picks))!.played;
        const expected = played.flatMap((step, i) =>
          s.meters
            .filter((m) => !m.hidden)
            .flatMap((m) =>
              ([-1, 1] as const).flatMap((delta) => {
                const value = step.metersAfter[m.id]! + delta;
                if (value < m.min || value > m.max) return [];
                const would = nextNodeId(step.taken, { ...step.metersAfter, [m.id]: value });
                const went = nextNodeId(step.taken, step.metersAfter);
                return would !== went ? [`${i} ${m.id} ${delta} ${went}→${would}`] : [];
              }),
            ),
        );
        const reported = nearMisses(s, played).map((n) => `${n.step} ${n.meter} ${n.delta} ${n.went}→${n.would}`);
        expect(reported).toEqual(expected);
        for (const n of nearMisses(s, played)) expect(isDecision(findNode(s, n.node))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
