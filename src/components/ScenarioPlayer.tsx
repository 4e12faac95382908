// The scenario player's view. It renders what the player store and the engine computed; the
// islands around it decide where runs are saved and whom they are reported to.
import { useStore } from '../islands/use-store.ts';
import { useEffect, useRef } from 'preact/hooks';
import type { Player, PlayableScenario } from '../stores/player.ts';
import { choiceLabel, nodeTitle } from '../stores/play-view.ts';
import type { Choice } from '../engine/types.ts';
import type { PathComparison } from '../engine/paths.ts';
import type { Translate } from '../i18n/messages.ts';
import { Changes, ConfirmDialog, Meters, Scores, paragraphs } from './PlayerParts.tsx';
import './ScenarioPlayer.css';

/** The other perspective's view of a moment, shown read-only. */
export interface Counterpart {
  scenarioTitle: string;
  title: string;
  speaker?: string;
  situation: string;
}

export interface PlayerProps {
  scenario: PlayableScenario;
  player: Player;
  t: Translate;
  counterparts: Record<string, Counterpart>;
  /** The other perspective's scenario, to offer at the end. */
  other?: { href: string; title: string };
  /** What follows in the course, offered at the end beside playing again. */
  next?: { href: string; title: string };
  /** A sentence about a resumed or restarted run. */
  notice?: string;
  allowUndo?: boolean;
  /** Keep scores out of sight until the ending. */
  hideScore?: boolean;
}

