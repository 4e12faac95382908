import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fixturesDir, loadValid } from '../../tests/unit/scenario-fixtures.ts';
import { tellWords } from '../course/schemas.ts';
import { scenario as schema } from './schema.ts';
import { findTells, tellCodes, withinAThird, wordCount } from './tells.ts';

const words = tellWords.parse(parse(readFileSync(join(import.meta.dirname, '..', '..', 'content', 'tell-words.yaml'), 'utf8')));
const tellsDir = join(fixturesDir, 'tells');
const fixtures = readdirSync(tellsDir).filter((f) => f.endsWith('.yaml'));

describe('tell warnings', () => {
  it('have one fixture per code, named after it', () => {
    expect(fixtures.map((f) => f.replace(/\.yaml$/, '')).sort()).toEqual([...tellCodes].sort());
  });

  for (const file of fixtures) {
    const code = file.replace(/\.yaml$/, '');
    it(`${code}: its fixture yields that warning and no other, naming the file and the fix`, () => {
      const scenario = schema.parse(parse(readFileSync(join(tellsDir, file), 'utf8')));
      const warnings = findTells(scenario, `scenarios/${file}`, words);
      expect(warnings.length).toBeGreaterThan(0);
      for (const w of warnings) {
        expect(w.code).toBe(code);
        expect(w.file).toBe(`scenarios/${file}`);
        expect(w.message.length).toBeGreaterThan(40);
      }
    });
  }

  it('name the node and the choice when one choice gives the answer away', () => {
    const scenario = schema.parse(parse(readFileSync(join(tellsDir, 'tell-longest-label.yaml'), 'utf8')));
    const [first] = findTells(scenario, 'x.yaml', words);
    expect(first).toMatchObject({ node: 'moment-1', choice: 'option-1' });
    expect(first!.message).toContain('9 words against at most 5');
    const worded = schema.parse(parse(readFileSync(join(tellsDir, 'tell-word.yaml'), 'utf8')));
    expect(
      findTells(worded, 'x.yaml', words).map((w) => [w.node, w.choice, w.message.includes('"calmly"') || w.message.includes('"спокойно"')]),
    ).toEqual([
      ['moment-2', 'option-1', true],
      ['moment-2', 'option-1', true],
    ]);
  });

  it('leave patterns across nodes alone in a scenario too small to show one', () => {
    const mini = loadValid('mini-contractor');
    expect(findTells(mini, 'mini.yaml', words).filter((w) => w.code === 'tell-best-position' || w.code === 'tell-longest-is-best')).toEqual(
      [],
    );
  });

  it('count words as a reader does, and call labels about as long when within a third of the longest', () => {
    expect(wordCount('Ask Mark — calmly — which address they used?')).toBe(7);
    expect(wordCount('Написать Марку: «Куда ушли чеки?»')).toBe(5);
    expect(withinAThird(15, 10)).toBe(true);
    expect(withinAThird(16, 10)).toBe(false);
    expect(withinAThird(10, 16)).toBe(false);
  });

  it('find a tell-word as a whole word only, in any case', () => {
    const scenario = schema.parse(parse(readFileSync(join(tellsDir, 'tell-best-position.yaml'), 'utf8')));
    const node = scenario.nodes[0]!;
    if (node.type !== 'decision') throw new Error('the fixture starts with a decision');
    node.choices[1]!.label = { en: 'Reply Calmly and at once', ru: 'Ответить теплоходом' };
    const found = findTells(scenario, 'x.yaml', words).filter((w) => w.code === 'tell-word');
    expect(found.map((w) => w.message)).toEqual([expect.stringContaining('"calmly"')]);
  });
});
