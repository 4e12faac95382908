import { describe, expect, it } from 'vitest';
import { forcedLayouts, type TraceEvent } from './trace-layouts.ts';

const event = (name: string, ts: number, dur: number, tid = 1): TraceEvent => ({ name, ph: 'X', ts, dur, pid: 7, tid });

describe('forcedLayouts', () => {
  it('finds a layout made inside a script, at any depth', () => {
    const forced = event('Layout', 30, 5);
    const events = [event('RunTask', 0, 100), event('EventDispatch', 10, 50), event('FunctionCall', 20, 30), forced];
    expect(forcedLayouts(events)).toEqual([forced]);
    expect(forcedLayouts([event('RunMicrotasks', 20, 30), forced])).toEqual([forced]);
    // A click made by a key press runs its listeners' microtasks inside the dispatch, with no event of their own.
    expect(forcedLayouts([event('EventDispatch', 20, 30), forced])).toEqual([forced]);
  });

  it('leaves out the frame’s own layout, after the scripts, and style alone inside a script', () => {
    const events = [event('RunTask', 0, 100), event('FunctionCall', 10, 20), event('UpdateLayoutTree', 12, 3), event('Layout', 40, 10)];
    expect(forcedLayouts(events)).toEqual([]);
  });

  it('leaves out a script on another thread, and layouts outside the window asked for', () => {
    const layout = event('Layout', 30, 5);
    expect(forcedLayouts([event('FunctionCall', 20, 30, 2), layout])).toEqual([]);
    expect(forcedLayouts([event('FunctionCall', 20, 30), layout], 40)).toEqual([]);
    expect(forcedLayouts([event('FunctionCall', 20, 30), layout], 0, 30)).toEqual([]);
  });
});
