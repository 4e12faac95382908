// The discussion timer, kept as an end time so every view and a reload agree.

export interface Timer {
  /** When the running timer reaches zero (ms since the epoch); undefined when paused or unset. */
  endsAt?: number;
  /** The time left while paused, in ms. */
  remaining?: number;
}

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

export function formatTime(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
