// Each moment of a scenario as its view will show it, worked out at build time: the medium's
// heading line with its people's names and faces, an email's subject and date, the lines of a
// call, a chat or a meeting with their speakers; the money in view at each value of the money
// meter, and the faces' expression at each value of the trust meter. The pages and islands render
// these as they are, so the browser carries no name lookup, no date or currency formatting, no
// rule for a face and none of these messages.
import { isDecision } from '../engine/graph.ts';
import { localize } from '../engine/localize.ts';
import { intlLocale, type Locale } from '../engine/locales.ts';
import { dateOfDay, moneyAt, moneyKey } from '../engine/moment.ts';
import type { ScenarioContent } from '../engine/schema.ts';
import type { MediumKind } from '../engine/vocabulary.ts';
import { type PlayableScenario, speakerOf } from '../engine/play-view.ts';
import { useMessages } from '../i18n/messages.ts';
import { unwrapLines } from '../i18n/typography.ts';
import { type Expression, expressionAt, faceMeter } from '../engine/expression.ts';
import { type FaceRow, type PortraitView, portraitView, type Sheet, siteSheet } from './portraits.ts';
import { reactionKey } from './reactions.ts';

type PlayableMedium = Extract<PlayableScenario['nodes'][number], { type: 'decision' }>['medium'];

/** A moment in its medium, ready to render; every text is in the page's language. */
export interface MomentView {
  kind: MediumKind;
  /**
   * The medium and its people, e.g. "Email from Mark Ellis to Anna Reyes": the visible first
   * line and the accessible name of the moment, so a screen reader hears both.
   */
  label: string;
  /** The face of the one the moment comes from, beside the heading line, when they have a portrait. */
  portrait?: PortraitView;
  /** An email's subject and date, one per line. */
  fields?: string;
  /**
   * A call's transcript, a chat's bubbles or a meeting's dialogue; `own` marks the sender's lines.
   * `face` is the speaker's row of faces in the portrait sheet, shown
   * beside their name, which already says who it is; the heading's face says the expression.
   */
  lines?: { name: string; text: string; own: boolean; face?: FaceRow }[];
  /** An email's own body, when the moment's text is the narration around it. */
  body?: string;
  /**
   * The face the scene gives its sender: the medium's own `expression` where the author set one;
   * else, for a reaction whose choice moves the trust meter, what the choice did (down annoyed, up
   * pleased: engine/expression.ts). Without it the face follows the meter's level (`faces`).
   */
  expression?: Expression;
}

/** What the views of a scenario show beside its texts, in one language (`storyViews`). */
export interface StoryViews {
  /** By node id for a decision's medium, by "node/choice" for a choice's reaction (`reactionOf`, course/reactions.ts). */
  moments: Record<string, MomentView>;
  /**
   * The money in view for each value of the scenario's money meter (and of its extra payments'
   * meter, if any), by `moneyKey`, e.g. "received $0 · outstanding $3,000": the strip above a
   * moment shows the one the meters are at.
   */
  money: Record<string, string>;
  /**
   * The sum each value of a money meter (the money meter, the extra payments' meter) stands for,
   * by meter id, e.g. { cash: { 1: "$1,500" } }, written as the strip writes sums: what a list of
   * changes shows for that meter, so both speak of the same sums.
   */
  received: Record<string, Record<number, string>>;
  /** The expression faces wear at each value of the trust meter (`expressionAt`); empty without that meter. */
  faces: Record<number, Expression>;
}

/**
 * How the story writes a sum of money in `locale`: whole units in the scenario's `currency` (an
 * ISO 4217 code), with its narrow symbol ("$3,000", «3 000 $»), as the strip, the feedback's
 * changes and the console show it.
 */
export function moneyFormat(currency: string, locale: Locale): Intl.NumberFormat {
  return new Intl.NumberFormat(intlLocale[locale], {
    style: 'currency',
    currency,
    // "$", not "US$": the story's own currency needs no country beside it.
    currencyDisplay: 'narrowSymbol',
    maximumFractionDigits: 0,
  });
}

