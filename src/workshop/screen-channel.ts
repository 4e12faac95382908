// The console and the projector screen in one browser talk over a BroadcastChannel named for the
// scenario: the screen says hello when it opens, the console answers with the session as the
// screen may see it (forScreen) and with its live room (never the room's secret), both over the
// console's one channel. A browser without BroadcastChannel (older Safari, some locked-down ones)
// gets no channel: the screen then follows the saved session.
import { canBroadcast } from '../browser/support.ts';
import { channelName, channelNamespace, decodeScreenMessage, forScreen, sessionVersion, type WorkshopSession } from './session.ts';

/** The console's end: what it tells the screens. */
export interface ConsoleChannel {
  /** Sends the session, reduced to what the screen may see. */
  state(session: WorkshopSession): void;
  /** Sends the live room the screen should follow (its public part), or null once there is none. */
  live(room: unknown): void;
  close(): void;
}

/**
 * Opens the console's end for `scenario` (an id): one channel per console, which its live room
 * uses too. When a screen opens and says hello, it answers with `current()` (the session now) and
 * with the live room it last sent, if any. Undefined where the browser has no BroadcastChannel.
 */
export function openConsoleChannel(scenario: string, current: () => WorkshopSession): ConsoleChannel | undefined {
  if (!canBroadcast()) return undefined;
  const channel = new BroadcastChannel(channelName(scenario));
  let room: unknown = null;
  const state = (session: WorkshopSession) =>
    channel.postMessage({ ns: channelNamespace, v: sessionVersion, type: 'state', session: forScreen(session) });
  const live = () => channel.postMessage({ ns: channelNamespace, v: sessionVersion, type: 'live', live: room });
  channel.onmessage = (event: MessageEvent) => {
    if (decodeScreenMessage(event.data)?.type !== 'hello') return;
    state(current());
    if (room) live();
  };
  return {
    state,
    live(next) {
      room = next;
      live();
    },
    close: () => channel.close(),
  };
}

/**
 * Opens the screen's end for `scenario` and says hello, so a console answers at once. `state`
 * hears each well-formed session; `live` hears the console's live room as sent, unchecked (the
 * room's own code decodes it once loaded). Undefined where the browser has no BroadcastChannel.
 */
export function openScreenChannel(
  scenario: string,
  hear: { state(session: WorkshopSession): void; live(room: unknown): void },
): { close(): void } | undefined {
  if (!canBroadcast()) return undefined;
  const channel = new BroadcastChannel(channelName(scenario));
  channel.onmessage = (event: MessageEvent) => {
    const data = event.data as { ns?: unknown; type?: unknown; live?: unknown } | null;
    if (data?.ns === channelNamespace && data.type === 'live' && data.live) hear.live(data.live);
    const message = decodeScreenMessage(event.data);
    if (message?.type === 'state' && message.session) hear.state(message.session);
  };
  channel.postMessage({ ns: channelNamespace, v: sessionVersion, type: 'hello' });
  return { close: () => channel.close() };
}
