// Following a live room's event stream in the browser (phones, the console and the screen), with
// the browser's own EventSource: it reconnects by itself and sends Last-Event-ID. Where the server
// closed the stream for good, or nothing (not even the 15-second heartbeat) arrived for a while, a
// new stream is opened after a growing pause, naming the last event seen.
import { parseJson } from './protocol.ts';

/** How the link to the room is: being opened, live, lost and being retried. */
export type LinkStatus = 'connecting' | 'live' | 'reconnecting';

/** Silence longer than this (two heartbeats and a margin, ms) means the link is gone even if no error came. */
const silence = 40_000;

/**
 * Opens the stream at `address()` (which may fetch a ticket first) and calls `on[event]` with each
 * event's decoded data; `status` hears every change of the link. Returns a function that closes it.
 */
export function follow(
  address: () => Promise<string>,
  on: Record<string, (data: unknown) => void>,
  status: (status: LinkStatus) => void,
): () => void {
  let source: EventSource | undefined;
  let last = '';
  let closed = false;
  let pause = 1000;
  let heard = Date.now();
  let retry: ReturnType<typeof setTimeout> | undefined;

  const reopen = () => {
    source?.close();
    source = undefined;
    status('reconnecting');
    clearTimeout(retry);
    retry = setTimeout(open, pause);
    pause = Math.min(pause * 2, 15_000);
  };

  const open = async () => {
    let href: string;
    try {
      href = await address();
    } catch (error) {
      if (closed) return;
      console.warn('The live room could not be reached', error);
      reopen();
      return;
    }
    if (closed) return;
    heard = Date.now();
    const s = new EventSource(last ? `${href}${href.includes('?') ? '&' : '?'}last=${encodeURIComponent(last)}` : href);
    source = s;
    const listen = (name: string, handle: (data: unknown) => void) =>
      s.addEventListener(name, (event) => {
        const message = event as MessageEvent<string>;
        heard = Date.now();
        if (message.lastEventId) last = message.lastEventId;
        handle(parseJson(message.data));
      });
    listen('hello', () => {
      pause = 1000;
      status('live');
    });
    listen('ping', () => {});
    for (const [name, handle] of Object.entries(on)) listen(name, handle);
    s.onerror = () => {
      // CONNECTING: the browser is retrying by itself. CLOSED: it gave up, so we try again.
      if (s.readyState === EventSource.CLOSED) reopen();
      else status('reconnecting');
    };
  };

  const watchdog = setInterval(() => {
    if (source && Date.now() - heard > silence) reopen();
  }, 10_000);
  status('connecting');
  void open();
  return () => {
    closed = true;
    clearInterval(watchdog);
    clearTimeout(retry);
    source?.close();
  };
}
