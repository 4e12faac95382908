// What the course's scenario player island is given, built once for the page and its JSON.
import type { ScenarioContent } from '../engine/schema.ts';
import { localize } from '../engine/localize.ts';
import { maxima } from '../engine/maxima.ts';
import type { Locale } from '../i18n/locales.ts';
import { pickMessages } from '../i18n/messages.ts';
import { counterpartsOf, withoutNotes } from './screen-data.ts';

export function coursePlayerProps(scenario: ScenarioContent, scenarios: ScenarioContent[], locale: Locale) {
  const other = scenarios.find((s) => s.perspective !== scenario.perspective);
  return {
    // The facilitator's notes and questions are for the console only.
    scenario: withoutNotes(localize(scenario, locale)),
    maxima: maxima(scenario),
    locale,
    messages: pickMessages(locale, ['player.', 'principle.', 'grade.', 'storage.']),
    counterparts: counterpartsOf(scenario, scenarios, locale),
    ...(other && { other: { href: `/${locale}/scenarios/${other.id}/`, title: other.title[locale] } }),
  };
}
