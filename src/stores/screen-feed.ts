// What the projector screen shows, and where it hears it from: the session saved in this browser
// when it opens, the console in the same browser (BroadcastChannel), and the live room on the
// server when there is one, which also reaches a screen on another device. While the room's stream
// is live it wins; when the server is gone, the same-browser console still drives the screen.
import { atom } from 'nanostores';
import type { LinkStatus } from '../live/follow.ts';
import { channelName, channelNamespace, decodeScreenMessage, sessionVersion, type WorkshopSession } from '../workshop/session.ts';

export interface ScreenFeed {
  session?: WorkshopSession | undefined;
  /** The live room the screen shows and follows: its id, join code and address. */
  live?: { room: string; code?: string | undefined; join?: string | undefined } | undefined;
  link?: LinkStatus | undefined;
}

/**
 * Starts following. `fits` says whether a session can be shown (its scenario, still playable);
 * `wanted` is the session id the screen was opened for, if any; `room` a live room named in its address.
 */
export function startScreenFeed(options: {
  scenario: string;
  fits: (session: WorkshopSession) => boolean;
  wanted?: string | undefined;
  room?: string | undefined;
  saved?: WorkshopSession | undefined;
}) {
  const $feed = atom<ScreenFeed>({ session: options.saved });
  const set = (change: Partial<ScreenFeed>) => $feed.set({ ...$feed.get(), ...change });
  const wants = (session: WorkshopSession) => options.fits(session) && (!options.wanted || session.id === options.wanted);
  let unfollow: (() => void) | undefined;
  let following = '';

  /** Follows a room named by the screen's address (an id) or by the console's message (checked first). */
  const followRoom = (named: unknown) => {
    // The room's code is loaded only once there is a room to follow.
    import('../live/screen-live.ts').then(
      (live) => {
        const known = typeof named === 'string' ? (live.isKey(named) ? { room: named } : undefined) : live.decodePublicRoom(named);
        if (!known || following === known.room) return;
        const { room } = known;
        unfollow?.();
        following = room;
        if (!$feed.get().live?.code) set({ live: known });
        unfollow = live.followRoom(
          room,
          options.fits,
          ({ session, join, open }) => set({ session, live: open ? { room, code: join?.code, join: join?.address } : undefined }),
          (link) => set({ link }),
        );
      },
      (error: unknown) => console.warn('The live room cannot be followed', error),
    );
  };

  if (options.room) {
    set({ live: { room: options.room } });
    followRoom(options.room);
  }

  // The console in this browser, where BroadcastChannel exists (some locked-down browsers lack it).
  let channel: BroadcastChannel | undefined;
  if (typeof BroadcastChannel === 'function') {
    channel = new BroadcastChannel(channelName(options.scenario));
    channel.onmessage = (event: MessageEvent) => {
      const message = decodeScreenMessage(event.data);
      if (message?.type === 'live' && message.live) followRoom(message.live);
      if (message?.type !== 'state' || !message.session || !wants(message.session)) return;
      // The room's stream, when live, carries the same session with the phones' latest votes.
      if ($feed.get().link !== 'live') set({ session: message.session });
    };
    channel.postMessage({ ns: channelNamespace, v: sessionVersion, type: 'hello' });
  }

  return {
    $feed,
    stop() {
      unfollow?.();
      channel?.close();
    },
  };
}
