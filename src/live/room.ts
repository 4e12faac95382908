// The rules of a live room, as plain functions over its data: who may vote for what and when,
// what each listener is told, and when a join code stops working. The server applies them.
import {
  codeAlphabet,
  codeLength,
  liveVersion,
  votingOpen,
  type Ballot,
  type ConsoleCount,
  type LiveCount,
  type Moment,
  type PhoneSnapshot,
  type RoomSnapshot,
} from './protocol.ts';
import type { Room } from './store.ts';

/** A join code stops working after this long without activity in its room: 24 hours, in ms. */
export const codeLifetime = 24 * 60 * 60 * 1000;

/** A join code made of `codeLength` characters of `codeAlphabet`; `randomInt(n)` returns 0 ≤ i < n. */
export function newCode(randomInt: (n: number) => number): string {
  let code = '';
  for (let i = 0; i < codeLength; i++) code += codeAlphabet[randomInt(codeAlphabet.length)];
  return code;
}

/** Whether a room's join code still opens it at `now`: the room is open and was active in the last 24 hours. */
export function codeWorks(room: Pick<Room, 'open' | 'touchedAt' | 'code'>, now: number): boolean {
  return room.open && room.code !== null && now - room.touchedAt <= codeLifetime;
}

export type VoteRefusal = 'closed' | 'not-open' | 'other-moment' | 'unknown-choice';

/**
 * Why a vote cannot be taken, or undefined when it can: the room must be open, the vote must name
 * the current moment (its step and node), one of that moment's choices, and votes must be open
 * (a decision, after the facilitator moved on from the consequence, before the reveal).
 */
export function refuseVote(room: Pick<Room, 'open' | 'state'>, ballot: Ballot): VoteRefusal | undefined {
  const { moment } = room.state;
  if (!room.open) return 'closed';
  if (ballot.step !== moment.step || ballot.node !== moment.node) return 'other-moment';
  if (!moment.choices.some((c) => c.id === ballot.choice)) return 'unknown-choice';
  if (!votingOpen(moment)) return 'not-open';
  return undefined;
}

const sum = (tally: Record<string, number>) => Object.values(tally).reduce((a, b) => a + b, 0);

/** The live votes as phones and the screen may see them: per choice only once revealed. */
export function publicCount(moment: Moment, tally: Record<string, number>): LiveCount {
  const count: LiveCount = { step: moment.step, node: moment.node, votes: sum(tally) };
  return moment.revealed ? { ...count, tally } : count;
}

/** The live votes as the console sees them: always per choice, and how many phones joined. */
export function consoleCount(moment: Moment, tally: Record<string, number>, phones: number): ConsoleCount {
  return { step: moment.step, node: moment.node, votes: sum(tally), tally, phones };
}

/** What a phone or the screen receives on connecting and on every change of state. */
export function snapshotOf(room: Room, tally: Record<string, number>): RoomSnapshot {
  return {
    v: liveVersion,
    open: room.open,
    locale: room.locale,
    scenario: room.scenario,
    ...(room.open && room.code && { join: { code: room.code, address: room.join } }),
    state: room.state,
    count: publicCount(room.state.moment, tally),
  };
}

/** What a phone receives: its moment and the count, none of the session the screen shows. */
export function phoneSnapshotOf(room: Room, tally: Record<string, number>): PhoneSnapshot & { v: typeof liveVersion } {
  return { v: liveVersion, open: room.open, locale: room.locale, moment: room.state.moment, count: publicCount(room.state.moment, tally) };
}
