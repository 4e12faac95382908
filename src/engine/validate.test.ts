import { describe, expect, it } from 'vitest';
import { diagnosticCodes, formatDiagnostic, validateScenario, validateScenarios } from './validate.ts';
import { brokenFixtures, readFixture } from '../../tests/unit/scenario-fixtures.ts';

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

  it('refuses a principle listed twice, and more meters than the maxima can be computed for', () => {
    const twice = readFixture('valid/mini-contractor.yaml') as { principles: string[] };
    twice.principles.push(twice.principles[0]!);
    const duplicate = validateScenario({ file: 'p.yaml', data: twice }).diagnostics;
    expect(duplicate.map((d) => d.code)).toEqual(['duplicate-id']);
    expect(duplicate[0]!.message).toContain('principles list one principle twice');

    const crowded = readFixture('valid/mini-contractor.yaml') as { meters: { id: string }[] };
    const meter = crowded.meters[0]!;
    crowded.meters = [1, 2, 3, 4, 5].map((n) => ({ ...meter, id: `${meter.id}-${n}` }));
    const tooMany = validateScenario({ file: 'm.yaml', data: crowded }).diagnostics;
    expect(tooMany.map((d) => d.code)).toContain('invalid-shape');
    expect(tooMany.find((d) => d.code === 'invalid-shape')!.message).toContain('at most 4 meters');
  });
});