/**
 * The views of a scenario's moments and of its money in one language. An email is dated with the
 * node's day from the scenario's `calendarStart`; sums are written in the scenario's currency,
 * in whole units. A person the scenario does not declare is shown by id (validation reports it
 * before a build gets here). A person with a portrait gets their face beside their name, from
 * the portrait sheet as the page finds it: the site's, or an LMS package's own (`packageSheet`).
 */
export function storyViews(scenario: ScenarioContent, locale: Locale, sheet: Sheet = siteSheet): StoryViews {
  const here = localize(scenario, locale);
  const t = useMessages(locale);
  const name = (id: string) => speakerOf(here, { from: id });
  const portraitOf = (id: string) => portraitView(id, name(id), t, sheet);
  const view = (m: PlayableMedium, day: number): MomentView => {
    const to = 'to' in m ? m.to.map(name).join(', ') : '';
    const date = dateOfDay(scenario.calendarStart, day).toLocaleDateString(intlLocale[locale], { dateStyle: 'full', timeZone: 'UTC' });
    const portrait = portraitOf(m.from);
    return {
      kind: m.kind,
      label: t(`moment.${m.kind}`, { from: name(m.from), to }),
      ...(portrait && { portrait }),
      ...(m.expression && { expression: m.expression }),
      ...(m.kind === 'email' && { fields: t('moment.fields', { subject: m.subject, date }) }),
      ...('body' in m && m.body !== undefined && { body: unwrapLines(m.body) }),
      ...('lines' in m &&
        m.lines && {
          lines: m.lines.map((l) => {
            // The speaker's row only: the heading's face carries the texts.
            const speaker = portraitOf(l.by);
            const face: FaceRow | undefined = speaker && { src: speaker.src, row: speaker.row, rows: speaker.rows };
            return { name: name(l.by), text: unwrapLines(l.text), own: l.by === m.from, ...(face && { face }) };
          }),
        }),
    };
  };
  const moments: Record<string, MomentView> = {};
  for (const node of here.nodes) {
    if (!isDecision(node)) continue;
    moments[node.id] = view(node.medium, node.day);
    for (const c of node.choices) {
      if (!c.reaction) continue;
      // A move of trust shows on the answering face (down annoyed, up pleased), whatever the level,
      // unless the reaction names its own.
      const moved = c.effects[faceMeter] ?? 0;
      moments[reactionKey(node.id, c.id)] = {
        ...(moved !== 0 && { expression: expressionAt(scenario, { [faceMeter]: moved }, { [faceMeter]: 0 }) }),
        ...view(c.reaction, node.day),
      };
    }
  }
  const trust = scenario.meters.find((m) => m.id === faceMeter);
  const faces: Record<number, Expression> = {};
  for (let value = trust?.min ?? 0; trust && value <= trust.max; value++) faces[value] = expressionAt(scenario, { [faceMeter]: value });
  const sum = moneyFormat(scenario.money.currency, locale);
  const { meter, amount, extra } = scenario.money;
  const range = (id: string) => {
    const m = scenario.meters.find((declared) => declared.id === id);
    return Array.from({ length: Math.max(0, (m?.max ?? 0) - (m?.min ?? 0)) + 1 }, (_, i) => (m?.min ?? 0) + i);
  };
  // Every pair of values the money meter and the extra payments' meter can hold (the first alone without one).
  const money: Record<string, string> = {};
  for (const paid of range(meter))
    for (const more of extra ? range(extra.meter) : [0]) {
      const meters = { [meter]: paid, ...(extra && { [extra.meter]: more }) };
      const at = moneyAt(scenario, meters);
      money[moneyKey(scenario, meters)] = t(`moment.money.${scenario.perspective}`, {
        received: sum.format(at.received),
        outstanding: sum.format(at.outstanding),
      });
    }
  const received: Record<string, Record<number, string>> = {};
  for (const [id, each] of [[meter, amount] as const, ...(extra ? [[extra.meter, extra.amount] as const] : [])])
    received[id] = Object.fromEntries(range(id).map((value) => [value, sum.format(value * each)]));
  return { moments, money, received, faces };
}
