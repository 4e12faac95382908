// What a scenario's page says before its first choice: what the panel of meters shows and what
// each choice is scored on. Worked out at build time; the page ships only the sentence.
import { gaugeMeters } from '../engine/moment.ts';
import { intlLocale, type Locale } from '../engine/locales.ts';
import type { PlayableScenario } from '../engine/play-view.ts';

/** One piece of a list as `Intl.ListFormat` writes it: an item, or the words between items. */
export interface ListPart {
  type: 'element' | 'literal';
  value: string;
}

/** A label as it reads inside a sentence: "Project pace" becomes "project pace". */
function inSentence(label: string, locale: Locale): string {
  return label.charAt(0).toLocaleLowerCase(intlLocale[locale]) + label.slice(1);
}

/**
 * The meters the panel shows as gauges, as one phrase ("trust and project pace"), and the
 * principles the scenario scores, named by `principle`, as list parts, so a page can set the
 * names apart from the words that join them.
 */
export function scenarioIntro(
  scenario: Pick<PlayableScenario, 'meters' | 'money' | 'principles'>,
  locale: Locale,
  principle: (id: string) => string,
): { meters: string; principles: ListPart[] } {
  const list = new Intl.ListFormat(intlLocale[locale], { type: 'conjunction' });
  return {
    meters: list.format(gaugeMeters(scenario).map((m) => inSentence(m.label, locale))),
    principles: list.formatToParts(scenario.principles.map((id) => inSentence(principle(id), locale))),
  };
}
