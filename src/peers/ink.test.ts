import { describe, expect, it } from 'vitest';
import { Story } from 'inkjs';
import { checkInkPaths, compileInk, inkSource } from './ink.ts';
import { localize } from '../engine/localize.ts';
import { locales } from '../i18n/locales.ts';
import { scenarios, ui } from '../../tests/e2e/course-data.ts';
import { loadValid } from '../../tests/unit/scenario-fixtures.ts';

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
});
