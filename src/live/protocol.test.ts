import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  codeAlphabet,
  codeLength,
  decodeBallot,
  decodeConsoleCount,
  decodeCreatedRoom,
  decodeJoined,
  decodePhoneSnapshot,
  normaliseCode,
  parseJson,
  votingOpen,
} from './protocol.ts';
import { decodeNewRoom, decodeSnapshot, decodeStateChange } from './room-state.ts';
import { newRoomBody, stateAt } from './fixtures.ts';
import { codeWorks, codeLifetime, consoleCount, newCode, phoneSnapshotOf, publicCount, refuseVote, snapshotOf } from './room.ts';
import type { Room } from './store.ts';

const decoders = [
  decodeBallot,
  decodeConsoleCount,
  decodeCreatedRoom,
  decodeJoined,
  decodeNewRoom,
  decodeSnapshot,
  decodePhoneSnapshot,
  decodeStateChange,
];

/** Values shaped like the real messages, with any field possibly replaced by anything. */
const nearMessage = fc.oneof(
  fc.anything(),
  fc.record({ step: fc.oneof(fc.nat(600), fc.anything()), node: fc.oneof(fc.string(), fc.anything()), choice: fc.string() }),
  fc.constant(newRoomBody()),
  fc.record({ state: fc.constant(stateAt(1)), discardFrom: fc.oneof(fc.integer(), fc.anything()) }),
  fc.constant(JSON.parse(JSON.stringify(stateAt(2))) as unknown).map((s) => ({ state: s })),
);

describe('the decoders of the live protocol', () => {
  it('never throw on any input, and what they accept survives a trip through JSON unchanged', () => {
    fc.assert(
      fc.property(nearMessage, (value) => {
        for (const decode of decoders) {
          const decoded = decode(value);
          if (decoded !== undefined) expect(decode(JSON.parse(JSON.stringify(decoded)))).toEqual(decoded);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('parse only JSON, and answer undefined for anything else', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        let expected: unknown;
        try {
          expected = JSON.parse(text);
        } catch {
          expected = undefined;
        }
        expect(parseJson(text)).toEqual(expected);
      }),
    );
  });

  it('refuse a state whose moment is not the session’s current step', () => {
    const state = stateAt(2);
    expect(decodeStateChange({ state })).toEqual({ state });
    expect(decodeStateChange({ state: { ...state, moment: { ...state.moment, step: 1 } } })).toBeUndefined();
    expect(decodeStateChange({ state: { ...state, moment: { ...state.moment, choices: [] } } })).toBeUndefined();
    const twice = { ...state.moment, choices: [state.moment.choices[0], state.moment.choices[0]] };
    expect(decodeStateChange({ state: { ...state, moment: twice } })).toBeUndefined();
  });
});

describe('join codes', () => {
  it('are six characters without look-alikes, typed in any case with spaces or dashes', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { minLength: codeLength, maxLength: codeLength }), (draws) => {
        const code = newCode((max) => (draws.pop() ?? 0) % max);
        expect(code).toHaveLength(codeLength);
        expect(normaliseCode(code)).toBe(code);
        expect(normaliseCode(`${code.slice(0, 3).toLowerCase()} - ${code.slice(3)}`)).toBe(code);
      }),
    );
    // No look-alikes a room misreads from a projector.
    expect(codeAlphabet).not.toMatch(/[01OIL2Z5S8B]/);
    // A code made before the look-alikes went (a room already open) is still typed in.
    expect(normaliseCode('b53z2s')).toBe('B53Z2S');
    expect(normaliseCode('K7QM2O')).toBeUndefined();
    expect(normaliseCode('K7QM2')).toBeUndefined();
    expect(normaliseCode(42)).toBeUndefined();
  });

  it('work while the room is open and active in the last 24 hours', () => {
    const room = { open: true, code: 'K7QM2P', touchedAt: 0 };
    expect(codeWorks(room, codeLifetime)).toBe(true);
    expect(codeWorks(room, codeLifetime + 1)).toBe(false);
    expect(codeWorks({ ...room, open: false }, 1)).toBe(false);
  });
});

describe('votes', () => {
  const room = (state = stateAt(1)): Room => ({
    id: 'r',
    code: 'K7QM2P',
    secretHash: 'h',
    scenario: 'contractor',
    locale: 'en',
    join: 'http://192.0.2.10:4321/j/K7QM2P',
    state,
    open: true,
    touchedAt: 0,
  });

  it('are taken for the current moment’s choices while voting is open', () => {
    expect(refuseVote(room(), { step: 1, node: 'n1', choice: 'b' })).toBeUndefined();
    expect(refuseVote(room(), { step: 0, node: 'n1', choice: 'b' })).toBe('other-moment');
    expect(refuseVote(room(), { step: 1, node: 'n1', choice: 'x' })).toBe('unknown-choice');
    expect(refuseVote(room(stateAt(1, { revealed: true })), { step: 1, node: 'n1', choice: 'b' })).toBe('not-open');
    expect(refuseVote(room(stateAt(1, { consequence: true })), { step: 1, node: 'n1', choice: 'b' })).toBe('not-open');
    expect(refuseVote({ ...room(), open: false }, { step: 1, node: 'n1', choice: 'b' })).toBe('closed');
    expect(votingOpen(stateAt(0).moment)).toBe(true);
  });

  it('reach phones and the screen as a total until revealed; the console always sees them per choice', () => {
    const tally = { a: 2, c: 5 };
    expect(publicCount(stateAt(1).moment, tally)).toEqual({ step: 1, node: 'n1', votes: 7 });
    expect(publicCount(stateAt(1, { revealed: true }).moment, tally)).toEqual({ step: 1, node: 'n1', votes: 7, tally });
    expect(consoleCount(stateAt(1).moment, tally, 9)).toEqual({ step: 1, node: 'n1', votes: 7, tally, phones: 9 });
    const snapshot = snapshotOf(room(), tally);
    expect(decodeSnapshot(JSON.parse(JSON.stringify(snapshot)))).toEqual(snapshot);
    const phone = phoneSnapshotOf(room(), tally);
    expect(decodePhoneSnapshot(JSON.parse(JSON.stringify(phone)))).toEqual({
      open: true,
      locale: 'en',
      moment: snapshot.state.moment,
      count: snapshot.count,
    });
    // A phone is sent its moment, not the session the screen shows.
    expect(phone).not.toHaveProperty('state');
    expect(JSON.stringify(snapshot)).not.toContain('"h"');
  });
});
