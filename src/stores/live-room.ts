// The console's live room: created with "Start live voting", kept with its secret in this browser
// only, told every change of the session, and heard from with every phone's vote. Loaded only when
// live voting is switched on (or a session that had it resumes): without it the console is today's.
import { atom } from 'nanostores';
import { follow, type LinkStatus } from '../live/follow.ts';
import { discardedFrom, roomStateOf, withPhoneCount } from '../live/moment.ts';
import { decodeConsoleCount, decodeCreatedRoom, parseJson, type CreatedRoom } from '../live/protocol.ts';
import { isRecord } from '../engine/guards.ts';
import { persisted, type Format } from './persisted.ts';
import { liveRoomsKey } from '../browser/storage-keys.ts';
import type { Workshop } from './workshop.ts';
import type { ConsoleChannel } from '../workshop/screen-channel.ts';

/**
 * The rooms this browser's consoles created, by session id, with their secrets; and, as read, the
 * sessions whose saved room could not be read (dropped, never saved back), or 'all' where no
 * room was read: nothing saved, or nothing that could be read (then the read's notice says so).
 */
export interface SavedRooms {
  rooms: Record<string, CreatedRoom>;
  unreadable: 'all' | string[];
}

/**
 * How the rooms are saved: `{ v: 1, rooms: { [session]: room } }`. Before, they were saved as the
 * map alone, without a version (`up[0]`). A room that cannot be read is dropped and named, the
 * others kept; the sessions' votes are in the sessions themselves, so none is lost with it.
 */
export const roomsFormat: Format<SavedRooms> = {
  version: 1,
  up: { 0: (rooms) => ({ rooms }) },
  decode(saved) {
    const rooms: SavedRooms['rooms'] = {};
    const list = saved['rooms'];
    if (!isRecord(list)) return { value: { rooms, unreadable: 'all' }, dropped: ['rooms'] };
    const unreadable: string[] = [];
    for (const [session, room] of Object.entries(list)) {
      const decoded = decodeCreatedRoom(room);
      if (decoded) rooms[session] = decoded;
      else unreadable.push(session);
    }
    return { value: { rooms, unreadable }, dropped: unreadable.map((session) => `rooms[${JSON.stringify(session.slice(0, 40))}]`) };
  },
  encode: ({ rooms }) => ({ rooms }),
  empty: () => ({ rooms: {}, unreadable: 'all' }),
};

const savedRooms = /* @__PURE__ */ persisted(liveRoomsKey, roomsFormat);

/** Saves (or with undefined forgets) the room of `session`, over what is saved now. */
function saveRoom(session: string, room: CreatedRoom | undefined): void {
  savedRooms.update(({ rooms: { [session]: _old, ...rest } }) => ({ rooms: room ? { ...rest, [session]: room } : rest, unreadable: [] }));
}

/**
 * The live room of a saved session, if this browser started one for it; `unreadable` when it may
 * have, but what is saved cannot be read: its room dropped as damaged, or the whole list (both
 * said once: what is left is saved back), or all the rooms kept as a version this code cannot read
 * saved them.
 */
export function savedRoom(session: string): { room?: CreatedRoom | undefined; unreadable: boolean } {
  const { value, notice } = savedRooms.read();
  const { rooms, unreadable } = value;
  const lost = unreadable === 'all' ? notice !== undefined && notice !== 'unavailable' : unreadable.includes(session);
  return { room: rooms[session], unreadable: lost };
}

export interface LiveRoomView {
  /** The room's public side: id, join code and address (the secret stays in storage). */
  room?: Omit<CreatedRoom, 'secret'> | undefined;
  link?: LinkStatus | undefined;
  phones: number;
  /**
   * Why live voting stopped or could not start: the server refused or forgot the room, or could
   * not be reached; or this session's room could not be read from this browser's storage.
   */
  problem?: 'failed' | 'lost' | 'unreadable' | undefined;
  busy: boolean;
}

const json = { 'content-type': 'application/json' };

/**
 * The live room of the console's `workshop` for `scenario` in `locale`, on the live server at
 * `base` (this site's own by default). The projector screens in this browser hear of the room
 * (never its secret) over the console's channel, `screen`, with every change; the channel
 * repeats the room to a screen that opens later.
 */
