import { describe, expect, it } from 'vitest';
import { formatTime, timeLeft, timerState } from './timer.ts';

describe('the discussion timer', () => {
  it('counts down from its end time and stops at zero; a paused timer keeps its remainder', () => {
    expect(timeLeft({ endsAt: 10_000 }, 4_000)).toBe(6_000);
    expect(timeLeft({ endsAt: 10_000 }, 12_000)).toBe(0);
    expect(timeLeft({ remaining: 30_000 }, 99_999)).toBe(30_000);
    expect(timeLeft({}, 0)).toBeUndefined();
    expect([formatTime(125_000), formatTime(59_001), formatTime(0)]).toEqual(['2:05', '1:00', '0:00']);
  });

  it('is unset until started, running while it has an end time, paused while it keeps a remainder', () => {
    expect(timerState({})).toBe('unset');
    expect(timerState({ endsAt: 10_000 })).toBe('running');
    // A running timer that reached zero is still running: it can be reset or extended.
    expect(timerState({ endsAt: 0 })).toBe('running');
    expect(timerState({ remaining: 30_000 })).toBe('paused');
    expect(timerState({ remaining: 0 })).toBe('paused');
  });
});
