import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomScenario } from './random-scenario.ts';
import { scenario as strictSchema } from './schema.ts';
import { compiledScenario, diagnosticCodes, formatDiagnostic, validateScenario, validateScenarios } from './validate.ts';
import { brokenFixtures, readFixture, tinyScenario, type ChoiceSpec } from '../../tests/unit/scenario-fixtures.ts';

describe('validating scenarios', () => {
  it('accepts the valid fixtures, checked together, with no diagnostics', () => {
    const result = validateScenarios([
      { file: 'mini-contractor.yaml', data: readFixture('valid/mini-contractor.yaml') },
      { file: 'mini-client.yaml', data: readFixture('valid/mini-client.yaml') },
    ]);
    expect(result.diagnostics).toEqual([]);
    expect(result.scenarios.map((s) => s.id)).toEqual(['mini-contractor', 'mini-client']);
  });

  it('has a broken fixture for every diagnostic code', () => {
    expect(
      brokenFixtures()
        .map((f) => f.replace('.yaml', ''))
        .sort(),
    ).toEqual([...diagnosticCodes].sort());
  });

  for (const file of brokenFixtures()) {
    const code = file.replace('.yaml', '');
    it(`a broken fixture yields exactly one [${code}] diagnostic, naming the file`, () => {
      const { diagnostics } = validateScenarios([{ file, data: readFixture(`broken/${file}`) }]);
      expect(diagnostics.map((d) => d.code)).toEqual([code]);
      expect(diagnostics[0]!.file).toBe(file);
      expect(formatDiagnostic(diagnostics[0]!)).toContain(file);
    });
  }

  it('gives the same answer through the compiled schema as through the schema itself, for well-formed and broken files', () => {
    const same = (data: unknown) => {
      const compiled = compiledScenario.safeParse(structuredClone(data));
      const runtime = strictSchema.safeParse(structuredClone(data));
      expect(compiled.success).toBe(runtime.success);
      expect(compiled.data).toEqual(runtime.data);
      return compiled.success;
    };
    const files = [...brokenFixtures().map((f) => `broken/${f}`), 'valid/mini-client.yaml', 'valid/mini-contractor.yaml'];
    const accepted = files.map((f) => same(readFixture(f)));
    // Both answers occur: shape problems refused, graph problems and valid files accepted.
    expect(accepted).toContain(true);
    expect(accepted).toContain(false);
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(0, 0.5), (seed, conditional) => {
        const s = randomScenario(seed, { nodes: 8, conditional });
        expect(same(s)).toBe(true);
        // A condition broken deep inside, where only the condition schema within the compiled one sees it.
        const choice = s.nodes.flatMap((n) => (n.type === 'decision' ? n.choices : []))[0]!;
        choice.next = [{ when: { all: [{ meter: 'm0', below: 1, atLeast: 2 }] }, goto: s.start }, { goto: s.start }];
        expect(same(s)).toBe(false);
        // Nested deeper than the compiled schema writes conditions out, where the condition schema checks them.
        const deep = { all: [{ any: [{ all: [{ any: [{ meter: 'm0', atLeast: 1 }] }] }] }] };
        choice.next = [{ when: deep, goto: s.start }, { goto: s.start }];
        expect(same(s)).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it('names the node and choice of a wrong target, and says how to fix it', () => {
    const { diagnostics } = validateScenario({ file: 'x.yaml', data: readFixture('broken/unknown-target.yaml') });
    expect(diagnostics[0]).toMatchObject({ code: 'unknown-target', node: 'ask', choice: 'blunt' });
    expect(diagnostics[0]!.message).toMatch(/"termz".*Fix the id/);
  });

  it('reports a counterpart node missing from an existing scenario', () => {
    const data = readFixture('valid/mini-contractor.yaml') as { nodes: { counterpart?: { node: string } }[] };
    data.nodes[1]!.counterpart!.node = 'gone';
    const { diagnostics } = validateScenarios([
      { file: 'a.yaml', data },
      { file: 'b.yaml', data: readFixture('valid/mini-client.yaml') },
    ]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'broken-counterpart', file: 'a.yaml', node: 'ask' });
    expect(diagnostics[0]!.message).toContain('"gone"');
  });

  it('still checks the graph when only translations are missing', () => {
    const data = readFixture('broken/cycle.yaml') as { title: { ru?: string } };
    delete data.title.ru;
    const codes = validateScenario({ file: 'c.yaml', data })
      .diagnostics.map((d) => d.code)
      .sort();
    expect(codes).toEqual(['cycle', 'missing-translation']);
  });

  it('turns input that is not a scenario at all into a diagnostic', () => {
    for (const data of [null, 42, 'text', [], { id: 'x' }]) {
      const { diagnostics, scenario } = validateScenario({ file: 'junk.yaml', data });
      expect(scenario).toBeUndefined();
      expect(diagnostics.length).toBeGreaterThan(0);
      expect(diagnostics.every((d) => d.code === 'invalid-shape' || d.code === 'missing-translation')).toBe(true);
    }
  });

  it('refuses a principle listed twice, and more combinations of meter values than the exact search allows', () => {
    const twice = readFixture('valid/mini-contractor.yaml') as { principles: string[] };
    twice.principles.push(twice.principles[0]!);
    const duplicate = validateScenario({ file: 'p.yaml', data: twice }).diagnostics;
    expect(duplicate.map((d) => d.code)).toEqual(['duplicate-id']);
    expect(duplicate[0]!.message).toContain('principles list one principle twice');

    const crowded = readFixture('valid/mini-contractor.yaml') as {
      meters: { id: string; max: number }[];
      money: { shownWhen?: unknown };
    };
    const meter = crowded.meters[0]!;
    // Five meters of range 0-10, each read by a condition: 161,051 combinations, over the 14,641 of four.
    crowded.meters = [1, 2, 3, 4, 5].map((n) => ({ ...meter, id: `${meter.id}-${n}`, max: 10 }));
    crowded.money.shownWhen = { all: crowded.meters.map((m) => ({ meter: m.id, atLeast: 1 })) };
    const tooMany = validateScenario({ file: 'm.yaml', data: crowded }).diagnostics;
    expect(tooMany.map((d) => d.code)).toContain('invalid-shape');
    expect(tooMany.find((d) => d.code === 'invalid-shape')!.message).toContain('more than 14,641 combinations');
    // A meter no condition reads (one only the money in view counts) makes no state of its own.
    crowded.money.shownWhen = { all: crowded.meters.slice(1).map((m) => ({ meter: m.id, atLeast: 1 })) };
    expect(validateScenario({ file: 'm.yaml', data: crowded }).diagnostics.filter((d) => d.code === 'invalid-shape')).toEqual([]);
    delete crowded.money.shownWhen;
    // Hidden facts are small: two more yes/no meters fit beside the scenario's own.
    crowded.meters = [meter, ...[1, 2].map((n) => ({ ...meter, id: `fact-${n}`, min: 0, max: 1, start: 0, hidden: true }))];
    expect(validateScenario({ file: 'm.yaml', data: crowded }).diagnostics.filter((d) => d.code === 'invalid-shape')).toEqual([]);
  });

  it('names the principle, the better path and both totals when a path beats the recommended one', () => {
    const { diagnostics } = validateScenario({ file: 'b.yaml', data: readFixture('broken/path-beats-recommended.yaml') });
    expect(diagnostics[0]).toMatchObject({ code: 'path-beats-recommended', node: 'ask', choice: 'long-way' });
    expect(diagnostics[0]!.message).toContain(
      'on "warn-first" the path unpaid › remind, ask › long-way, extra › push, terms › agree earns 6 points',
    );
    expect(diagnostics[0]!.message).toContain("more than the recommended path's 4 (unpaid › remind, ask › warn, terms › agree)");
  });

  it('weighs a richer branch against the recommended path only when the meters can open it', () => {
    const all = { 'warn-first': 1, 'agree-terms': 1, 'reward-good': 1 };
    const gated = (start: number) =>
      tinyScenario(
        {
          a: [
            { id: 'up', effects: { trust: 1 }, next: 'b' },
            { id: 'down', effects: { trust: -1 }, points: all, next: 'b', marks: ['real', 'recommended'] },
          ],
          b: [
            {
              id: 'go',
              next: [{ when: { meter: 'trust', atLeast: 3 }, goto: 'jackpot' }, { goto: 'plain' }],
              marks: ['real', 'recommended'],
            },
          ],
          jackpot: [{ id: 'take', points: { 'warn-first': 10 }, next: 'end' }],
          plain: [{ id: 'take', points: all, next: 'end', marks: ['real', 'recommended'] }],
        },
        ['end'],
        { start, max: 3 },
      );
    // From 1, trust reaches 2 at most: the jackpot's 10 points are out of every run's reach.
    expect(validateScenario({ file: 'g.yaml', data: gated(1) }).diagnostics).toEqual([]);
    // From 2, one step up opens it.
    const { diagnostics } = validateScenario({ file: 'g.yaml', data: gated(2) });
    expect(diagnostics).toMatchObject([{ code: 'path-beats-recommended', node: 'a', choice: 'up' }]);
    expect(diagnostics[0]!.message).toContain('on "warn-first" the path a › up, b › go, jackpot › take earns 10 points');
  });

  it('finds a loop at the end of a path far longer than the call stack is deep, and reports it once', () => {
    // The recursive search this replaced ran out of stack at 5,000 nodes in a row.
    const length = 6_000;
    const id = (i: number) => `n${i}`;
    const decisions: Record<string, ChoiceSpec[]> = {};
    for (let i = 0; i < length - 1; i++) decisions[id(i)] = [{ id: 'on', next: id(i + 1) }];
    decisions[id(length - 1)] = [
      { id: 'back', next: id(length - 2) },
      { id: 'out', next: 'end' },
    ];
    const { diagnostics } = validateScenario({ file: 'long.yaml', data: tinyScenario(decisions, ['end']) });
    expect(diagnostics.filter((d) => d.code === 'cycle')).toMatchObject([{ node: id(length - 2) }]);
    expect(diagnostics.filter((d) => d.code === 'cycle')[0]!.message).toContain(
      `${id(length - 2)} → ${id(length - 1)} → ${id(length - 2)}`,
    );
  });

  it('says which node no ending can be reached from', () => {
    const { diagnostics } = validateScenario({ file: 'd.yaml', data: readFixture('broken/dead-end.yaml') });
    expect(diagnostics[0]!.choice).toBeUndefined();
    expect(diagnostics[0]!.message).toMatch(/^no ending can be reached from here/);
  });

  it('names the principle on which the recommended path earns nothing', () => {
    const { diagnostics } = validateScenario({ file: 'n.yaml', data: readFixture('broken/recommended-earns-nothing.yaml') });
    expect(diagnostics[0]!.message).toMatch(/earns 0 points on "reward-good".*take "reward-good" out of principles/);
  });

  it('checks the conditions and the default of text variants like those of routes', () => {
    const data = readFixture('valid/mini-client.yaml') as { nodes: { id: string; situation?: unknown }[] };
    const thanks = data.nodes.find((n) => n.id === 'thanks')!;
    const [conditional, fallback] = thanks.situation as { when?: unknown; text: unknown }[];
    thanks.situation = [{ ...conditional, when: { meter: 'patience', atLeast: 1 } }, fallback];
    expect(validateScenario({ file: 'v.yaml', data }).diagnostics).toMatchObject([{ code: 'unknown-meter', node: 'thanks' }]);
    thanks.situation = [fallback, conditional, fallback];
    const misplaced = validateScenario({ file: 'v.yaml', data }).diagnostics;
    expect(misplaced).toMatchObject([{ code: 'missing-default-text', node: 'thanks' }]);
    expect(misplaced[0]!.message).toContain('stands before the last one');
  });

  it('names the person a medium or a reaction names without declaring them', () => {
    const { diagnostics } = validateScenario({ file: 'p.yaml', data: readFixture('broken/unknown-person.yaml') });
    expect(diagnostics[0]).toMatchObject({ code: 'unknown-person', node: 'ask' });
    expect(diagnostics[0]!.message).toMatch(/"dana".*use one of: anna, mark/);
    const data = readFixture('valid/mini-contractor.yaml') as { nodes: { choices?: { reaction?: unknown }[] }[] };
    data.nodes[0]!.choices![0]!.reaction = {
      kind: 'call',
      from: 'mark',
      to: ['anna'],
      lines: [{ by: 'zoe', text: { en: 'Hi', ru: 'Привет' } }],
    };
    expect(validateScenario({ file: 'r.yaml', data }).diagnostics).toMatchObject([
      { code: 'unknown-person', node: 'unpaid', choice: 'remind' },
    ]);
  });

  it('says which day a choice would go back to, and refuses money counted on an undeclared meter', () => {
    const { diagnostics } = validateScenario({ file: 'd.yaml', data: readFixture('broken/day-goes-back.yaml') });
    expect(diagnostics[0]).toMatchObject({ code: 'day-goes-back', node: 'ask', choice: 'warn' });
    expect(diagnostics[0]!.message).toContain('leads from day 2 to "terms" on day 1');
    const data = readFixture('valid/mini-client.yaml') as { money: { meter: string } };
    data.money.meter = 'cash-paid';
    const money = validateScenario({ file: 'm.yaml', data }).diagnostics;
    expect(money).toMatchObject([{ code: 'unknown-meter' }]);
    expect(money[0]!.message).toContain('money counts meter "cash-paid"');
  });

  it('refuses extra payments counted on an undeclared meter or on the money meter itself, and accepts a meter of their own', () => {
    const data = readFixture('valid/mini-client.yaml') as { money: { meter: string; extra?: unknown }; meters: { id: string }[] };
    data.money.extra = { meter: 'paid-sinse', amount: 1000 };
    const unknown = validateScenario({ file: 'm.yaml', data }).diagnostics;
    expect(unknown).toMatchObject([{ code: 'unknown-meter' }]);
    expect(unknown[0]!.message).toContain('money counts extra payments in meter "paid-sinse"');
    data.money.extra = { meter: data.money.meter, amount: 1000 };
    expect(validateScenario({ file: 'm.yaml', data }).diagnostics[0]!.message).toContain('would count twice');
    data.money.extra = { meter: data.meters.find((m) => m.id !== data.money.meter)!.id, amount: 1000 };
    expect(validateScenario({ file: 'm.yaml', data }).diagnostics).toEqual([]);
  });

  it('refuses money shown on a condition that reads an undeclared meter, and accepts one on a declared meter', () => {
    const data = readFixture('valid/mini-client.yaml') as { money: { shownWhen?: unknown }; meters: { id: string }[] };
    data.money.shownWhen = { meter: 'knows-unpayed', atLeast: 1 };
    const shown = validateScenario({ file: 'm.yaml', data }).diagnostics;
    expect(shown).toMatchObject([{ code: 'unknown-meter' }]);
    expect(shown[0]!.message).toContain('money is shown when meter "knows-unpayed" says so');
    data.money.shownWhen = { meter: data.meters[0]!.id, atLeast: 1 };
    expect(validateScenario({ file: 'm.yaml', data }).diagnostics).toEqual([]);
  });
});
