// What the console and the projector screen show of a session, derived from it and the scenario
// by the engine: the same view for the live console, the screen and the exported files.
import { isDecision, replay, runState, textFor, type Run } from '../engine/index.ts';
import { debriefFor, feedbackFor, type Debrief, type Feedback, type PlayableScenario } from '../engine/play-view.ts';
import { total, votesAt, type WorkshopSession } from './session.ts';

export interface ConsoleView {
  session: WorkshopSession;
  node: PlayableScenario['nodes'][number];
  /**
   * The moment the room discusses: while the feedback is up, the one it decided (its notes,
   * questions, day and other side stay on screen); otherwise `node`.
   */
  discussed: PlayableScenario['nodes'][number];
  /** The decision's situation as it reads on the room's path; empty at an ending. */
  situation: string;
  meters: Record<string, number>;
  /** The votes of the decision on screen: hand counts and phones together. */
  tally: Record<string, number>;
  /** The votes counted by hand at the decision on screen. */
  hand: Record<string, number>;
  /** The phones' votes at the decision on screen. */
  phones: Record<string, number>;
  votes: number;
  feedback?: Feedback;
  debrief?: Debrief;
}

/**
 * Whether a session (saved, or received from the console) can be played in this scenario: its
 * decisions must still lead through it. One saved before the scenario was edited may not.
 */
export function fitsScenario(scenario: PlayableScenario, session: WorkshopSession): boolean {
  return session.scenario === scenario.id && replay(scenario, session.steps) !== undefined;
}

/** Derives what both views show from a session: the node, meters, feedback or debrief. */
export function viewOf(scenario: PlayableScenario, session: WorkshopSession): ConsoleView {
  const run: Run = { scenario: scenario.id, steps: session.steps };
  const state = runState(scenario, run);
  const last = session.tallies.length - 1;
  const tally = votesAt(session, last);
  const feedback = session.feedback ? feedbackFor(scenario, run) : undefined;
  const debrief = isDecision(state.node) ? undefined : debriefFor(scenario, run);
  return {
    session,
    node: state.node,
    discussed: feedback?.node ?? state.node,
    situation: isDecision(state.node) ? textFor(state.node.situation, state.meters) : '',
    meters: state.meters,
    tally,
    hand: session.tallies[last] ?? {},
    phones: session.phones?.[last] ?? {},
    votes: total(tally),
    ...(feedback && { feedback }),
    ...(debrief && { debrief }),
  };
}
