// The facilitator's console: the moment in its medium, private notes and questions, the room's
// votes, a timer, and the controls that move the story on. The projector screen follows over a
// BroadcastChannel, or through the saved session where the browser has none.
import { Component, createRef } from 'preact';
import { createWorkshop, type Workshop } from '../stores/workshop.ts';
import { openConsoleSession } from '../stores/console-session.ts';
import { audioContextClass } from '../browser/support.ts';
import { newSession, unsavedSessionId } from '../workshop/session.ts';
import { translator, type Translate } from '../i18n/messages.ts';
import type { StoryIslandProps } from '../course/props.ts';
import { reactionOf } from '../course/reactions.ts';
import { faceAt } from '../engine/expression.ts';
import { ConfirmDialog, FeedbackBody, paragraphs } from './PlayerParts.tsx';
import { Outcome } from './Outcome.tsx';
import { RoomReview } from './RoomOutcome.tsx';
import { Moment, StoryMeters } from './Moment.tsx';
import { Clock } from './Clock.tsx';
import { timerPresets, timerState } from '../workshop/timer.ts';
import { voteForKey } from '../workshop/vote-keys.ts';
import './Facilitator.css';

interface Props extends StoryIslandProps {
  screenHref: string;
  /** The facilitator page, where saved sessions are listed and exported. */
  sessionsHref: string;
  /** The locale dates are written in, e.g. en-US. */
  dateLocale: string;
  /** Titles of the other side's linked moments, by node id. */
  counterparts: Record<string, string>;
}

/** The console's workshop, and notices (message keys): a session that could not be resumed, what this browser cannot do. */
interface State {
  workshop: Workshop;
  notices: string[];
}

/**
 * The console. Class components, as the players are: the console's script then carries no
 * preact hooks (0.8 KB gzipped; the live-voting panel, loaded on a click, brings them with it).
 */
export default class FacilitatorConsole extends Component<Props, State> {
  // Made once from the first props: an island is hydrated once, and its props never change.
  t = translator(this.props.locale, this.props.messages);
  // The server renders a fresh, empty session, and so does the first render in the browser;
  // the saved or new session replaces it at once, without the page jumping.
  override state: State = {
    workshop: createWorkshop(this.props.scenario, newSession(this.props.scenario.id, '', new Date(0), unsavedSessionId), () => {}),
    notices: [],
  };
  close?: () => void;

  override componentDidMount() {
    const opened = openConsoleSession(this.props.scenario, this.t, this.props.dateLocale);
    this.close = opened.close;
    this.setState({ workshop: opened.workshop, notices: opened.notices });
  }

  override componentWillUnmount() {
    this.close?.();
  }

  render(props: Props, { workshop, notices }: State) {
    const { t } = this;
    return (
      <>
        {/* Always present, so the notices are announced when they are filled in. */}
        <div class="player-notice" role="status">
          {notices.map((n) => (
            <p key={n}>{t(n)}</p>
          ))}
        </div>
        <Console key={workshop.$session.get().id} {...props} workshop={workshop} t={t} />
      </>
    );
  }
}

type ConsoleProps = Props & { workshop: Workshop; t: Translate };

class Console extends Component<ConsoleProps, { canSound: boolean }> {
  // Known once the page runs: the server cannot tell whether this browser has Web Audio.
  override state = { canSound: true };
  heading = createRef<HTMLHeadingElement>();
  restartDialog = createRef<HTMLDialogElement>();
  /** Where the story was at the last render (steps taken, feedback shown): focus follows it once it moves, not when the page opens. */
  at?: string;
  stop?: () => void;

  // Before the first paint (preact calls it where it runs layout effects): the view is followed,
  // and number keys tally votes (workshop/vote-keys.ts says which), from the moment the console
  // mounts, reading the room's state when a key is pressed, so a key pressed the moment the
  // session is live is counted, not lost between two renders.
  // The console is keyed by its session (see FacilitatorConsole): another workshop mounts another
  // console, so this one follows the workshop it mounted with.
  override componentDidMount() {
    const { workshop } = this.props;
    const onKey = (event: KeyboardEvent) => {
      const inField = (event.target as HTMLElement).closest('input, textarea, select') !== null;
      const vote = voteForKey(event, workshop.$view.get().ballot, inField);
      if (!vote) return;
      event.preventDefault();
      workshop.vote(vote.choice, vote.change);
    };
    addEventListener('keydown', onKey);
    const unlisten = workshop.$view.listen(() => this.forceUpdate());
    this.stop = () => {
      unlisten();
      removeEventListener('keydown', onKey);
    };
    this.componentDidUpdate();
    if (audioContextClass() === undefined) this.setState({ canSound: false });
  }

