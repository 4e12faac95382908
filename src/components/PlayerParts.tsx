// Pieces of the player that the course, the facilitator console and the projector screen
// share: the feedback of a decision and the scores of an outcome.
import type { Ref } from 'preact';
import type { Debrief, Feedback, PlayableScenario } from '../stores/play-view.ts';
import { splitParagraphs } from '../i18n/typography.ts';
import './ScenarioPlayer.css';
import { principleScore, type Translate } from '../i18n/messages.ts';

const signed = (n: number) => (n > 0 ? `+${n}` : `−${-n}`);

export function paragraphs(text: string) {
  return splitParagraphs(text).map((p, i) => <p key={i}>{p}</p>);
}

/** The points a decision earned or cost, and how the meters moved. */
export function Changes({ feedback, scenario, t }: { feedback: Feedback; scenario: PlayableScenario; t: Translate }) {
  if (feedback.points.length + feedback.meters.length === 0) return null;
  return (
    <ul class="changes">
      {feedback.points.map((p) => (
        <li key={p.principle} class={p.change > 0 ? 'up' : 'down'}>
          {t('player.pointsChange', { principle: t(`principle.${p.principle}`), change: signed(p.change) })}
        </li>
      ))}
      {feedback.meters.map((m) => (
        <li key={m.id} class="meter-change">
          {t('player.meterChange', { meter: scenario.meters.find((x) => x.id === m.id)?.label ?? m.id, from: m.from, to: m.to })}
        </li>
      ))}
    </ul>
  );
}

/** The score per principle against its maximum, and the overall score. */
export function Scores({ debrief, t }: { debrief: Debrief; t: Translate }) {
  return (
    <dl class="scores">
      {debrief.principles.map((p) => (
        <div key={p.principle}>
          <dt>{t(`principle.${p.principle}`)}</dt>
          <dd>
            <meter min={0} max={Math.max(1, p.max)} value={p.counted} aria-hidden="true" />
            <span>{principleScore(t, p)}</span>
          </dd>
        </div>
      ))}
      <div class="overall">
        <dt>{t('player.overall')}</dt>
        <dd>{t('player.overallValue', { score: debrief.overall })}</dd>
      </div>
    </dl>
  );
}

/** The scenario's meters as labelled gauges; `changed` marks those the last choice moved, and which way. */
export function Meters({
  scenario,
  values,
  changed,
  t,
}: {
  scenario: PlayableScenario;
  values: Record<string, number>;
  changed?: Record<string, 'up' | 'down'>;
  t: Translate;
}) {
  return (
    <div class="player-meters" role="group" aria-label={t('player.meters')}>
      {scenario.meters
        .filter((m) => !m.hidden)
        .map((m) => (
          <div class={`meter ${changed?.[m.id] ?? ''}`} key={m.id}>
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

/** A modal question with a confirming and a cancelling button; open it with `ref.current.showModal()`. */
export function ConfirmDialog(props: {
  dialog: Ref<HTMLDialogElement>;
  id: string;
  question: string;
  confirm: string;
  cancel: string;
  onConfirm: () => void;
}) {
  return (
    <dialog ref={props.dialog} aria-labelledby={props.id} class="confirm">
      <form method="dialog">
        <p id={props.id}>{props.question}</p>
        {/* Cancel comes first and looks primary: the dialog opens on it, and a quick tap keeps the run. */}
        <div class="confirm-actions">
          <button type="submit" value="cancel">
            {props.cancel}
          </button>
          <button type="submit" value="confirm" class="secondary" onClick={props.onConfirm}>
            {props.confirm}
          </button>
        </div>
      </form>
    </dialog>
  );
}
