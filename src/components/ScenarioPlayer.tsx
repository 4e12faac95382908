// The scenario player's view. It renders what the player store and the engine computed; the
// islands around it decide where runs are saved and whom they are reported to.
import { Component, createRef, type ComponentChildren, type RefObject } from 'preact';
import type { Player, PlayableScenario, PlayerView } from '../stores/player.ts';
import { faceAt } from '../engine/expression.ts';
import type { Translate } from '../i18n/messages.ts';
import { ConfirmDialog, FeedbackBody } from './PlayerParts.tsx';
import { Moment, StoryMeters } from './Moment.tsx';
import type { StoryViews } from '../course/moment-views.ts';
import { reactionOf } from '../course/reactions.ts';
import { focusClearance, focusWhenLaidOut } from '../browser/focus.ts';
import './ScenarioPlayer.css';

/**
 * A step's action, taken once the clicked button has let go of focus, to the page's body: from
 * there focus moves to the new view's heading (`focusWhenLaidOut`). A button that leaves the page
 * with its view goes at a fraction of the cost (a browser removes a focused element at several
 * times the cost of an unfocused one, as it moves focus as it goes); one that stays (Step back)
 * no longer holds focus that should go to the new heading.
 */
const unfocused = (action: () => void) => () => {
  (document.activeElement as HTMLElement | null)?.blur();
  action();
};

export interface PlayerProps {
  scenario: PlayableScenario;
  /** The player, whose actions the buttons call. */
  player: Player;
  /**
   * Its view (`player.$view`), read by the host island, which renders again when it changes (the
   * LMS's with useStore; the course's and the embed frame's with the store's own listener).
   */
  view: PlayerView;
  t: Translate;
  /** Each moment in its medium and the money in view, worked out at build time (course/moment-views.ts). */
  story: StoryViews;
  /**
   * Renders the outcome at an ending (components/PlayerOutcome.tsx, with what the host adds),
   * given the view, its debrief and the ref of the title, which takes focus. A host may load the
   * outcome only once a run reaches an ending, and show something else meanwhile (the course
   * player does).
   */
  outcome: (slot: OutcomeSlot) => ComponentChildren;
  /** A sentence about a resumed or restarted run. */
  notice?: string;
  allowUndo?: boolean;
  /** Keep scores out of sight until the ending. */
  hideScore?: boolean;
}

/** What the player gives its host's outcome: the view at an ending, its debrief, and the ref for the title that takes focus. */
export interface OutcomeSlot {
  view: PlayerView;
  debrief: NonNullable<PlayerView['debrief']>;
  headingRef: RefObject<HTMLHeadingElement>;
}

/** The elements the player's lifecycle reads. */
interface Elements {
  focusTarget: RefObject<HTMLHeadingElement>;
  dialog: RefObject<HTMLDialogElement>;
  section: RefObject<HTMLElement>;
}

/**
 * The player. A class component, not hooks: the embed frame's island is one too, and neither then
 * needs preact's hooks, which would add 0.7 KB gzipped to the frame's script (its page, the
 * embedders', fits its budget by bytes).
 */
export default class ScenarioPlayer extends Component<PlayerProps> {
  elements: Elements = { focusTarget: createRef(), dialog: createRef(), section: createRef() };
  /** Stops keeping room for the sticky meters. */
  stop?: () => void;

