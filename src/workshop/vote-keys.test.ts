import { describe, expect, it } from 'vitest';
import { voteForKey, type VoteKeyPress } from './vote-keys.ts';

const choices = ['remind', 'wait', 'stop'];
const press = (code: string, change: Partial<VoteKeyPress> = {}): VoteKeyPress => ({
  code,
  key: code.slice(-1),
  shiftKey: false,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  ...change,
});
const voteFor = (key: VoteKeyPress, on: readonly string[] | undefined, inField = false) => voteForKey(key, on, inField);

describe("the console's number keys", () => {
  it('add a vote for the choice of that number, counting from 1', () => {
    expect(voteFor(press('Digit1'), choices)).toEqual({ choice: 'remind', change: 1 });
    expect(voteFor(press('Digit3'), choices)).toEqual({ choice: 'stop', change: 1 });
  });

  it('take a vote away with Shift or Alt', () => {
    expect(voteFor(press('Digit2', { shiftKey: true }), choices)).toEqual({ choice: 'wait', change: -1 });
    expect(voteFor(press('Digit2', { altKey: true }), choices)).toEqual({ choice: 'wait', change: -1 });
  });

  it('record nothing for a number beyond the choices, 0 or any other key', () => {
    for (const code of ['Digit4', 'Digit9', 'Digit0', 'Numpad4', 'Numpad0', 'KeyA', 'Space'])
      expect(voteFor(press(code), choices), code).toBeUndefined();
  });

  it('count the number pad while it types digits, with Alt taking one away', () => {
    expect(voteFor(press('Numpad2'), choices)).toEqual({ choice: 'wait', change: 1 });
    expect(voteFor(press('Numpad3', { altKey: true }), choices)).toEqual({ choice: 'stop', change: -1 });
  });

  it('record nothing for the number pad without Num Lock, or with Shift on Windows, which sends End and no Shift', () => {
    expect(voteFor(press('Numpad1', { key: 'End' }), choices)).toBeUndefined();
    expect(voteFor(press('Numpad2', { key: 'ArrowDown', shiftKey: true }), choices)).toBeUndefined();
  });

  it('leave a field its keys, and the browser its Ctrl and Cmd shortcuts', () => {
    expect(voteFor(press('Digit1'), choices, true)).toBeUndefined();
    expect(voteFor(press('Digit1', { ctrlKey: true }), choices)).toBeUndefined();
    expect(voteFor(press('Digit1', { metaKey: true }), choices)).toBeUndefined();
  });

  it('record nothing while the room is not at a vote (the feedback is up, or the story has ended)', () => {
    expect(voteFor(press('Digit1'), undefined)).toBeUndefined();
    expect(voteFor(press('Digit1'), [])).toBeUndefined();
  });
});
