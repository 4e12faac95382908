import { describe, expect, it } from 'vitest';
import { Story } from 'inkjs';
import { checkInkPaths, compileInk, inkSource } from './ink.ts';
import { localize } from '../engine/localize.ts';
import { locales } from '../engine/locales.ts';
import { scenarios, ui } from '../../tests/e2e/course-data.ts';
import { loadValid } from '../../tests/unit/scenario-fixtures.ts';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { validateScenario } from '../engine/validate.ts';

/** A scenario whose moments bring an email's body and a meeting's lines, and whose choices have reactions. */
function mediaScenario() {
  const file = 'tests/fixtures/peers/mini-media.yaml';
  const { scenario, diagnostics } = validateScenario({ file, data: parse(readFileSync(file, 'utf8')) });
  if (!scenario) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return scenario;
}

/** Everything ink tells on one path, choosing by index and continuing after each choice's feedback. */
function told(json: string, choices: number[]): string {
  const story = new Story(json);
  let text = story.ContinueMaximally();
  for (const choice of choices) {
    story.ChooseChoiceIndex(choice);
    text += story.ContinueMaximally();
    story.ChooseChoiceIndex(0);
    text += story.ContinueMaximally();
  }
  return text;
}

describe('the ink version of a scenario', () => {
  // The benchmark against ink is only fair if ink plays the same story: every path of every
  // scenario, in every language, reaches the same ending with the same meters and points.
  for (const scenario of scenarios)
    for (const locale of locales)
      it(`reaches the engine's ending, meters and points on every path of ${scenario.id} in ${locale}`, () => {
        const playable = localize(scenario, locale);
        const check = checkInkPaths(playable, compileInk(inkSource(playable, ui[locale]['player.continue'])));
        expect(check.mismatches).toEqual([]);
        expect(check.paths).toBeGreaterThan(scenario.nodes.length);
      });

  it('tells the variant of a text the engine would, by the same meters, hidden ones included', () => {
    const playable = localize(loadValid('mini-client'), 'en');
    for (const [choice, expected] of [
      [0, 'She has sped up since you sent the money again.'],
      [1, 'She has sped up.'],
    ] as const) {
      const story = new Story(compileInk(inkSource(playable, 'Continue')));
      story.ContinueMaximally();
      story.ChooseChoiceIndex(choice);
      story.ContinueMaximally();
      story.ChooseChoiceIndex(0);
      expect(story.ContinueMaximally()).toContain(expected);
    }
  });

  it('tells text with ink’s own symbols literally', () => {
    const base = loadValid('mini-contractor');
    const odd = 'Pay {now} | later [maybe] # 50% off // -> done <> ~ * + = \\ ^';
    const playable = localize(
      { ...base, nodes: base.nodes.map((n) => (n.id === base.start ? { ...n, title: { en: odd, ru: odd } } : n)) },
      'en',
    );
    const story = new Story(compileInk(inkSource(playable, 'Continue')));
    expect(story.Continue()?.trim()).toBe(odd);
  });

  // Fairness of the benchmark: ink must carry every text our player shows, not a lighter story.
  for (const locale of locales)
    it(`tells a moment's email body and meeting lines, and each choice's reaction before its feedback, in ${locale}`, () => {
      const playable = localize(mediaScenario(), locale);
      const json = compileInk(inkSource(playable, 'Continue'));
      expect(checkInkPaths(playable, json).mismatches).toEqual([]);
      const name = (id: string) => playable.people.find((p) => p.id === id)!.name;
      const [invoice, meeting] = playable.nodes.filter((n) => n.type === 'decision');
      const [call, write] = invoice!.choices;
      const [agree] = meeting!.choices;
      // Whitespace as a reader sees it: Russian one-letter words are bound to the next with a no-break space.
      const norm = (text: string | undefined) => {
        if (text === undefined) throw new Error('the fixture lacks a text this test reads');
        return text.replace(/\s+/g, ' ');
      };
      const byCall = norm(told(json, [0, 0]));
      const byEmail = norm(told(json, [1]));
      const spoken = [invoice!.medium, meeting!.medium, call!.reaction!, agree!.reaction!].flatMap((m) =>
        'lines' in m ? m.lines!.map((line) => `${name(line.by)}: ${line.text}`) : [],
      );
      expect(spoken).toHaveLength(5);
      for (const line of spoken) expect(byCall).toContain(norm(line));
      if (invoice!.medium.kind !== 'email' || write!.reaction?.kind !== 'email') throw new Error('the fixture changed');
      expect(byCall).toContain(norm(invoice!.medium.subject));
      expect(byCall).toContain(norm(invoice!.medium.body));
      expect(byEmail).toContain(norm(write!.reaction.subject));
      expect(byEmail).toContain(norm(write!.reaction.body));
      // The reaction comes before the feedback, as the player shows it.
      expect(byCall.indexOf(norm(call!.feedback as string))).toBeGreaterThan(byCall.indexOf(norm(spoken[2]!)));
    });
});
