// The console's live-voting panel: whether a live server answers here, then the room started or
// resumed, and the one line of status the panel shows. The room itself is stores/live-room.ts.
import { atom, type ReadableAtom } from 'nanostores';
import { type Availability, probeLiveServer } from '../live/availability.ts';
import { isLoopbackUrl } from '../live/loopback.ts';
import type { LiveRoom, LiveRoomView } from './live-room.ts';

/** A line of the panel as a message key of the locale files, with its values (`live.phones` has `count`). */
export interface LiveStatus {
  key: string;
  values?: { count: number };
}

/** What the panel shows: the room's view, whether the server answered, the status line (none: nothing to say), and whether Start may be pressed. */
export interface LivePanelView extends LiveRoomView {
  availability: Availability;
  status: LiveStatus | undefined;
  canStart: boolean;
  /** The origin phones join at (undefined: no room), and whether it is this machine's own, which no phone reaches. */
  joinOrigin: string | undefined;
  loopback: boolean;
  /** The address that opens the projector screen of the room on another device, at the origin phones join at (undefined: no room). */
  otherScreen: string | undefined;
}

/**
 * The status line: while there is no room, why (the server is being asked, is not there, or the
 * room failed or was lost) or that one is being made; with a room, the link's state and, live,
 * how many phones joined so far (or that none has yet).
 */
export function liveStatus(view: LiveRoomView, availability: Availability): LiveStatus | undefined {
  if (view.room) {
    if (view.link === 'reconnecting') return { key: 'live.reconnecting' };
    // Phones that joined, not phones still here: the server counts a phone once it joins.
    if (view.link === 'live') return view.phones ? { key: 'live.phones', values: { count: view.phones } } : { key: 'live.noPhones' };
    return { key: 'live.connecting' };
  }
  if (availability === 'checking') return { key: 'live.connecting' };
  if (availability !== 'available') return { key: `live.${availability}` };
  if (view.problem) return { key: `live.${view.problem}` };
  return view.busy ? { key: 'live.connecting' } : undefined;
}

/**
 * The panel over `live`, the console's room. `screenPath` is the projector screen's path (e.g.
 * /en/facilitate/contractor/screen/, workshop/addresses.ts); `probe` asks whether a live server
 * answers (by default at this site's /live/status.json).
 */
export function createLivePanel(
  live: Pick<LiveRoom, '$live' | 'start' | 'resume' | 'close'>,
  screenPath: string,
  probe: () => Promise<Availability> = probeLiveServer,
) {
  const $availability = atom<Availability>('checking');
  let open = false;
  /** Asks whether a live server answers here, then starts a room (`create`) or resumes this session's; nothing once closed. */
  const begin = async (create: boolean): Promise<void> => {
    const found = await probe();
    if (!open) return;
    $availability.set(found);
    if (found === 'available') await (create ? live.start() : live.resume());
  };
  const panelOf = (view: LiveRoomView, availability: Availability): LivePanelView => {
    const joinOrigin = view.room && new URL(view.room.join).origin;
    return {
      ...view,
      availability,
      status: liveStatus(view, availability),
      canStart: !view.busy && availability !== 'checking',
      joinOrigin,
      loopback: view.room !== undefined && isLoopbackUrl(view.room.join),
      otherScreen: view.room && `${joinOrigin}${screenPath}?room=${view.room.room}`,
    };
  };
  // Derived by hand while the panel is open, not with nanostores' `computed` or `onMount`: the
  // console's own bundle holds the parts of nanostores it uses, and those would add to it for
  // this panel, which loads on a click.
  const $panel = atom(panelOf(live.$live.get(), $availability.get()));
  const update = () => $panel.set(panelOf(live.$live.get(), $availability.get()));
  return {
    $panel: $panel as ReadableAtom<LivePanelView>,
    begin,
    /**
     * Opens the panel: starts a room at once (`create`, the facilitator pressed Start) or resumes
     * this session's, once the server has answered. Returns what closes it: the room is no longer
     * followed, and an answer still awaited starts nothing.
     */
    open(create: boolean): () => void {
      open = true;
      const stopLive = live.$live.subscribe(update);
      const stopAvailability = $availability.listen(update);
      void begin(create);
      return () => {
        open = false;
        stopLive();
        stopAvailability();
        live.close();
      };
    },
  };
}
