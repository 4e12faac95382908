// A moment in its medium: an email as a mail client shows it, a call as its transcript, a chat
// as bubbles, a meeting as dialogue, a note to self. Every view renders it with this one piece of
// markup: the islands, and the text version, where Astro renders it to plain HTML without
// JavaScript. A screen reader hears the medium and who it comes from as the article's name.
import { dateOfDay, moneyAt } from '../engine/moment.ts';
import type { DecisionNode, Localized, Meters } from '../engine/types.ts';
import type { PlayableScenario } from '../engine/play-view.ts';
import type { Translate } from '../i18n/messages.ts';
import { paragraphs } from './PlayerParts.tsx';
import './Moment.css';

type Medium = Localized<DecisionNode>['medium'];

export interface MomentProps {
  medium: Medium;
  /** The scenario the medium belongs to, in the page's language: its people and its calendar. */
  scenario: Pick<PlayableScenario, 'people' | 'calendarStart'>;
  /** The day of the story the moment happens on; an email is dated with it. */
  day: number;
  /** The moment's own text: the situation, or a reaction's feedback. */
  text: string;
  /** The BCP 47 locale dates are written in, e.g. "en-GB". */
  lang: string;
  t: Translate;
}

/**
 * The moment as an `article` named for its medium and sender ("Email from Mark Ellis"). The text
 * is the message itself, unless the medium brings its own body or lines; then the text is the
 * narration before it.
 */
export function Moment({ medium, scenario, day, text, lang, t }: MomentProps) {
  const name = (id: string) => scenario.people.find((p) => p.id === id)?.name ?? id;
  const from = name(medium.from);
  // Only some kinds carry them; reading them off any kind is undefined where absent.
  const {
    to: toIds,
    subject,
    lines,
    body,
  } = medium as { to?: string[]; subject?: string; lines?: { by: string; text: string }[]; body?: string };
  const to = toIds?.map(name).join(', ') ?? '';
  // One line names the medium and its people, on screen and as the article's name.
  const label = t(`player.medium.${medium.kind}`, { from, to });
  return (
    <>
      {(lines || body) && paragraphs(text)}
      <article class={`moment ${medium.kind}`} aria-label={label}>
        <p class="moment-head">{label}</p>
        {subject && (
          <p class="moment-fields">
            {t('player.medium.fields', {
              to,
              subject,
              date: dateOfDay(scenario.calendarStart, day).toLocaleDateString(lang, { dateStyle: 'full' }),
            })}
          </p>
        )}
        <div class="moment-body">
          {lines
            ? lines.map((line, i) => (
                <p key={i} class={line.by === medium.from ? 'from' : undefined}>
                  <b>{name(line.by)}</b> {line.text}
                </p>
              ))
            : paragraphs(body ?? text)}
        </div>
      </article>
    </>
  );
}

/** The slim strip above a moment: the day of the story and the money received and outstanding. */
export function StoryStrip({
  scenario,
  day,
  meters,
  lang,
  t,
}: {
  scenario: PlayableScenario;
  day: number;
  meters: Meters;
  lang: string;
  t: Translate;
}) {
  const { received, outstanding, currency } = moneyAt(scenario, meters);
  const money = new Intl.NumberFormat(lang, { style: 'currency', currency, maximumFractionDigits: 0 });
  return <p class="story-strip">{t('player.strip', { day, received: money.format(received), outstanding: money.format(outstanding) })}</p>;
}
