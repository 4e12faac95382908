import { describe, expect, it } from 'vitest';
import { locales } from '../engine/locales.ts';
import { messages, pickMessages } from '../i18n/messages.ts';
import { outcomeMessages } from './props.ts';

describe('the strings a scenario page leaves to its endings', () => {
  it.each(locales)('are the outcome’s, and with the page’s make every string the player had, in %s', (locale) => {
    const prefixes = ['player.', 'principle.', 'grade.', 'tone.', 'storage.'];
    const page = pickMessages(locale, prefixes, outcomeMessages);
    const endings = pickMessages(locale, outcomeMessages);
    expect(Object.keys(page).filter((key) => outcomeMessages.some((p) => key.startsWith(p)))).toEqual([]);
    expect({ ...page, ...endings }).toEqual(pickMessages(locale, prefixes));
    // What a learner sees before an ending stays in the page: the choices, the feedback, the grade's live line.
    for (const key of ['player.continue', 'player.why', 'player.gradeIs', 'grade.best', 'player.outcomeLoading'] as const)
      expect(page[key]).toBe(messages[locale][key]);
    expect(endings['player.debrief']).toBe(messages[locale]['player.debrief']);
  });
});
