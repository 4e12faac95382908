import { describe, expect, it } from 'vitest';
import { holds, startMeters, step, walk } from './graph.ts';
import { tinyScenario } from '../../tests/unit/scenario-fixtures.ts';

describe('one step through a scenario', () => {
  const s = tinyScenario(
    {
      a: [
        { id: 'up', effects: { trust: 3 }, next: [{ when: { meter: 'trust', atLeast: 3 }, goto: 'high' }, { goto: 'low' }] },
        { id: 'down', effects: { trust: -5 }, next: [{ when: { meter: 'trust', below: 1 }, goto: 'low' }, { goto: 'high' }] },
      ],
    },
    ['high', 'low'],
    { start: 1, max: 3 },
  );
  const [up, down] = s.nodes[0]!.type === 'decision' ? s.nodes[0]!.choices : [];

  it('applies the effects clamped at the meter’s bounds, then takes the first route that holds on the new values', () => {
    expect(step(s, startMeters(s), up!)).toEqual({ meters: { ...startMeters(s), trust: 3 }, next: 'high' });
    expect(step(s, startMeters(s), down!)).toEqual({ meters: { ...startMeters(s), trust: 0 }, next: 'low' });
  });

  it('reads a meter the scenario does not declare as 0, and ignores an effect on it', () => {
    expect(holds({ meter: 'unknown', below: 1 }, {})).toBe(true);
    expect(
      holds(
        {
          any: [
            { meter: 'trust', atLeast: 2 },
            {
              all: [
                { meter: 'trust', below: 2 },
                { meter: 'x', below: 1 },
              ],
            },
          ],
        },
        { trust: 1 },
      ),
    ).toBe(true);
    expect(step(s, { ...startMeters(s), trust: 1 }, { ...up!, effects: { trust: 1, unknown: 4 } }).meters).toEqual({
      ...startMeters(s),
      trust: 2,
    });
  });
});

describe('walking a scenario', () => {
  it('takes the picked choice at each decision until an ending, or until the pick names none', () => {
    const s = tinyScenario({ a: [{ id: 'go', next: 'b' }], b: [{ id: 'go', next: 'end' }] }, ['end']);
    expect(walk(s, (node) => node.choices[0]).map((v) => `${v.node.id}/${v.choice.id}`)).toEqual(['a/go', 'b/go']);
    expect(walk(s, (node) => (node.id === 'a' ? node.choices[0] : undefined)).map((v) => v.node.id)).toEqual(['a']);
  });

  it('stops on a loop once it has taken as many decisions as there are nodes', () => {
    const s = tinyScenario({ a: [{ id: 'go', next: 'b' }], b: [{ id: 'back', next: 'a' }] }, ['end']);
    expect(walk(s, (node) => node.choices[0])).toHaveLength(s.nodes.length);
  });
});