export function createLiveRoom(workshop: Workshop, screen: ConsoleChannel | undefined, scenario: string, locale: string, base = '') {
  const $live = atom<LiveRoomView>({ phones: 0, busy: false });
  const announce = () => screen?.live($live.get().room ?? null);
  const set = (change: Partial<LiveRoomView>) => $live.set({ ...$live.get(), ...change });
  const sessionId = () => workshop.$session.get().id;
  let credentials: CreatedRoom | undefined;
  let unfollow: (() => void) | undefined;
  let unwatch: (() => void) | undefined;
  const auth = () => ({ ...json, authorization: `Bearer ${credentials?.secret ?? ''}` });

  /** The room is gone from the server (stopped elsewhere, expired, or a new server): forget it, say so. */
  const lost = () => {
    end();
    saveRoom(sessionId(), undefined);
    set({ room: undefined, link: undefined, problem: 'lost' });
    announce();
  };

  // Publishes every change of what phones and the screen see, one request at a time, newest last.
  let sent = '';
  let sending = false;
  /** A send was asked for while one travelled (a change, or the link back after a drop). */
  let again = false;
  /** The resend after a failed send, while the state is not on the server. */
  let retry: ReturnType<typeof setTimeout> | undefined;
  let discardFrom: number | undefined;
  // What phones and the screen would see, without the time of the change (phones' votes change it too).
  const keyOf = (state: ReturnType<typeof roomStateOf>) => JSON.stringify({ ...state, session: { ...state.session, updatedAt: '' } });
  const publish = async (): Promise<void> => {
    // Nothing goes out once the room is stopped or the console closed (a resend was due, or a change came).
    if (!credentials || !unwatch) return;
    if (sending) {
      again = true;
      return;
    }
    const state = roomStateOf(workshop.$view.get());
    const key = keyOf(state);
    if (key === sent && discardFrom === undefined) return;
    sending = true;
    again = false;
    clearTimeout(retry);
    let failed = false;
    const room = credentials;
    try {
      const response = await fetch(`${base}/live/rooms/${room.room}/state`, {
        method: 'PUT',
        headers: auth(),
        body: JSON.stringify(discardFrom === undefined ? { state } : { state, discardFrom }),
        // A half-open connection (a laptop's Wi-Fi gone to sleep) would hold every later send
        // behind this one; without AbortSignal.timeout (before Safari 16) the send waits as before.
        // Generous: a state the server took but answered late is sent again, discarding phones'
        // votes again after a step back.
        signal: AbortSignal.timeout?.(30_000),
      });
      // Stopped (or stopped and another started) while it travelled: the answer is no longer this console's concern.
      if (room !== credentials || !unwatch) return;
      if (response.status === 404 || response.status === 409) return lost();
      // Refused (a proxy's 502, a limit's 429): a failure like no answer, said and sent again.
      if (!response.ok) throw response.status;
      sent = key;
      discardFrom = undefined;
    } catch (error) {
      console.warn('The live room missed a state', error);
      failed = true;
    } finally {
      sending = false;
    }
    // A change made, or the link back, while this one travelled goes out now; after a failure
    // (no answer in time, a proxy's 502, a limit's 429), again in 3 s until it is on the server.
    // Never at once: that looped as fast as the failures came.
    if (again || (!failed && keyOf(roomStateOf(workshop.$view.get())) !== sent)) void publish();
    else if (failed) retry = setTimeout(publish, 3000);
  };

  function end() {
    clearTimeout(retry);
    unfollow?.();
    unwatch?.();
    unfollow = undefined;
    unwatch = undefined;
  }

  function connect(room: CreatedRoom) {
    credentials = room;
    // A send to a room stopped a moment ago may still travel: the new room's sends do not wait for it.
    sending = false;
    const { secret: _secret, ...visible } = room;
    set({ room: visible, problem: undefined });
    announce();
    let before = workshop.$session.get();
    unwatch = workshop.$view.listen(({ session }) => {
      // A step back or a restart drops the phones' votes of the steps it left, as it drops the hand counts.
      const dropped = discardedFrom(before, session);
      if (dropped !== undefined) discardFrom = Math.min(dropped, discardFrom ?? dropped);
      before = session;
      void publish();
    });
    unfollow = follow(
      async () => {
        // EventSource cannot send the secret in a header; a ticket valid once, for 30 s, stands in for it in the address.
        const response = await fetch(`${base}/live/rooms/${room.room}/tickets`, { method: 'POST', headers: auth() });
        if (response.status === 404 || response.status === 403) {
          lost();
          throw new Error('the live room is gone');
        }
        const { ticket } = (parseJson(await response.text()) ?? {}) as { ticket?: unknown };
        if (typeof ticket !== 'string') throw new Error(`the live server answered ${response.status}`);
        return `${base}/live/rooms/${room.room}/console?ticket=${encodeURIComponent(ticket)}`;
      },
      {
        count(data) {
          const count = decodeConsoleCount(data);
          if (!count) return;
          set({ phones: count.phones });
          workshop.edit((s) => withPhoneCount(s, count.step, count.tally));
        },
        snapshot(data) {
          if (isRecord(data) && data['open'] === false) lost();
        },
      },
      (link) => {
        set({ link });
        // After a drop (or a server restart) the room gets the console's latest state again.
        if (link === 'live') {
          sent = '';
          void publish();
        }
      },
    );
  }

  return {
    $live,
    /** Resumes the live room this session had in this browser, if any. */
    resume() {
      const { room, unreadable } = savedRoom(sessionId());
      if (room) connect(room);
      else if (unreadable) set({ problem: 'unreadable' });
    },
    async start() {
      set({ busy: true, problem: undefined });
      try {
        const response = await fetch(`${base}/live/rooms`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ scenario, locale, state: roomStateOf(workshop.$view.get()) }),
        });
        const room = response.ok ? decodeCreatedRoom(parseJson(await response.text())) : undefined;
        if (!room) return set({ problem: 'failed' });
        saveRoom(sessionId(), room);
        // From now on the session counts phones, and resumes its room when reopened.
        workshop.edit((s) => withPhoneCount(s, s.steps.length, {}));
        connect(room);
      } catch (error) {
        console.warn('The live room could not be created', error);
        set({ problem: 'failed' });
      } finally {
        set({ busy: false });
      }
      return undefined;
    },
    async stop() {
      if (!credentials) return;
      const room = credentials;
      end();
      try {
        await fetch(`${base}/live/rooms/${room.room}`, { method: 'DELETE', headers: auth() });
      } catch (error) {
        // An unreachable server forgets the room within a day; this console forgets it now.
        console.warn('The live server did not hear that live voting stopped', error);
      }
      credentials = undefined;
      saveRoom(sessionId(), undefined);
      set({ room: undefined, link: undefined, phones: 0 });
      announce();
    },
    /** Stops following the room; the console's channel stays open, the console closes it. */
    close() {
      end();
    },
  };
}

export type LiveRoom = ReturnType<typeof createLiveRoom>;
