// Pieces of the player that the course, the facilitator console and the projector screen
// share: the feedback of a decision and the meters (the outcome is Outcome.tsx).
import type { Change, Feedback, PlayableScenario } from '../engine/play-view.ts';
import { gaugeMeters } from '../engine/moment.ts';
import './ScenarioPlayer.css';
import { signed, splitParagraphs } from '../i18n/typography.ts';
import type { ComponentChildren } from 'preact';
import type { Translate } from '../i18n/messages.ts';
import type { StoryViews } from '../course/moment-views.ts';

export function paragraphs(text: string) {
  return splitParagraphs(text).map((p, i) => <p key={i}>{p}</p>);
}

/**
 * What a decision did, consequence first: what happened, how the meters moved (the money, the
 * trust, the pace), then the why: the choice's one-line reason and, unless scores are hidden,
 * the points per principle. Nothing needs a click to be seen. A money meter's move (the money
 * owed, the extra payments) is written in money, as the story's strip writes it ("Paid to Anna:
 * $0 → $3,000"), not in its steps; money still on its way (`Feedback.pending`) with the day it
 * is expected, as the strip says it ("…, expected on day 11").
 */
export function FeedbackBody({
  feedback,
  story,
  t,
  hideScore = false,
  label = true,
  reaction,
}: {
  feedback: Feedback;
  /** The sums each value of the money meters stands for (`StoryViews.received`). */
  story: Pick<StoryViews, 'received'>;
  t: Translate;
  /**
   * The other side's answer in its medium (a `Moment` of the choice's reaction), shown in place
   * of the plain feedback text.
   */
  reaction?: ComponentChildren;
  hideScore?: boolean;
  /** Whether to repeat the choice's label; the projector screen shows it as its heading instead. */
  label?: boolean;
}) {
  const shown = (id: string, value: number) => story.received[id]?.[value] ?? value;
  // Money still on its way (a check in the mail) is said with the day it is expected, as the strip
  // says it: `story.received` holds the money meters (the engine's moneyMeters), and only them.
  const { pending } = feedback;
  return (
    <>
      {label && <p class="feedback-choice">{feedback.choice.label}</p>}
      {/* The other side's answer arrives in its medium, before the why. */}
      {reaction || paragraphs(feedback.text)}
      {feedback.meters.length > 0 && (
        <ul class="changes">
          {feedback.meters.map((m) => (
            <li key={m.id} class={m.direction}>
              {t(pending && story.received[m.id] ? 'player.meterChangeBy' : 'player.meterChange', {
                meter: m.label,
                from: shown(m.id, m.from),
                to: shown(m.id, m.to),
                by: pending?.by,
              })}
            </li>
          ))}
        </ul>
      )}
      <div class="why">
        <p>
          <strong>{t('player.why')}</strong> {feedback.choice.why}
        </p>
        {!hideScore && feedback.points.length > 0 && (
          <ul class="changes">
            {feedback.points.map((p) => (
              <li key={p.principle} class={p.direction}>
                {t('player.pointsChange', { principle: t(`principle.${p.principle}`), change: signed(p.change) })}
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}

/**
 * The scenario's meters as labelled gauges (`gaugeMeters`), after the story's strip when there is
 * one; `changes` (a choice's `Feedback.meters`) marks those the last choice moved, and which way.
 */
export function Meters({
  scenario,
  values,
  changes,
  strip,
  t,
}: {
  scenario: PlayableScenario;
  values: Record<string, number>;
  changes?: readonly Change[] | undefined;
  /** The story's day and money, shown before the gauges in place of the money meters'. */
  strip?: ComponentChildren;
  t: Translate;
}) {
  return (
    <div class="player-meters" role="group" aria-label={t('player.meters')}>
      {strip}
      {gaugeMeters(scenario).map((m) => (
        <div class={`meter ${changes?.find((c) => c.id === m.id)?.direction ?? ''}`} key={m.id}>
          <span class="meter-label" id={`meter-${m.id}`}>
            {m.label}
          </span>
          <meter min={m.min} max={m.max} value={values[m.id]} aria-labelledby={`meter-${m.id}`} />
          <span class="meter-value">
            {values[m.id]}/{m.max}
          </span>
        </div>
      ))}
    </div>
  );
}

// The dialog is a module of its own so that the console's live-voting panel, loaded on a click,
// shares only it with the console, not these parts; the pages that use it with them import it here.
export { ConfirmDialog } from './ConfirmDialog.tsx';
