// What the console and the projector screen show of a session, derived from it and the scenario
// by the engine: the same view for the live console, the screen and the exported files.
import { isDecision, replay, runState, textFor, type Run } from '../engine/index.ts';
import { debriefFor, feedbackFor, type Debrief, type Feedback, type PlayableScenario } from '../engine/play-view.ts';
import { majority, roomPath, total, votesAt, type RoomMoment, type WorkshopSession } from './session.ts';
import type { PathMark } from '../engine/vocabulary.ts';

/** A choice on the room's path, with the marked paths (recommended, the real case's) that took it at that moment. */
export type MarkedRoomChoice = RoomMoment['choices'][number] & { marks: PathMark[] };

/** A decision on the room's path at its ending: every choice with its votes and marks, and the one the room took. */
export interface MarkedRoomMoment extends RoomMoment {
  choices: MarkedRoomChoice[];
  /** The choice the room took; undefined only for a step the scenario no longer has the choice of. */
  taken: MarkedRoomChoice | undefined;
}

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
  /**
   * The choice ids the room votes on now, in the decision's order: the decision's choices, unless
   * its feedback is up (the room is still on the consequence); undefined when no vote is open.
   */
  ballot: string[] | undefined;
  /** The decision's choice with the most votes (`majority`); undefined without votes or on a tie at the top. */
  leading: string | undefined;
  /** Whether votes are in but two or more choices share the most of them: no majority to go with. */
  tied: boolean;
  /**
   * Whether the console writes each choice's total (`tally`) beside its hand count: once phones
   * have voted at this decision, where a hand count is no longer the whole, every choice's, so the
   * totals line up and none is left to be worked out; none while the room votes by hand alone.
   */
  totalsBeside: boolean;
  feedback?: Feedback;
  debrief?: Debrief;
  /** At an ending: the room's path, each decision with its votes and the marked paths' choices. */
  path?: MarkedRoomMoment[];
}

/**
 * The room's path (`roomPath`) with, on every choice, the marked paths of `debrief` that took it
 * at that moment: what the console's outcome tags and the projector screen lists.
 */
export function markedRoomPath(session: WorkshopSession, scenario: PlayableScenario, debrief: Debrief): MarkedRoomMoment[] {
  const marked = [debrief.recommended, debrief.real];
  return roomPath(session, scenario).map((moment) => {
    const choices = moment.choices.map((c) => ({
      ...c,
      marks: marked.filter((p) => p.steps.some((s) => s.node === moment.node && s.choice === c.id)).map((p) => p.mark),
    }));
    return { ...moment, choices, taken: choices.find((c) => c.chosen) };
  });
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
  const order = isDecision(state.node) ? state.node.choices.map((c) => c.id) : [];
  const phones = session.phones?.[last] ?? {};
  const leading = majority(tally, order);
  const votes = total(tally);
  return {
    session,
    node: state.node,
    discussed: feedback?.node ?? state.node,
    situation: isDecision(state.node) ? textFor(state.node.situation, state.meters) : '',
    meters: state.meters,
    tally,
    hand: session.tallies[last] ?? {},
    phones,
    votes,
    ballot: feedback || !isDecision(state.node) ? undefined : order,
    leading,
    tied: !leading && votes > 0,
    totalsBeside: order.some((id) => phones[id]),
    ...(feedback && { feedback }),
    ...(debrief && { debrief, path: markedRoomPath(session, scenario, debrief) }),
  };
}
