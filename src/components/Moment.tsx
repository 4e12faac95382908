// A moment in its medium: an email as a mail client shows it, a call as its transcript, a chat
// as bubbles, a meeting as dialogue, a note to self. Every view renders it with this one piece of
// markup: the islands, and the text version, where Astro renders it to plain HTML without
// JavaScript. Its names, dates and heading come worked out from the build (course/moment-views.ts).
import type { Meters } from '../engine/types.ts';
import type { PlayableScenario } from '../engine/play-view.ts';
import type { MomentView, StoryViews } from '../course/moment-views.ts';
import type { Translate } from '../i18n/messages.ts';
import { paragraphs } from './PlayerParts.tsx';
import './Moment.css';

/**
 * The moment as an `article` named for its medium and people ("Email from Mark Ellis to Anna
 * Reyes"), which a screen reader announces. `text` (the situation, or a reaction's feedback) is
 * the message itself, unless the medium brings its own body or lines; then it is the narration
 * before them.
 */
export function Moment({ view, text }: { view: MomentView; text: string }) {
  return (
    <>
      {(view.lines || view.body) && paragraphs(text)}
      <article class={`moment ${view.kind}`} aria-label={view.label}>
        <p class="moment-head">
          {view.portrait && <img class="portrait" src={view.portrait.src} alt={view.portrait.alt} />}
          {view.label}
        </p>
        {view.fields && <p class="moment-fields">{view.fields}</p>}
        <div class="moment-body">
          {view.lines
            ? view.lines.map((line, i) => (
                <p key={i} class={line.own ? 'own' : undefined}>
                  <b>{line.name}</b> {line.text}
                </p>
              ))
            : paragraphs(view.body ?? text)}
        </div>
      </article>
    </>
  );
}

/** The slim strip above a moment: the day of the story and the money received and outstanding at these meters. */
export function StoryStrip({
  story,
  scenario,
  day,
  meters,
  t,
}: {
  story: StoryViews;
  scenario: PlayableScenario;
  day: number;
  meters: Meters;
  t: Translate;
}) {
  return <p class="story-strip">{t('player.strip', { day, money: story.money[meters[scenario.money.meter] ?? 0] ?? '' })}</p>;
}
