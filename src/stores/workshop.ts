// The facilitator console's state: one workshop session, saved on every change and sent to
// the projector screen. The engine plays the room's decisions; this store keeps the votes.
import { atom } from 'nanostores';
import { choose, undo } from '../engine/index.ts';
import type { ChooseError } from '../engine/run.ts';
import type { PlayableScenario } from '../engine/play-view.ts';
import type { WorkshopSession } from '../workshop/session.ts';
import { timeLeft, timerOnwards, timerState } from '../workshop/timer.ts';
import { viewOf } from '../workshop/view.ts';

/** The later of two versions of a session, by when each was last changed. */
const newer = (a: WorkshopSession, b: WorkshopSession | undefined) => (b && b.id === a.id && b.updatedAt > a.updatedAt ? b : a);

/**
 * The console's workshop over one session. `onChange` saves and sends each change. `saved`, when
 * given, reads the session as saved now: each action is applied to that when it is newer (another
 * console of the same session, in another tab, changed it), so the two consoles' votes and steps
 * add up instead of one replacing the other.
 */
export function createWorkshop(
  scenario: PlayableScenario,
  initial: WorkshopSession,
  onChange: (session: WorkshopSession) => void,
  saved: () => WorkshopSession | undefined = () => undefined,
) {
  const $session = atom(initial);
  // The view is derived from the session and kept beside it, updated with every change.
  const $view = atom(viewOf(scenario, initial));
  const show = (session: WorkshopSession) => {
    $session.set(session);
    $view.set(viewOf(scenario, session));
  };

  /** Applies an action to the newest version of the session; an action that no longer applies (undefined) changes nothing. */
  const update = (change: (s: WorkshopSession) => WorkshopSession | undefined) => {
    const current = newer($session.get(), saved());
    const changed = change(current);
    if (!changed) return show(current);
    // Strictly later than the version it was made from, even within one millisecond.
    const at = new Date(Math.max(Date.now(), Date.parse(current.updatedAt) + 1)).toISOString();
    const next = { ...changed, updatedAt: at };
    show(next);
    onChange(next);
  };
  const setTally = (change: (tally: Record<string, number>) => Record<string, number>) =>
    update((s) => ({ ...s, tallies: [...s.tallies.slice(0, -1), change(s.tallies[s.tallies.length - 1] ?? {})] }));

  return {
    $session,
    $view,
    /** Shows a newer version of the session saved elsewhere (another console's), without saving it again. */
    follow(session: WorkshopSession | undefined) {
      const next = session && newer($session.get(), session);
      if (next && next !== $session.get()) show(next);
    },
    /** Adds (or with a negative delta removes) votes for a choice; never below zero. */
    vote(choiceId: string, delta: number) {
      setTally((t) => ({ ...t, [choiceId]: Math.max(0, (t[choiceId] ?? 0) + delta) }));
    },
    /** Sets a choice's votes from a typed count. */
    setVotes(choiceId: string, count: number) {
      if (!Number.isSafeInteger(count) || count < 0) return;
      setTally((t) => ({ ...t, [choiceId]: Math.min(count, 100_000) }));
    },
    /** Reveals or hides the votes; revealing brings the screen back from the other side's view to the vote. */
    reveal(revealed: boolean) {
      update((s) => ({ ...s, revealed, counterpart: revealed ? false : s.counterpart }));
    },
    /** Applies a change made elsewhere: the live room's count of the phones' votes. */
    edit(change: (s: WorkshopSession) => WorkshopSession) {
      update(change);
    },
    /** Moves the story on with a choice: the majority's or any other. */
    go(choiceId: string) {
      let error: ChooseError | undefined;
      update((s) => {
        // Chosen from the newest version: a choice the room has moved past (on another console) does nothing.
        const result = choose(scenario, { scenario: scenario.id, steps: s.steps }, choiceId);
        if (!result.ok) {
          error = result.error;
          return undefined;
        }
        return {
          ...s,
          steps: [...result.run.steps],
          tallies: [...s.tallies, {}],
          ...(s.phones && { phones: [...s.phones, {}] }),
          revealed: false,
          feedback: true,
          counterpart: false,
          timer: timerOnwards(s.timer, Date.now()),
        };
      });
      return error;
    },
    /** Leaves the feedback for the next moment; the screen leaves the other side's view with it. A timer that ran out is cleared as the room moves on (`timerOnwards`), here and with a choice or a step back. */
    continueOn() {
      update((s) => ({ ...s, feedback: false, counterpart: false, timer: timerOnwards(s.timer, Date.now()) }));
    },
    back() {
      update((s) => {
        const run = undo({ scenario: scenario.id, steps: s.steps });
        return {
          ...s,
          steps: [...run.steps],
          tallies: s.tallies.length > 1 ? s.tallies.slice(0, -1) : s.tallies,
          ...(s.phones && { phones: s.phones.length > 1 ? s.phones.slice(0, -1) : s.phones }),
          feedback: false,
          revealed: false,
          counterpart: false,
          timer: timerOnwards(s.timer, Date.now()),
        };
      });
    },
    restart() {
      update((s) => ({
        ...s,
        steps: [],
        tallies: [{}],
        ...(s.phones && { phones: [{}] }),
        feedback: false,
        revealed: false,
        counterpart: false,
        timer: {},
      }));
    },
    showCounterpart(counterpart: boolean) {
      update((s) => ({ ...s, counterpart }));
    },
    rename(name: string) {
      update((s) => ({ ...s, name: name.slice(0, 200) }));
    },
    startTimer(minutes: number) {
      update((s) => ({ ...s, timer: { endsAt: Date.now() + minutes * 60_000 } }));
    },
    addMinute() {
      update((s) => {
        const left = timeLeft(s.timer, Date.now()) ?? 0;
        return { ...s, timer: s.timer.endsAt !== undefined ? { endsAt: Date.now() + left + 60_000 } : { remaining: left + 60_000 } };
      });
    },
    pauseTimer() {
      update((s) => ({ ...s, timer: { remaining: timeLeft(s.timer, Date.now()) ?? 0 } }));
    },
    resumeTimer() {
      update((s) => ({ ...s, timer: s.timer.remaining !== undefined ? { endsAt: Date.now() + s.timer.remaining } : s.timer }));
    },
    /** Clears the timer; a timer already clear is left as it is (the session is not changed, nor saved). */
    resetTimer() {
      update((s) => (timerState(s.timer) === 'unset' ? undefined : { ...s, timer: {} }));
    },
    setMuted(muted: boolean) {
      update((s) => ({ ...s, muted }));
    },
  };
}

export type Workshop = ReturnType<typeof createWorkshop>;
