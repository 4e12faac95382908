// A moment in its medium: an email as a mail client shows it, a call as its transcript, a chat
// as bubbles, a meeting as dialogue, a note to self. Every view renders it with this one piece of
// markup: the islands, and the text version, where Astro renders it to plain HTML without
// JavaScript. Its names, dates and heading come worked out from the build (course/moment-views.ts).
import type { MomentView, StoryViews } from '../course/moment-views.ts';
import type { Expression } from '../engine/expression.ts';
import { stripAt } from '../engine/moment.ts';
import type { Feedback } from '../engine/play-view.ts';
import { Meters, paragraphs } from './PlayerParts.tsx';
import { Portrait } from './Portrait.tsx';
import './Moment.css';

/**
 * The moment as an `article` named for its medium and people ("Email from Mark Ellis to Anna
 * Reyes"), which a screen reader announces. `text` (the situation, or a reaction's feedback) is
 * the message itself, unless the medium brings its own body or lines; then it is the narration
 * before them. The faces show `expression` (the trust meter's: `StoryViews.faces`), or the
 * reaction's own; a view that follows no run, such as the text version, shows them calm. The
 * heading's face names its person and expression for a screen reader; a speaker's face beside
 * their name in the lines adds nothing to hear.
 */
export function Moment({ view, text, expression = 'neutral' }: { view: MomentView; text: string; expression?: Expression | undefined }) {
  const face = view.expression ?? expression;
  return (
    <>
      {(view.lines || view.body) && paragraphs(text)}
      <article class={`moment ${view.kind}`} aria-label={view.label}>
        <p class="moment-head">
          {view.portrait && <Portrait face={view.portrait} expression={face} alt={view.portrait.alt[face]} size={40} />}
          {view.label}
        </p>
        {view.fields && <p class="moment-fields">{view.fields}</p>}
        <div class="moment-body">
          {view.lines
            ? view.lines.map((line, i) => (
                <p key={i} class={line.own ? 'own' : undefined}>
                  {line.face && <Portrait face={line.face} expression={face} alt="" size={28} />}
                  <b>{line.name}</b> {line.text}
                </p>
              ))
            : paragraphs(view.body ?? text)}
        </div>
      </article>
    </>
  );
}

/**
 * The meters under a slim strip with the day of the story and the money received and outstanding
 * at these meter values. The strip stands in for the money meters' gauges, which say it in steps.
 * Where the scenario shows the money only once its `shownWhen` holds, the strip says the day alone
 * until then. On a choice's feedback, money still on its way (`Feedback.pending`, which the engine
 * works out) shows as it was, with the day it is expected.
 */
export function StoryMeters({
  story,
  scenario,
  day,
  values,
  pending,
  changes,
  t,
}: { story: StoryViews; day: number; pending?: Feedback['pending'] } & Omit<Parameters<typeof Meters>[0], 'strip'>) {
  const strip = stripAt(scenario, values, pending);
  // Every value the money meters can hold has its text (course/moment-views.ts).
  const text =
    strip.says === 'day'
      ? t('player.stripDay', { day })
      : t(strip.says === 'due' ? 'player.due' : 'player.strip', {
          day,
          money: story.money[strip.money]!,
          by: strip.says === 'due' ? strip.by : '',
        });
  return <Meters scenario={scenario} values={values} changes={changes} strip={<p class="story-strip">{text}</p>} t={t} />;
}
