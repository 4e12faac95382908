import { useStore } from '@nanostores/preact';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { createPlayer, type PlayableScenario } from '../stores/player.ts';
import { translator, type Message, type MessageKey } from '../i18n/messages.ts';
import type { Locale } from '../i18n/locales.ts';
import type { Choice } from '../engine/types.ts';
import './ScenarioPlayer.css';

interface Props {
  scenario: PlayableScenario;
  locale: Locale;
  messages: Partial<Record<MessageKey, Message>>;
}

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

export default function ScenarioPlayer({ scenario, locale, messages }: Props) {
  const t = useMemo(() => translator(locale, messages), [locale, messages]);
  const player = useMemo(() => createPlayer(scenario), [scenario]);
  const view = useStore(player.$view);
  const focusTarget = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  // Focus follows what changed: the feedback, the next situation or the outcome.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    focusTarget.current?.focus();
  }, [view.step, view.feedback === undefined]);

  const principle = (id: string) => t(`principle.${id}` as MessageKey);

  return (
    <section class="player" aria-labelledby="player-heading">
      <h2 id="player-heading" class="visually-hidden">
        {scenario.title}
      </h2>
      <div class="player-meters" role="group" aria-label={t('player.meters')}>
        {scenario.meters.map((m) => (
          <div class="meter" key={m.id}>
            <span class="meter-label">{m.label}</span>
            <meter min={m.min} max={m.max} value={view.meters[m.id]} aria-label={m.label} />
            <span class="meter-value">
              {view.meters[m.id]}/{m.max}
            </span>
          </div>
        ))}
      </div>

      <div aria-live="polite" class="player-stage">
        {view.feedback ? (
          <div class="feedback">
            <h3 tabIndex={-1} ref={focusTarget}>
              {t('player.feedback')}
            </h3>
            <p class="feedback-choice">{view.feedback.choice.label}</p>
            <p>{view.feedback.choice.feedback}</p>
            {(view.feedback.points.length > 0 || view.feedback.meters.length > 0) && (
              <ul class="changes">
                {view.feedback.points.map((p) => (
                  <li key={p.principle} class={p.change > 0 ? 'up' : 'down'}>
                    {t('player.pointsChange', { principle: principle(p.principle), change: signed(p.change) })}
                  </li>
                ))}
                {view.feedback.meters.map((m) => (
                  <li key={m.id} class="meter-change">
                    {t('player.meterChange', { meter: player.meterLabel(m.id), from: m.from, to: m.to })}
                  </li>
                ))}
              </ul>
            )}
            <button type="button" onClick={() => player.continueOn()}>
              {t('player.continue')}
            </button>
          </div>
        ) : view.outcome ? (
          <div class="outcome">
            <p class={`grade grade-${view.outcome.ending.grade}`}>{t(`grade.${view.outcome.ending.grade}` as MessageKey)}</p>
            <h3 tabIndex={-1} ref={focusTarget}>
              {view.node.type === 'ending' && view.node.title}
            </h3>
            {view.node.type === 'ending' && <p>{view.node.text}</p>}
            <h4>{t('player.scores')}</h4>
            <dl class="scores">
              {view.outcome.principles.map((p) => (
                <div key={p.principle}>
                  <dt>{principle(p.principle)}</dt>
                  <dd>{t('player.scoreOf', { earned: p.earned, max: p.max })}</dd>
                </div>
              ))}
              <div class="overall">
                <dt>{t('player.overall')}</dt>
                <dd>{t('player.overallValue', { score: view.outcome.overall })}</dd>
              </div>
            </dl>
            <h4>{t('player.debrief')}</h4>
            {view.node.type === 'ending' && <p>{view.node.debrief}</p>}
          </div>
        ) : view.node.type === 'decision' ? (
          <div class="decision">
            <p class="step muted">{t('player.step', { n: view.step + 1 })}</p>
            {view.node.speaker && <p class="speaker">{view.node.speaker}</p>}
            <h3 tabIndex={-1} ref={focusTarget} class="visually-hidden">
              {t('player.step', { n: view.step + 1 })}
            </h3>
            <div class="situation">{paragraphs(view.node.situation)}</div>
            <fieldset class="choices">
              <legend>{t('player.choices')}</legend>
              {(view.node.choices as Choice[]).map((c) => (
                <button type="button" class="choice" key={c.id} onClick={() => player.choose(c.id)}>
                  {c.label as string}
                </button>
              ))}
            </fieldset>
          </div>
        ) : null}
      </div>

      <div class="player-controls">
        <button type="button" class="secondary" disabled={view.step === 0} onClick={() => player.back()}>
          {t('player.back')}
        </button>
        <button
          type="button"
          class="secondary"
          disabled={view.step === 0}
          onClick={() => {
            if (window.confirm(t('player.restartConfirm'))) player.restart();
          }}
        >
          {view.outcome ? t('player.playAgain') : t('player.restart')}
        </button>
      </div>
    </section>
  );
}

function paragraphs(text: string) {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p, i) => <p key={i}>{p}</p>);
}