  override componentDidUpdate() {
    const { session } = this.props.workshop.$view.get();
    const at = `${session.steps.length} ${session.feedback}`;
    if (this.at !== undefined && at !== this.at) this.heading.current?.focus();
    this.at = at;
  }

  override componentWillUnmount() {
    this.stop?.();
  }

  render({ scenario, story, workshop, t, screenHref, sessionsHref, counterparts }: ConsoleProps, { canSound }: { canSound: boolean }) {
    const view = workshop.$view.get();
    const { session } = view;
    const { heading, restartDialog } = this;
    const timer = timerState(session.timer);
    const { node, discussed } = view;
    const choices = node.type === 'decision' ? node.choices : [];

    const top = view.leading;
    // The moment as the room sees it on the projector screen: the same markup, the same faces.
    const face = faceAt(story.faces, view.meters);
    const reaction = reactionOf(story, view.feedback);

    return (
      <div class="console">
        <div class="console-bar">
          <label class="session-name">
            <span>{t('workshop.sessionName')}</span>
            <input type="text" value={session.name} maxLength={200} onInput={(e) => workshop.rename(e.currentTarget.value)} />
          </label>
          <a class="button" href={`${screenHref}?session=${session.id}`} target="checks-screen" rel="opener">
            {t('workshop.openScreen')}
          </a>
        </div>

        <div class="console-main">
          <section class="console-stage" aria-labelledby="console-heading">
            <StoryMeters
              story={story}
              scenario={scenario}
              day={discussed.day}
              values={view.meters}
              pending={view.feedback?.pending}
              t={t}
            />
            {view.feedback ? (
              <div class="feedback">
                <h2 id="console-heading" tabIndex={-1} ref={heading}>
                  {t('player.feedback')}
                </h2>
                <FeedbackBody
                  feedback={view.feedback}
                  story={story}
                  t={t}
                  reaction={reaction && <Moment view={reaction} text={view.feedback.text} expression={face} />}
                />
                <button type="button" onClick={() => workshop.continueOn()}>
                  {t('player.continue')}
                </button>
              </div>
            ) : view.debrief && node.type === 'ending' ? (
              <div class="outcome">
                <Outcome
                  audience="room"
                  debrief={view.debrief}
                  title={node.title}
                  level={2}
                  headingId="console-heading"
                  headingRef={heading}
                  scoresHeading={t('workshop.scores')}
                  t={t}
                >
                  {view.path && <RoomReview debrief={view.debrief} path={view.path} t={t} level={3} />}
                </Outcome>
              </div>
            ) : node.type === 'decision' ? (
              <div class="decision">
                <p class="muted">{t('player.step', { n: session.steps.length + 1 })}</p>
                <h2 id="console-heading" tabIndex={-1} ref={heading}>
                  {node.title}
                </h2>
                <Moment view={story.moments[node.id]!} text={view.situation} expression={face} />
                <fieldset class="tally">
                  <legend>{t('workshop.tally')}</legend>
                  <p class="muted">{t('workshop.keys')}</p>
                  <ol>
                    {choices.map((c, i) => (
                      <li key={c.id} class={c.id === top ? 'leading' : ''}>
                        <span class="choice-text">
                          <kbd>{i + 1}</kbd> {c.label}
                        </span>
                        <span class="tally-controls">
                          <button
                            type="button"
                            class="secondary"
                            aria-label={t('workshop.removeVote', { n: i + 1 })}
                            onClick={() => workshop.vote(c.id, -1)}
                          >
                            −
                          </button>
                          <input
                            type="number"
                            min={0}
                            inputMode="numeric"
                            aria-label={t('workshop.votesFor', { n: i + 1 })}
                            value={view.hand[c.id] ?? 0}
                            onInput={(e) => workshop.setVotes(c.id, Number(e.currentTarget.value))}
                            // A count the tally refused (below zero, not a number) gives way to the count it kept.
                            onChange={(e) => {
                              e.currentTarget.value = `${workshop.$view.get().hand[c.id] ?? 0}`;
                            }}
                          />
                          <button
                            type="button"
                            class="secondary"
                            aria-label={t('workshop.addVote', { n: i + 1 })}
                            onClick={() => workshop.vote(c.id, 1)}
                          >
                            +
                          </button>
                          {/* Once phones voted (the view says so), each total beside its hand count, which lacks their votes. */}
                          {view.totalsBeside && <span class="choice-total">{t('workshop.votes', { count: view.tally[c.id] ?? 0 })}</span>}
                          <button type="button" class="go" onClick={() => workshop.go(c.id)}>
                            {t('workshop.goWith', { n: i + 1 })}
                          </button>
                        </span>
                      </li>
                    ))}
                  </ol>
                  <p class="tally-total" aria-live="polite">
                    {t('workshop.votesIn', { count: view.votes })}
                  </p>
                  <div class="row">
                    <button type="button" aria-pressed={session.revealed} onClick={() => workshop.reveal(!session.revealed)}>
                      {session.revealed ? t('workshop.hide') : t('workshop.reveal')}
                    </button>
                    <button type="button" disabled={!top} aria-describedby="console-tied" onClick={() => top && workshop.go(top)}>
                      {t('workshop.goMajority')}
                    </button>
                    <span class="muted" id="console-tied">
                      {view.tied && t('workshop.tied')}
                    </span>
                  </div>
                </fieldset>
              </div>
            ) : null}
            <div class="row">
              <button type="button" class="secondary" disabled={session.steps.length === 0} onClick={() => workshop.back()}>
                {t('player.back')}
              </button>
              <button
                type="button"
                class="secondary"
                disabled={session.steps.length === 0}
                onClick={() => restartDialog.current?.showModal()}
              >
                {t('player.restart')}
              </button>
              {/* Under the vote, and under the feedback after it: where the trainer is, for the moment the room is on. */}
              {counterparts[discussed.id] && (
                <button
                  type="button"
                  class="secondary"
                  aria-pressed={session.counterpart}
                  onClick={() => workshop.showCounterpart(!session.counterpart)}
                >
                  {session.counterpart
                    ? t('workshop.hideCounterpart')
                    : t('workshop.showCounterpart', { moment: counterparts[discussed.id]! })}
                </button>
              )}
            </div>
          </section>

          <aside class="console-side" aria-label={t('workshop.private')}>
            {discussed.type === 'decision' && (
              <section class="notes">
                <h2>{t('workshop.notes')}</h2>
                {paragraphs(discussed.notes)}
                <h3>{t('workshop.questions')}</h3>
                <ul>
                  {discussed.questions.map((q, i) => (
                    <li key={i}>{q}</li>
                  ))}
                </ul>
              </section>
            )}
            <section class="timer" aria-labelledby="timer-heading">
              <h2 id="timer-heading">{t('workshop.timer')}</h2>
              <Clock timer={session.timer} t={t} class="time" sound={!session.muted} announce />
              <div class="row">
                {timerPresets.map((m) => (
                  <button type="button" class="secondary" key={m} onClick={() => workshop.startTimer(m)}>
                    {t('workshop.minutes', { count: m })}
                  </button>
                ))}
              </div>
              <div class="row">
                <button type="button" class="secondary" disabled={timer === 'unset'} onClick={() => workshop.addMinute()}>
                  {t('workshop.addMinute')}
                </button>
                {/* One button that changes its word, and Reset never disabled under the keyboard's focus: focus stays where it was. */}
                {timer !== 'unset' && (
                  <button
                    type="button"
                    class="secondary"
                    onClick={() => (timer === 'running' ? workshop.pauseTimer() : workshop.resumeTimer())}
                  >
                    {t(timer === 'running' ? 'workshop.pause' : 'workshop.resume')}
                  </button>
                )}
                <button type="button" class="secondary" aria-disabled={timer === 'unset'} onClick={() => workshop.resetTimer()}>
                  {t('workshop.resetTimer')}
                </button>
              </div>
              {canSound ? (
                <label class="check">
                  <input type="checkbox" checked={session.muted} onChange={(e) => workshop.setMuted(e.currentTarget.checked)} />
                  {t('workshop.mute')}
                </label>
              ) : (
                <p class="muted">{t('workshop.noSound')}</p>
              )}
            </section>
            {/* The files are made on the facilitator page, beside the other saved sessions: the console stays light. */}
            <section class="exports">
              <h2>{t('workshop.export')}</h2>
              <a href={`${sessionsHref}?session=${session.id}`}>{t('workshop.exportLink')}</a>
            </section>
          </aside>
        </div>
        <ConfirmDialog
          dialog={restartDialog}
          id="console-restart"
          question={t('workshop.restartConfirm')}
          confirm={t('player.restart')}
          cancel={t('player.cancel')}
          onConfirm={() => {
            workshop.restart();
            // The closing dialog gives focus back to Start over, which the restart disables: the
            // first step's heading takes it once the dialog has closed.
            restartDialog.current?.addEventListener('close', () => heading.current?.focus(), { once: true });
          }}
        />
      </div>
    );
  }
}
