import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { scenarios } from '../../tests/e2e/course-data.ts';
import ScenarioPlayer from '../components/ScenarioPlayer.tsx';
import { localize } from '../engine/localize.ts';
import { locales } from '../engine/locales.ts';
import { markedPath } from '../engine/paths.ts';
import { fingerprint } from '../engine/stored-run.ts';
import { messages, pickMessages, type Translate, translator } from '../i18n/messages.ts';
import { createPlayer } from '../stores/player.ts';
import { storyViews } from './moment-views.ts';
import { coursePlayerMessages, outcomeMessages } from './props.ts';
import { shippedScenario, withoutEndingTexts } from './screen-data.ts';

/** Our keys shown in place of their texts in `html`: what the translator returns for a string it lacks. */
const rawKeys = (html: string) => Object.keys(messages.en).filter((key) => html.includes(key));

describe('the strings a scenario page leaves to its endings', () => {
  it.each(locales)('are the outcome’s, and with the page’s make every string the player had, in %s', (locale) => {
    const page = pickMessages(locale, coursePlayerMessages, outcomeMessages);
    const endings = pickMessages(locale, outcomeMessages);
    expect(Object.keys(endings)).toHaveLength(outcomeMessages.length);
    expect(Object.keys(page).filter((key) => key in endings)).toEqual([]);
    expect({ ...page, ...endings }).toEqual(pickMessages(locale, coursePlayerMessages));
    // An ending that waits for them, or could not load them, still says what it is and offers a way on.
    for (const key of ['player.gradeIs', 'grade.best', 'player.outcomeLoading', 'player.outcomeFailed', 'player.playAgain'] as const)
      expect(page[key]).toBe(messages[locale][key]);
  });

  // Every decision and feedback the recommended and the real paths meet, rendered with the page's strings only.
  for (const scenario of scenarios)
    for (const locale of locales)
      it(`leave nothing out that ${scenario.id}'s decisions and feedback show, in ${locale}`, () => {
        const shipped = withoutEndingTexts(shippedScenario(localize(scenario, locale)));
        const t: Translate = translator<string>(locale, pickMessages(locale, coursePlayerMessages, outcomeMessages));
        const story = storyViews(scenario, locale);
        for (const mark of ['recommended', 'real'] as const) {
          const player = createPlayer(shipped, fingerprint(scenario));
          const show = () =>
            render(h(ScenarioPlayer, { scenario: shipped, player, view: player.$view.get(), t, story, outcome: () => null }));
          for (const step of markedPath(scenario, mark)) {
            expect(rawKeys(show())).toEqual([]);
            player.choose(step.choice);
            expect(rawKeys(show())).toEqual([]);
            player.continueOn();
          }
          // The check can fail: the outcome's strings are not in the page.
          expect(rawKeys(t('player.debrief'))).toEqual(['player.debrief']);
        }
      });
});