export default function ScenarioPlayer({
  scenario,
  player,
  t,
  counterparts,
  other,
  next,
  notice,
  allowUndo = true,
  hideScore = false,
}: PlayerProps) {
  const view = useStore(player.$view);
  const focusTarget = useRef<HTMLHeadingElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const firstRender = useRef(true);

  // Focus follows what changed: the feedback, the next situation or the outcome. An effect runs
  // after the frame is painted, when the page is laid out already: focusing forces no layout.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    focusTarget.current?.focus();
  }, [view.step, view.feedback === undefined]);

  const nodeName = (id: string) => nodeTitle(scenario, id);
  const changedMeters = Object.fromEntries(view.feedback?.meters.map((m) => [m.id, m.to > m.from ? 'up' : 'down'] as const) ?? []);

  const comparison = (c: PathComparison, same: string, parted: string, label: string) => {
    if (c.partedAt === null) return <p>{t(same)}</p>;
    const mine = view.debrief!.played[c.partedAt];
    const theirs = c.steps[c.partedAt];
    return (
      <>
        <p>{t(parted, { n: c.partedAt + 1, moment: nodeName(c.partedNode!) })}</p>
        <ul class="parted">
          {mine && <li>{t('player.yourChoice', { choice: choiceLabel(scenario, mine) })}</li>}
          {theirs && <li>{t(label, { choice: choiceLabel(scenario, theirs) })}</li>}
        </ul>
      </>
    );
  };

  return (
    <section class="player" aria-labelledby="player-heading">
      <h2 id="player-heading" class="visually-hidden">
        {t('player.heading')}
      </h2>
      {/* Always present, so the notice is announced when it is filled in. */}
      <p class="player-notice" role="status">
        {notice}
      </p>
      <Meters scenario={scenario} values={view.meters} changed={changedMeters} t={t} />

      {/* Focus moves to the new heading, which a screen reader reads; this short line adds what the
          heading does not say (the choice made, the grade reached) without reading the page twice. */}
      <p class="visually-hidden" aria-live="polite">
        {view.feedback ? view.feedback.choice.label : view.debrief && view.node.type === 'ending' ? t(`grade.${view.node.grade}`) : ''}
      </p>
      <div class="player-stage">
        {view.feedback ? (
          <div class="feedback">
            <h3 tabIndex={-1} ref={focusTarget}>
              {t('player.feedback')}
            </h3>
            <p class="feedback-choice">{view.feedback.choice.label}</p>
            {paragraphs(view.feedback.choice.feedback)}
            {!hideScore && <Changes feedback={view.feedback} scenario={scenario} t={t} />}
            <button type="button" data-continue onClick={() => player.continueOn()}>
              {t('player.continue')}
            </button>
          </div>
        ) : view.debrief && view.node.type === 'ending' ? (
          <div class="outcome">
            <p class={`grade grade-${view.node.grade}`}>{t(`grade.${view.node.grade}`)}</p>
            <h3 tabIndex={-1} ref={focusTarget}>
              {view.node.title}
            </h3>
            {paragraphs(view.node.text)}
            <h4>{t('player.scores')}</h4>
            <Scores debrief={view.debrief} t={t} />
            <p class="muted">{t('player.maxNote')}</p>
            <h4>{t('player.debrief')}</h4>
            {paragraphs(view.node.debrief)}
            <h4>{t('player.comparePaths')}</h4>
            {comparison(view.debrief.recommended, 'player.sameAsRecommended', 'player.partedFromRecommended', 'player.recommendedChoice')}
            <p class="muted">{t('player.recommendedScore', { score: view.debrief.recommended.score.overall })}</p>
            {comparison(view.debrief.real, 'player.sameAsReal', 'player.partedFromReal', 'player.realChoice')}
            <p class="muted">
              {t('player.realOutcome', { ending: nodeName(view.debrief.real.ending), score: view.debrief.real.score.overall })}
            </p>
            {view.visited.some((id) => counterparts[id]) && (
              <>
                <h4>{t('player.meanwhile')}</h4>
                {view.visited
                  .filter((id) => counterparts[id])
                  .map((id) => {
                    const c = counterparts[id]!;
                    return (
                      <details class="counterpart" key={id}>
                        <summary>{t('player.meanwhileAt', { moment: nodeName(id) })}</summary>
                        <p class="muted">{c.scenarioTitle}</p>
                        {c.speaker && <p class="speaker">{c.speaker}</p>}
                        {paragraphs(c.situation)}
                      </details>
                    );
                  })}
              </>
            )}
            <div class="outcome-actions">
              {next && (
                <a class="button" href={next.href}>
                  {t('player.next', { title: next.title })}
                </a>
              )}
              {other && (
                <a class="button secondary" href={other.href}>
                  {t('player.playOther', { title: other.title })}
                </a>
              )}
              <button type="button" class={next ? 'secondary' : undefined} onClick={() => player.restart()}>
                {t('player.playAgain')}
              </button>
            </div>
          </div>
        ) : view.node.type === 'decision' ? (
          <div class="decision">
            <p class="step muted">{t('player.step', { n: view.step + 1 })}</p>
            <h3 tabIndex={-1} ref={focusTarget}>
              {view.node.title}
            </h3>
            {view.node.speaker && <p class="speaker">{view.node.speaker}</p>}
            <div class="situation">{paragraphs(view.node.situation)}</div>
            <fieldset class="choices">
              <legend>{t('player.choices')}</legend>
              {(view.node.choices as Choice[]).map((c) => (
                <button type="button" class="choice" key={c.id} data-choice={c.id} onClick={() => player.choose(c.id)}>
                  {c.label as string}
                </button>
              ))}
            </fieldset>
          </div>
        ) : null}
      </div>

      {(allowUndo || !view.debrief) && (
        <div class="player-controls">
          {allowUndo && (
            <button type="button" class="secondary" disabled={view.step === 0} onClick={() => player.back()}>
              {t('player.back')}
            </button>
          )}
          {!view.debrief && (
            <button type="button" class="secondary" disabled={view.step === 0} onClick={() => dialog.current?.showModal()}>
              {t('player.restart')}
            </button>
          )}
        </div>
      )}
      <ConfirmDialog
        dialog={dialog}
        id="restart-title"
        question={t('player.restartConfirm')}
        confirm={t('player.restart')}
        cancel={t('player.cancel')}
        onConfirm={() => player.restart()}
      />
    </section>
  );
}
