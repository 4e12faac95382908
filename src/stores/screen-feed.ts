// What the projector screen shows, and where it hears it from: the console in the same browser
// (over a BroadcastChannel, and through the saved session, which also serves a browser without
// one), and the live room on the server when there is one, which also reaches a screen on another
// device. While the room's stream is live it wins; when the server is gone, the same-browser
// console still drives the screen.
import { atom, computed, onMount, type ReadableAtom, type WritableAtom } from 'nanostores';
import type { LinkStatus } from '../live/follow.ts';
import { storageState } from './storage.ts';
import { $sessions, latestSession } from './workshops.ts';
import type { PlayableScenario } from '../engine/play-view.ts';
import { forScreen, shares, unsavedSessionId, type WorkshopSession } from '../workshop/session.ts';
import { type ConsoleView, viewOf } from '../workshop/view.ts';
import { openScreenChannel } from '../workshop/screen-channel.ts';

export interface ScreenFeed {
  session?: WorkshopSession | undefined;
  /** Whether anything in this browser can bring the console's changes (a channel or saved sessions). */
  linked: boolean;
  /** The live room the screen shows and follows: its id, join code and address. */
  live?: { room: string; code?: string | undefined; join?: string | undefined } | undefined;
  link?: LinkStatus | undefined;
  /** Whether the feed has started (in the browser): until then the screen keeps its columns hidden. */
  ready?: boolean;
}

/** The session and the live room a screen's address names (`?session=…&room=…`), from its query string. */
export function screenAddress(search: string): { wanted?: string | undefined; room?: string | undefined } {
  const params = new URLSearchParams(search);
  return { wanted: params.get('session') ?? undefined, room: params.get('room') ?? undefined };
}

/**
 * The projector screen's feed for `scenario` (an id), started lazily: it follows the console and
 * the live room from its first listener on (nanostores' `onMount`), reading the session and room
 * the page's address names then (`search`, the page's query string by default), and stops once
 * its last listener has gone. `fits` says whether a session can be shown (see `startScreenFeed`).
 * Until it starts it holds `{ linked: true }`, as the server renders the screen.
 */
export function screenFeed(options: {
  scenario: string;
  fits: (session: WorkshopSession) => boolean;
  search?: () => string;
}): ReadableAtom<ScreenFeed> {
  const $feed = atom<ScreenFeed>({ linked: true });
  onMount($feed, () => {
    const address = screenAddress((options.search ?? (() => location.search))());
    // A session taken from the console's first message goes into the address, so a reload keeps it.
    const adopt = (id: string) => {
      const params = new URLSearchParams(location.search);
      params.set('session', id);
      history.replaceState(history.state, '', `?${params}`);
    };
    return startScreenFeed({ scenario: options.scenario, fits: options.fits, ...address, adopt }, $feed).stop;
  });
  return $feed;
}

/**
 * Starts following, into `$feed` (a new store unless given). `fits` says whether a session can be shown (its
 * scenario, still playable); `wanted` is the session id the screen was opened for, if any (a link
 * to one session shows that session or nothing, never another group's); `room` a live room named
 * in its address. A screen opened from the console's link before the console's script ran names
 * the console's unsaved session (`unsavedSessionId`): it then wants the first session that console
 * sends over the channel, and tells `adopt` its id (the screen puts it in its address); a browser
 * without the channel shows the latest saved session, as a screen opened without one does.
 */
export function startScreenFeed(
  options: {
    scenario: string;
    fits: (session: WorkshopSession) => boolean;
    wanted?: string | undefined;
    room?: string | undefined;
    adopt?: (id: string) => void;
  },
  $feed: WritableAtom<ScreenFeed> = atom<ScreenFeed>({ linked: true }),
) {
  const set = (change: Partial<ScreenFeed>) => $feed.set({ ...$feed.get(), ...change });
  let wanted = options.wanted;
  const wants = (session: WorkshopSession) => options.fits(session) && (!wanted || session.id === wanted);
  // The console in this browser: the newer of its message and its saved session wins, unless the live room is streaming.
  const fromConsole = (next: WorkshopSession) => {
    const { session, link } = $feed.get();
    if (link === 'live' || (session && session.id === next.id && session.updatedAt > next.updatedAt)) return;
    set({ session: forScreen(next) });
  };
  const fromSaved = () => {
    const saved = wanted ? $sessions.get()[wanted] : latestSession($sessions.get(), options.fits);
    if (saved && wants(saved)) fromConsole(saved);
  };
  fromSaved();
  const unlisten = $sessions.listen(fromSaved);
  let unfollow: (() => void) | undefined;
  let following = '';

  /** Follows a room named by the screen's address (an id) or by the console's message (checked first). */
  const followRoom = (named: unknown) => {
    // The room's code is loaded only once there is a room to follow.
    import('../live/on-click-screen-live.ts').then(
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
  const channel = openScreenChannel(options.scenario, {
    state: (session) => {
      if (wanted === unsavedSessionId && options.fits(session)) {
        wanted = session.id;
        options.adopt?.(session.id);
      }
      if (wants(session)) fromConsole(session);
    },
    // The console's live room is checked by the room's own code once loaded.
    live: followRoom,
  });
  if (!channel && wanted === unsavedSessionId) {
    wanted = undefined;
    fromSaved();
  }
  set({ linked: channel !== undefined || storageState() === 'ok' || options.room !== undefined, ready: true });

  return {
    $feed,
    stop() {
      unfollow?.();
      unlisten();
      channel?.close();
    },
  };
}

/** What the projector screen shows of its feed: the session's view, the other side's moment when asked for, the bars' shares. */
export interface ScreenView<C> {
  feed: ScreenFeed;
  /** The session's view (workshop/view.ts); undefined until a session arrives. */
  view?: ConsoleView | undefined;
  /**
   * The other side's moment, when the console puts it on the screen: that of the moment the room
   * discusses (on the feedback, the one it decided); undefined otherwise or where there is none.
   */
  counterpart?: C | undefined;
  /** Each choice's share of the vote at the decision on screen, in whole percent (`shares`); empty elsewhere. */
  shares: Record<string, number>;
}

/**
 * The screen's view of `$feed` for `scenario`, worked out once per change of the feed rather than
 * on every render. `counterparts` holds the other side's moments by this scenario's node id.
 */
export function screenView<C>(
  $feed: ReadableAtom<ScreenFeed>,
  scenario: PlayableScenario,
  counterparts: Record<string, C>,
): ReadableAtom<ScreenView<C>> {
  return computed($feed, (feed) => {
    const view = feed.session && viewOf(scenario, feed.session);
    return {
      feed,
      view,
      counterpart: view?.session.counterpart ? counterparts[view.discussed.id] : undefined,
      shares: view?.ballot ? shares(view.tally, view.ballot) : {},
    };
  });
}
