// The discussion timer, kept as an end time so every view and a reload agree.

export interface Timer {
  /** When the running timer reaches zero (ms since the epoch); undefined when paused or unset. */
  endsAt?: number;
  /** The time left while paused, in ms. */
  remaining?: number;
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