  // The meters stick to the top of the screen, where they would cover a heading that focus
  // scrolls into view (on a phone they wrap to three lines): the page keeps their height free at
  // its top whenever it scrolls something into view (WCAG 2.4.11). Measured, as it changes with
  // the width and the language (scripts/storage-notice.ts keeps the notice's height free at the
  // foot the same way). At the ending they stop sticking (ScenarioPlayer.css) and the
  // padding stays: the outcome then opens with the meters, its final state, just above it.
  override componentDidMount() {
    const panel = this.elements.section.current?.querySelector<HTMLElement>('.player-meters');
    if (!panel) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => {
      root.style.scrollPaddingTop = `${panel.offsetHeight + focusClearance}px`;
    });
    observer.observe(panel);
    this.stop = () => {
      observer.disconnect();
      root.style.scrollPaddingTop = '';
    };
  }

  override componentWillUnmount() {
    this.stop?.();
  }

  // Focus follows what changed: the feedback, the next situation or the outcome. It moves in the
  // frame that shows the new view, after that frame's layout and before its paint: no layout is
  // forced on a step, and the frame paints the view already scrolled to its heading, where moving
  // after the paint cost a second frame on every step (its style, layout and paint).
  override componentDidUpdate({ view: was }: PlayerProps) {
    const { view } = this.props;
    if (view.step !== was.step || !view.feedback !== !was.feedback) focusWhenLaidOut(this.elements.focusTarget.current);
  }

  override render(props: PlayerProps) {
    return playerView(props, this.elements);
  }
}

function playerView(
  { scenario, player, view, t, story, outcome, notice, allowUndo = true, hideScore = false }: PlayerProps,
  { focusTarget, dialog, section }: Elements,
) {
  const reaction = reactionOf(story, view.feedback);
  // Faces follow trust, by a rule applied at build time for each of its values (engine/expression.ts).
  const face = faceAt(story.faces, view.meters);

  return (
    <section class="player" aria-labelledby="player-heading" ref={section}>
      <h2 id="player-heading" class="visually-hidden">
        {t('player.heading')}
      </h2>
      {/* Always present, so the notice is announced when it is filled in. */}
      <p class="player-notice" role="status">
        {notice}
      </p>
      <StoryMeters
        story={story}
        scenario={scenario}
        day={view.day}
        values={view.meters}
        pending={view.feedback?.pending}
        changes={view.feedback?.meters}
        t={t}
      />

      {/* Focus moves to the new heading, which a screen reader reads; this short line adds what the
          heading does not say (the choice made, the grade reached) without reading the page twice. */}
      <p class="visually-hidden" aria-live="polite">
        {view.feedback ? view.feedback.choice.label : view.debrief ? t('player.gradeIs', { grade: t(`grade.${view.debrief.grade}`) }) : ''}
      </p>
      {/* Each view of the stage is keyed by what it shows, so a step replaces the old view with one
          removal and one insertion of a view built apart from the page, and focus always lands on a
          new heading, not on one patched in place. */}
      <div class="player-stage">
        {view.feedback ? (
          <div class="feedback" key={`f${view.step}`}>
            <h3 tabIndex={-1} ref={focusTarget}>
              {t('player.feedback')}
            </h3>
            <FeedbackBody
              feedback={view.feedback}
              story={story}
              t={t}
              hideScore={hideScore}
              reaction={reaction && <Moment view={reaction} text={view.feedback.text} expression={face} />}
            />
            <button type="button" data-continue onClick={unfocused(() => player.continueOn())}>
              {t('player.continue')}
            </button>
          </div>
        ) : view.debrief && view.node.type === 'ending' ? (
          <div class="outcome" key="o">
            {outcome({ view, debrief: view.debrief, headingRef: focusTarget })}
          </div>
        ) : view.node.type === 'decision' ? (
          <div class="decision" key={`d${view.step}`}>
            <p class="step muted">{t('player.step', { n: view.step + 1 })}</p>
            <h3 tabIndex={-1} ref={focusTarget}>
              {view.node.title}
            </h3>
            <Moment view={story.moments[view.node.id]!} text={view.situation} expression={face} />
            <fieldset class="choices">
              <legend>{t('player.choices')}</legend>
              {view.node.choices.map((c) => (
                <button type="button" class="choice" key={c.id} data-choice={c.id} onClick={unfocused(() => player.choose(c.id))}>
                  {c.label}
                </button>
              ))}
            </fieldset>
          </div>
        ) : null}
      </div>

      {(allowUndo || !view.debrief) && (
        <div class="player-controls">
          {allowUndo && (
            <button type="button" class="secondary" disabled={view.step === 0} onClick={unfocused(() => player.back())}>
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
        onConfirm={unfocused(() => player.restart())}
      />
    </section>
  );
}
