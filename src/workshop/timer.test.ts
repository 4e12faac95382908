import { describe, expect, it } from 'vitest';
import { createBell, formatTime, timeLeft, timerOnwards, timerPresets, timerState } from './timer.ts';

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

  it('is cleared as the room moves on once it has run out, running or paused at zero; with time left, or unset, it is kept', () => {
    expect(timerOnwards({ endsAt: 10_000 }, 12_000)).toEqual({});
    expect(timerOnwards({ remaining: 0 }, 12_000)).toEqual({});
    expect(timerOnwards({ endsAt: 10_000 }, 4_000)).toEqual({ endsAt: 10_000 });
    expect(timerOnwards({ remaining: 30_000 }, 99_999)).toEqual({ remaining: 30_000 });
    expect(timerOnwards({}, 0)).toEqual({});
  });

  it('counts less than a second left as run out, as the clock shows "0:01" to the end', () => {
    expect(formatTime(700)).toBe('0:01');
    expect(timerOnwards({ endsAt: 10_000 }, 9_300)).toEqual({});
    expect(timerOnwards({ remaining: 999 }, 0)).toEqual({});
    expect(timerOnwards({ endsAt: 10_000 }, 9_000)).toEqual({ endsAt: 10_000 });
  });
});

describe('the end-of-time bell', () => {
  const running = { endsAt: 10_000 };

  it('rings once when a running timer runs out, not on every tick after', () => {
    const bell = createBell(timeLeft(running, 4_000));
    expect(bell.ring(running, timeLeft(running, 9_000))).toBe(false);
    expect(bell.ring(running, timeLeft(running, 10_000))).toBe(true);
    expect(bell.ring(running, timeLeft(running, 10_250))).toBe(false);
    expect(bell.ring(running, timeLeft(running, 60_000))).toBe(false);
  });

  it('rings again once the timer has had time on it and runs out anew', () => {
    const bell = createBell(timeLeft(running, 4_000));
    expect(bell.ring(running, 0)).toBe(true);
    // A minute added: time on the clock again, then out again.
    const extended = { endsAt: 70_000 };
    expect(bell.ring(extended, timeLeft(extended, 11_000))).toBe(false);
    expect(bell.ring(extended, timeLeft(extended, 70_000))).toBe(true);
    // Reset (unset), then started again and run out.
    expect(bell.ring({}, timeLeft({}, 71_000))).toBe(false);
    expect(bell.ring({ endsAt: 80_000 }, 0)).toBe(true);
  });

  it('stays silent for a timer already over when the clock appears (a console reopened after a break)', () => {
    const bell = createBell(timeLeft(running, 30_000));
    expect(bell.ring(running, timeLeft(running, 30_000))).toBe(false);
    expect(bell.ring(running, timeLeft(running, 31_000))).toBe(false);
  });

  it('does not ring for a paused timer at zero, which is not running', () => {
    const paused = { remaining: 0 };
    const bell = createBell(timeLeft(running, 0));
    expect(bell.ring({}, undefined)).toBe(false);
    expect(bell.ring(paused, timeLeft(paused, 5_000))).toBe(false);
  });
});

describe('the timer’s presets', () => {
  it('are a few distinct whole minutes, shortest first, each shown as that many minutes on the clock', () => {
    expect(timerPresets.length).toBeGreaterThan(1);
    expect([...timerPresets].sort((a, b) => a - b)).toEqual(timerPresets);
    expect(new Set(timerPresets).size).toBe(timerPresets.length);
    for (const m of timerPresets) {
      expect(Number.isInteger(m) && m > 0 && m < 60).toBe(true);
      expect(formatTime(timeLeft({ endsAt: m * 60_000 }, 0)!)).toBe(`${m}:00`);
    }
  });
});
