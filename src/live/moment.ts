// What the console publishes to its live room, derived from its view: the phones' moment and the
// screen's copy of the session. Nothing private (notes, questions, hand counts before the reveal)
// leaves the console.
import type { ConsoleView } from '../stores/workshop.ts';
import { forScreen, hiddenTally, type WorkshopSession } from '../workshop/session.ts';
import type { Moment, RoomState } from './protocol.ts';

/** The phones' view of the console's current moment. */
export function momentOf(view: ConsoleView): Moment {
  const { node, session, feedback, debrief } = view;
  const consequence = feedback && { label: feedback.choice.label, text: feedback.text };
  const moment: Moment =
    node.type === 'decision'
      ? {
          step: session.steps.length,
          node: node.id,
          kind: 'decision',
          title: node.title,
          choices: node.choices.map((c) => ({ id: c.id, label: c.label })),
          text: '',
          revealed: session.revealed,
        }
      : {
          step: session.steps.length,
          node: node.id,
          kind: 'ending',
          title: node.title,
          choices: [],
          text: debrief?.text ?? '',
          revealed: false,
        };
  return consequence ? { ...moment, consequence } : moment;
}

/**
 * The room's state as the console publishes it. The screen's session carries hand counts only
 * at the current decision: the server adds the phones' votes it counts itself.
 */
export function roomStateOf(view: ConsoleView): RoomState {
  const session: WorkshopSession = view.session.phones ? withPhones(view.session, {}) : view.session;
  return { moment: momentOf(view), session: forScreen(session) };
}

/**
 * The screen's session with the live room's count at its current decision: the total while the
 * votes are hidden, each choice's votes once revealed. A count for another moment is ignored.
 */
export function withLiveCount(
  session: WorkshopSession,
  count: { step: number; votes: number; tally?: Record<string, number> },
): WorkshopSession {
  if (count.step !== session.steps.length) return session;
  if (session.revealed && count.tally) return withPhones(session, count.tally);
  const last = session.tallies.length - 1;
  const tallies = [...session.tallies];
  const hidden = tallies[last]?.[hiddenTally];
  if (hidden === undefined) return session;
  tallies[last] = { [hiddenTally]: hidden + count.votes };
  return { ...session, tallies };
}

/** The session with the phones' votes at its current decision replaced (the console and the screen hear them from the live room). */
export function withPhones(session: WorkshopSession, phones: Record<string, number>): WorkshopSession {
  const all = session.phones && session.phones.length === session.tallies.length ? [...session.phones] : session.tallies.map(() => ({}));
  all[all.length - 1] = phones;
  return { ...session, phones: all };
}

/**
 * The session with the live room's count of the phones' votes at decision `step`; the session
 * itself when the room has moved on from that step or the count is the same. The first count
 * starts the session counting phones beside its hand counts.
 */
export function withPhoneCount(session: WorkshopSession, step: number, tally: Record<string, number>): WorkshopSession {
  if (step !== session.steps.length || (session.phones && JSON.stringify(tally) === JSON.stringify(session.phones[step]))) return session;
  return withPhones(session, tally);
}

const isEmpty = (tally: Record<string, number> | undefined) => Object.keys(tally ?? {}).length === 0;

/**
 * The first step whose phone votes the live room must drop after the console went from `before`
 * to `after`: a step back drops the steps after the one returned to, and a restart drops them
 * all (the counts at the current step went back to none). Undefined when nothing was dropped.
 */
export function discardedFrom(before: WorkshopSession, after: WorkshopSession): number | undefined {
  const step = after.steps.length;
  const cleared = isEmpty(after.phones?.[step]);
  if (step < before.steps.length) return cleared ? step : step + 1;
  if (step === before.steps.length && cleared && !isEmpty(before.phones?.[step])) return step;
  return undefined;
}
