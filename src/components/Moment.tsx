// A moment in its medium: an email as a mail client shows it, a call as its transcript, a chat
// as bubbles, a meeting as dialogue, a note to self. Every view renders it with this one piece of
// markup: the islands, and the text version, where Astro renders it to plain HTML without
// JavaScript. A screen reader hears the medium and who it comes from as the article's name.
import { dateOfDay, moneyAt } from '../engine/moment.ts';
import type { DecisionNode, Localized, Meters } from '../engine/types.ts';
import type { PlayableScenario } from '../engine/play-view.ts';
import type { Translate } from '../i18n/messages.ts';
import { splitParagraphs } from '../i18n/typography.ts';
import './Moment.css';

type Medium = Localized<DecisionNode>['medium'];

const paragraphs = (text: string) => splitParagraphs(text).map((p, i) => <p key={i}>{p}</p>);

export interface MomentProps {
  medium: Medium;
  /** The people of the scenario the medium belongs to, in the page's language. */
  people: readonly { id: string; name: string }[];
  /** The moment's own text: the situation, or a reaction's feedback. */
  text: string;
  /** The date of the moment (YYYY-MM-DD), shown on an email. */
  date: string;
  /** The BCP 47 locale dates are written in, e.g. "en-GB". */
  lang: string;
  t: Translate;
}

/**
 * The moment as an `article` named for its medium and sender ("Email from Mark Ellis"). The text
 * is the message itself, unless the medium brings its own body or lines; then the text is the
 * narration before it.
 */
export function Moment({ medium, people, text, date, lang, t }: MomentProps) {
  const name = (id: string) => people.find((p) => p.id === id)?.name ?? id;
  const from = name(medium.from);
  const to = 'to' in medium ? medium.to.map(name) : [];
  const lines = 'lines' in medium ? medium.lines : undefined;
  const body = medium.kind === 'email' ? medium.body : undefined;
  const own = lines !== undefined || body !== undefined;
  return (
    <>
      {own && <div class="moment-narration">{paragraphs(text)}</div>}
      <article
        class={`moment moment-${medium.kind}`}
        aria-label={t(`player.medium.${medium.kind}`, { from, people: [from, ...to].join(', ') })}
      >
        <header class="moment-head">
          <span class="moment-kind">{t(`player.medium.kind.${medium.kind}`)}</span>
          {medium.kind === 'email' ? (
            <dl class="moment-fields">
              <dt>{t('player.medium.from')}</dt>
              <dd>{from}</dd>
              <dt>{t('player.medium.to')}</dt>
              <dd>{to.join(', ')}</dd>
              <dt>{t('player.medium.subject')}</dt>
              <dd>{medium.subject}</dd>
              <dt>{t('player.medium.date')}</dt>
              <dd>
                <time dateTime={date}>
                  {new Date(`${date}T12:00:00Z`).toLocaleDateString(lang, {
                    weekday: 'short',
                    day: 'numeric',
                    month: 'long',
                    year: 'numeric',
                  })}
                </time>
              </dd>
            </dl>
          ) : (
            medium.kind !== 'note' && <span class="moment-people">{[from, ...to].join(' · ')}</span>
          )}
        </header>
        <div class="moment-body">
          {lines
            ? lines.map((line, i) => (
                <p key={i} class={line.by === medium.from ? 'line from' : 'line'}>
                  <span class="line-by">{name(line.by)}</span> {line.text}
                </p>
              ))
            : paragraphs(body ?? text)}
        </div>
      </article>
    </>
  );
}

/** A scenario's moment as `Moment` takes it: its people, and the date of its day. */
export function momentOf(scenario: Pick<PlayableScenario, 'people' | 'calendarStart'>, day: number) {
  return { people: scenario.people, date: dateOfDay(scenario.calendarStart, day) };
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
  const money = moneyAt(scenario, meters);
  const amount = (n: number) => n.toLocaleString(lang, { style: 'currency', currency: money.currency, maximumFractionDigits: 0 });
  return (
    <p class="story-strip">
      <span>{t('player.strip.day', { day })}</span>
      <span>{t('player.strip.received', { amount: amount(money.received) })}</span>
      <span class={money.outstanding > 0 ? 'owed' : undefined}>{t('player.strip.outstanding', { amount: amount(money.outstanding) })}</span>
    </p>
  );
}
