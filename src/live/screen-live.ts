// The projector screen's link to a live room: the room's snapshots and counts, as the session to
// show with the phones' votes added. Loaded only once the screen knows of a live room.
import { follow, type LinkStatus } from './follow.ts';
import { withLiveCount } from './moment.ts';
import { decodeCount, isKey, normaliseCode, type LiveCount } from './protocol.ts';
import { isRecord } from '../engine/guards.ts';
import { decodeSnapshot } from './room-state.ts';

export { isKey } from './protocol.ts';
import type { WorkshopSession } from '../workshop/session.ts';

/** The console's live room as its message names it (room id, join code, address), if well-formed. */
export function decodePublicRoom(value: unknown): { room: string; code: string; join: string } | undefined {
  if (!isRecord(value) || !isKey(value['room']) || typeof value['join'] !== 'string' || !/^https?:\/\/\S+$/.test(value['join']))
    return undefined;
  const code = normaliseCode(value['code']);
  return code ? { room: value['room'], code, join: value['join'] } : undefined;
}

export interface RoomUpdate {
  session: WorkshopSession;
  /** The room's join code and address while it is open; undefined once it closed. */
  join?: { code: string; address: string } | undefined;
  open: boolean;
}

/** Follows the room's public stream; returns a function that stops following. */
export function followRoom(
  room: string,
  fits: (session: WorkshopSession) => boolean,
  update: (update: RoomUpdate) => void,
  status: (link: LinkStatus) => void,
): () => void {
  let session: WorkshopSession | undefined;
  let count: LiveCount | undefined;
  let join: RoomUpdate['join'];
  let open = true;
  const show = () => session && update({ session: count ? withLiveCount(session, count) : session, join, open });
  return follow(
    async () => `/live/rooms/${room}/events`,
    {
      snapshot(data) {
        const snapshot = decodeSnapshot(data);
        if (!snapshot || !fits(snapshot.state.session)) return;
        session = snapshot.state.session;
        count = snapshot.count;
        join = snapshot.join;
        open = snapshot.open;
        show();
      },
      count(data) {
        const next = decodeCount(data);
        if (!next) return;
        count = next;
        show();
      },
    },
    status,
  );
}
