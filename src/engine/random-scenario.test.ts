import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { conditionKinds as kinds } from '../../tests/unit/scenario-fixtures.ts';
import { randomScenario } from './random-scenario.ts';
import { routesOf } from './graph.ts';
import { validateScenario } from './validate.ts';

const sizes = fc.record({ seed: fc.integer(), nodes: fc.integer({ min: 2, max: 12 }), conditional: fc.constantFrom(0, 0.3, 0.6) });

describe('the random-scenario generator', () => {
  it('builds scenarios that pass validation, the recommended path’s checks included, without retrying', () => {
    fc.assert(
      fc.property(sizes, ({ seed, nodes, conditional }) => {
        const s = randomScenario(seed, { nodes, conditional, meterMax: 3 });
        expect(validateScenario({ file: 'r.yaml', data: s }).diagnostics).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('makes every kind of condition, in routes and in text variants, and hidden meters', () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 40; seed++) {
      const s = randomScenario(seed, { nodes: 12, conditional: 0.5, meterMax: 3 });
      if (s.meters.some((m) => m.hidden)) seen.add('hidden meter');
      for (const node of s.nodes) {
        const texts = node.type === 'decision' ? [node.situation, ...node.choices.map((c) => c.feedback)] : [node.text, node.debrief];
        for (const t of texts) if (Array.isArray(t)) for (const v of t) if (v.when) for (const k of kinds(v.when)) seen.add(`text ${k}`);
        if (node.type !== 'decision') continue;
        for (const c of node.choices) for (const r of routesOf(c)) if (r.when) for (const k of kinds(r.when)) seen.add(`route ${k}`);
      }
    }
    expect([...seen].sort()).toEqual(
      ['hidden meter', ...['all', 'any', 'atLeast', 'below'].flatMap((k) => [`route ${k}`, `text ${k}`])].sort(),
    );
  });
});
