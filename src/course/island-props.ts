// What the large islands are given: the scenario player, the facilitator's console and the
// projector screen. Built once for the page's server rendering and for the JSON file the island
// fetches its props from, so the page's HTML stays small.
import type { ScenarioContent } from '../engine/schema.ts';
import { localize, textIn } from '../engine/localize.ts';
import { intlLocale, type Locale } from '../engine/locales.ts';
import { pickMessages } from '../i18n/messages.ts';
import { nextInCourse } from './content.ts';
import { counterpartsOf, endingTexts, shippedScenario, withoutEndingTexts } from './screen-data.ts';
import { type Counterpart, coursePlayerMessages, outcomeMessages } from './props.ts';
import type { EndingsData } from '../stores/course-endings.ts';
import { qrSvg } from '../live/qr-code.ts';
import { storyViews } from './moment-views.ts';
import { fingerprint } from '../engine/stored-run.ts';
import { screenPath, sessionsPath } from '../workshop/addresses.ts';

/**
 * What every scenario island is given besides the scenario: the locale and its messages (those
 * of `prefixes`, less those `except` names: `pickMessages`).
 */
function islandBase(locale: Locale, prefixes: readonly string[], except: readonly string[] = []) {
  return { locale, messages: pickMessages(locale, prefixes, except) };
}

const workshopMessages = ['workshop.', 'player.', 'principle.', 'grade.', 'tone.'];

export async function coursePlayerProps(scenario: ScenarioContent, scenarios: ScenarioContent[], locale: Locale) {
  const other = scenarios.find((s) => s.perspective !== scenario.perspective);
  // What follows this scenario in the course, offered at its end.
  const { id: nextId, href, title } = await nextInCourse(locale, 'scenario', scenario.id);
  return {
    // The facilitator's notes and questions are for the console only; the endings' texts come
    // when a run reaches one (`coursePlayerEndings`).
    scenario: withoutEndingTexts(shippedScenario(localize(scenario, locale))),
    fingerprint: fingerprint(scenario),
    story: storyViews(scenario, locale),
    ...islandBase(locale, coursePlayerMessages, outcomeMessages),
    endings: `/${locale}/scenarios/${scenario.id}/endings.json`,
    next: { href, title },
    // The other side is offered too, unless it is what comes next anyway.
    ...(other && nextId !== other.id && { other: { href: `/${locale}/scenarios/${other.id}/`, title: textIn(other.title, locale) } }),
  };
}

/**
 * What the course player's `endings` address serves (`EndingsData`), before the other side's
 * moments are rendered to HTML: the endings' texts and debriefs, the outcome's strings
 * (`outcomeMessages`), and the other side's view of each linked moment. A learner who has not
 * reached an ending never needs them: 15–25 % of the scenario's data, gzipped.
 */
export function coursePlayerEndings(
  scenario: ScenarioContent,
  scenarios: ScenarioContent[],
  locale: Locale,
): Pick<EndingsData, 'endings' | 'messages'> & { counterparts: Record<string, Counterpart> } {
  return {
    endings: endingTexts(shippedScenario(localize(scenario, locale))),
    messages: pickMessages(locale, outcomeMessages),
    counterparts: counterpartsOf(scenario, scenarios, locale),
  };
}

export function consoleProps(scenario: ScenarioContent, scenarios: ScenarioContent[], locale: Locale) {
  const playable = localize(scenario, locale);
  return {
    scenario: playable,
    // Each moment in its medium, as the projector screen shows it.
    story: storyViews(scenario, locale),
    ...islandBase(locale, workshopMessages),
    screenHref: screenPath(locale, scenario.id),
    sessionsHref: sessionsPath(locale),
    // For the default session name's date; the island need not carry the locale table.
    dateLocale: intlLocale[locale],
    // The console names the other side's moment by its own title, as the screen then shows it.
    counterparts: Object.fromEntries(Object.entries(counterpartsOf(scenario, scenarios, locale)).map(([id, c]) => [id, c.title])),
  };
}

export async function screenProps(scenario: ScenarioContent, scenarios: ScenarioContent[], locale: Locale, site: URL | undefined) {
  const courseUrl = new URL(`/${locale}/`, site).href;
  return {
    scenario: shippedScenario(localize(scenario, locale)),
    story: storyViews(scenario, locale),
    ...islandBase(locale, workshopMessages),
    counterparts: counterpartsOf(scenario, scenarios, locale),
    // The address the build was made for; a screen opened elsewhere makes its own QR code.
    courseUrl,
    qr: qrSvg(courseUrl),
  };
}

/** Props as the JSON file an island fetches. */
export function propsResponse(props: object): Response {
  return new Response(JSON.stringify(props), { headers: { 'content-type': 'application/json; charset=utf-8' } });
}
