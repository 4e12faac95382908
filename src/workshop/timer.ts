// The discussion timer, kept as an end time so every view and a reload agree.

export interface Timer {
  /** When the running timer reaches zero (ms since the epoch); undefined when paused or unset. */
  endsAt?: number;
  /** The time left while paused, in ms. */
  remaining?: number;
}

/** The lengths, in minutes, the console offers to start the timer with, shortest first: a quick show of hands to a longer talk. */
export const timerPresets: readonly number[] = [1, 2, 3, 5];

/**
 * Which of its three states a timer is in, which says what its controls offer: an unset timer can
 * only be started; a running one paused, extended or reset; a paused one resumed, extended or reset.
 */
export function timerState(timer: Timer): 'unset' | 'running' | 'paused' {
  if (timer.endsAt !== undefined) return 'running';
  return timer.remaining === undefined ? 'unset' : 'paused';
}

/** Milliseconds left on the timer at `now`, never below zero; undefined when no timer is set. */
export function timeLeft(timer: Timer, now: number): number | undefined {
  if (timer.endsAt !== undefined) return Math.max(0, timer.endsAt - now);
  return timer.remaining;
}

/**
 * The timer as the room moves on (a choice made, the next moment shown, a step back): one that
 * has run out is cleared, so "time's up" never stays over the next step; one with time left goes
 * on. Less than a second left counts as run out: the clock shows "0:01" until the very end
 * (`formatTime` rounds up), and a trainer who moves on then would otherwise hear the bell, and
 * see "time's up", over the next moment.
 */
export function timerOnwards(timer: Timer, now: number): Timer {
  return (timeLeft(timer, now) ?? Number.POSITIVE_INFINITY) < 1000 ? {} : timer;
}

export function formatTime(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** The end-of-time bell of one clock on screen: it rings once each time its timer runs out. */
export interface Bell {
  /**
   * Whether the bell rings now, for the timer as it stands with `left` ms on it (`timeLeft`): true
   * once, when a running timer reaches zero; again only after the timer has had time on it
   * (extended, reset or restarted) and run out anew. A paused timer at zero does not ring.
   */
  ring(timer: Timer, left: number | undefined): boolean;
}

/**
 * A bell for a clock that appears with `left` ms on the timer: a timer already over then (the
 * console reopened after a break) has rung, and stays silent until it is set again.
 */
export function createBell(left: number | undefined): Bell {
  let rang = left === 0;
  return {
    ring(timer, left) {
      if (left !== 0) rang = false;
      else if (timer.endsAt !== undefined && !rang) {
        rang = true;
        return true;
      }
      return false;
    },
  };
}
