// What the scenario pages hand to the player and the projector screen, prepared at build time.
import type { Counterpart } from './props.ts';
import { storyViews } from './moment-views.ts';
import { isDecision } from '../engine/graph.ts';
import { localize, textIn } from '../engine/localize.ts';
import { defaultText } from '../engine/texts.ts';
import type { ScenarioContent } from '../engine/schema.ts';
import type { Locale } from '../engine/locales.ts';
import type { Medium } from '../engine/moment.ts';
import type { PlayableScenario } from '../stores/player.ts';
import { unwrapLines, unwrapTexts } from '../i18n/typography.ts';

/** The other perspective's view of each linked moment, by this scenario's node id. */
export function counterpartsOf(scenario: ScenarioContent, all: ScenarioContent[], locale: Locale): Record<string, Counterpart> {
  const out: Record<string, Counterpart> = {};
  for (const node of scenario.nodes) {
    if (!isDecision(node) || !node.counterpart) continue;
    const link = node.counterpart;
    const other = all.find((s) => s.id === link.scenario)!;
    const moment = localize(other.nodes.find((n) => n.id === link.node)!, locale);
    out[node.id] = {
      scenarioTitle: textIn(other.title, locale),
      at: localize(node, locale).title,
      title: moment.title,
      // The other side's moment is shown apart from any run there, so in its default wording.
      situation: unwrapLines(defaultText(moment.type === 'decision' ? moment.situation : moment.text)),
      ...(moment.type === 'decision' && { moment: storyViews(other, locale).moments[moment.id]! }),
    };
  }
  return out;
}

/** A medium without its body or lines: its kind, people, face and an email's subject. */
function bare(medium: Medium<string>): Medium<string> {
  const kept = { ...medium };
  if ('body' in kept) delete kept.body;
  if ('lines' in kept) delete kept.lines;
  return kept;
}

/**
 * The scenario as a page gives it to the browser. Without the facilitator's notes and questions:
 * nothing private reaches the screen. Without the texts each moment's rendered view
 * (`StoryViews.moments`, which the page gives beside it) already carries: a medium's body and
 * lines, and each choice's reaction; nor the link to the other side's moment, which comes as
 * `counterparts`. The engine reads none of them, and the props are smaller by them. Each
 * paragraph is on one line (`unwrapLines`). The server-rendered text version of the scenario is
 * made from it too.
 */
export function shippedScenario(scenario: PlayableScenario): PlayableScenario {
  return {
    ...scenario,
    // Each paragraph on one line (`unwrapLines`): a page shows it so anyway.
    nodes: unwrapTexts(
      scenario.nodes.map((node) => {
        if (node.type !== 'decision') return node;
        const { counterpart, ...n } = node;
        return { ...n, notes: '', questions: [], medium: bare(n.medium), choices: n.choices.map(({ reaction, ...choice }) => choice) };
      }),
    ),
  };
}

type EndingNode = Extract<PlayableScenario['nodes'][number], { type: 'ending' }>;

/**
 * A shipped scenario (`shippedScenario`) without its endings' texts and debriefs, which are most
 * of what a learner reads only at the end: each ending keeps its title, day and tone, which the
 * engine and the map read, and its texts are empty until `withEndingTexts` puts them back.
 */
export function withoutEndingTexts(scenario: PlayableScenario): PlayableScenario {
  return { ...scenario, nodes: scenario.nodes.map((node) => (node.type === 'ending' ? { ...node, text: '', debrief: '' } : node)) };
}

/** The texts `withoutEndingTexts` leaves out, by ending id. */
export function endingTexts(scenario: PlayableScenario): Record<string, Pick<EndingNode, 'text' | 'debrief'>> {
  return Object.fromEntries(
    scenario.nodes.flatMap((node) => (node.type === 'ending' ? [[node.id, { text: node.text, debrief: node.debrief }]] : [])),
  );
}
