// A phone in a live room: joining with the code, following the room, voting. State and actions
// without the DOM (the join page's script renders them), so the rules are tested without a browser.
import { follow, type LinkStatus } from './follow.ts';
import { decodeJoined, decodePhoneSnapshot, normaliseCode, parseJson, votingOpen, type Joined, type PhoneSnapshot } from './protocol.ts';

/** Why the phone is not (or no longer) in a room. */
export type PhoneProblem = 'unknown-code' | 'rate-limited' | 'unreachable' | 'unsupported' | 'closed';

/** What became of the phone's last tap on a choice. */
export type VoteOutcome = 'sending' | 'received' | 'closed' | 'failed';

export interface PhoneState {
  code?: string | undefined;
  problem?: PhoneProblem | undefined;
  joined?: Joined | undefined;
  link?: LinkStatus | undefined;
  room?: PhoneSnapshot | undefined;
  /** The phone's vote at the current moment, as the server stored it. */
  mine?: string | undefined;
  /** The choice last tapped, and what became of it. */
  tapped?: { choice: string; outcome: VoteOutcome } | undefined;
}

/**
 * Whether the phone, reconnecting, may say its vote is kept: it has one at this moment (stored by
 * the server, which keeps it through a drop) and no later tap failed, in which case it asks for
 * the tap again instead.
 */
export function voteKept(state: PhoneState): boolean {
  return state.link === 'reconnecting' && state.mine !== undefined && state.tapped?.outcome !== 'failed';
}

/**
 * Where the phone keeps its room and token, so a reload keeps its vote: storage may be missing or
 * blocked (stores/live-phone.ts keeps them in the browser).
 */
export interface TokenStore {
  read(): { code: string; token: string } | undefined;
  write(value: { code: string; token: string }): void;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

export function createPhone(tokens: TokenStore, base = '') {
  // A store of one value and its listeners, like a nanostores atom, without the library: the
  // phone's page has no other use for it.
  let state: PhoneState = {};
  const listeners = new Set<(state: PhoneState) => void>();
  const $phone = {
    get: () => state,
    /** Calls `listener` now and on every change; returns a function that stops it. */
    subscribe(listener: (state: PhoneState) => void) {
      listeners.add(listener);
      listener(state);
      return () => listeners.delete(listener);
    },
  };
  const set = (change: Partial<PhoneState>) => {
    state = { ...state, ...change };
    for (const listener of listeners) listener(state);
  };
  let stop: (() => void) | undefined;

  /** Reads the phone's own vote at the room's current moment (after a reconnect or a new moment). */
  async function readMine(joined: Joined) {
    const response = await fetch(`${base}/live/rooms/${joined.room}/ballot`, { headers: bearer(joined.token) });
    if (!response.ok) return;
    const { choice, step } = (parseJson(await response.text()) ?? {}) as { choice?: unknown; step?: unknown };
    const room = $phone.get().room;
    if (room && step === room.moment.step) set({ mine: typeof choice === 'string' ? choice : undefined });
  }

  function enter(joined: Joined) {
    stop?.();
    let moment = '';
    stop = follow(
      async () => `${base}/live/rooms/${joined.room}/events?for=phone`,
      {
        snapshot(data) {
          const room = decodePhoneSnapshot(data);
          if (!room) return;
          const key = `${room.moment.step}/${room.moment.node}`;
          const moved = key !== moment;
          moment = key;
          set({ room, problem: room.open ? undefined : 'closed', ...(moved && { mine: undefined, tapped: undefined }) });
          if (moved) void readMine(joined).catch((error: unknown) => console.warn('Could not read this phone’s vote', error));
        },
      },
      (link) => {
        set({ link });
        // After a drop the phone asks again which vote the server holds for it.
        if (link === 'live' && $phone.get().room) void readMine(joined).catch((error: unknown) => console.warn(error));
      },
    );
  }

  return {
    $phone,
    /** Joins the room a code opens; a phone that joined before keeps its token and so its votes. */
    async join(typed: string) {
      const code = normaliseCode(typed);
      if (!code) return set({ code: typed, problem: 'unknown-code' });
      // The same test as canFollow() in browser/support.ts, written out here: importing that module
      // would split it from the islands' code into a chunk of its own, a cost on every console.
      if (typeof EventSource !== 'function' || typeof fetch !== 'function') return set({ code, problem: 'unsupported' });
      set({ code, problem: undefined });
      const held = tokens.read();
      let response: Response;
      try {
        response = await fetch(`${base}/live/join`, {
          method: 'POST',
          headers: held?.code === code ? bearer(held.token) : { 'content-type': 'application/json' },
          body: JSON.stringify({ code }),
        });
      } catch (error) {
        console.warn('The live server could not be reached', error);
        return set({ problem: 'unreachable' });
      }
      const joined = response.ok ? decodeJoined(parseJson(await response.text())) : undefined;
      if (!joined) {
        return set({ problem: response.status === 429 ? 'rate-limited' : response.status === 404 ? 'unknown-code' : 'unreachable' });
      }
      tokens.write({ code, token: joined.token });
      set({ joined });
      enter(joined);
      return undefined;
    },
    /** Votes for a choice at the current moment, or changes the vote; resolves once the server answered. */
    async vote(choice: string) {
      const { joined, room } = $phone.get();
      if (!joined || !room || !votingOpen(room.moment)) return;
      const { step, node } = room.moment;
      set({ tapped: { choice, outcome: 'sending' } });
      try {
        const response = await fetch(`${base}/live/rooms/${joined.room}/votes`, {
          method: 'POST',
          headers: bearer(joined.token),
          body: JSON.stringify({ step, node, choice }),
        });
        if (response.ok) return set({ mine: choice, tapped: { choice, outcome: 'received' } });
        return set({ tapped: { choice, outcome: response.status === 409 ? 'closed' : 'failed' } });
      } catch (error) {
        console.warn('The vote did not reach the server', error);
        return set({ tapped: { choice, outcome: 'failed' } });
      }
    },
    leave() {
      stop?.();
    },
  };
}
