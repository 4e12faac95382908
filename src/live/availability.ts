// Whether this console can run live voting, asked when live voting is switched on: the live
// server must answer under /live/ (a static host has no such thing) and the browser must be able
// to follow a room.
import { canFollow } from '../browser/support.ts';

/**
 * available: the server answers; static: the site is served without it; unreachable: nothing
 * answers (the network is down); unsupported: this browser lacks EventSource or fetch.
 */
export type Availability = 'checking' | 'available' | 'static' | 'unreachable' | 'unsupported';

/**
 * What the live server at the page's own origin says of itself; null where the site is served
 * without it. Asked at /live/status.json, which a static host answers with the build's file saying
 * there is no live server (`{ "live": false }`), so the question costs no 404 in the console.
 */
async function liveInfo(): Promise<{ v?: unknown; join?: unknown; reachable?: unknown } | null> {
  const response = await fetch('/live/status.json');
  // An older build without the file gets the host's 404 page, or anything but the live server's JSON.
  return response.ok && /json/.test(response.headers.get('content-type') ?? '') ? await response.json() : null;
}

/** Asks the live server at the page's own origin whether it is there. */
export async function probeLiveServer(): Promise<Availability> {
  if (!canFollow()) return 'unsupported';
  try {
    return (await liveInfo())?.v === 1 ? 'available' : 'static';
  } catch (error) {
    console.warn('No live server', error);
    return 'unreachable';
  }
}

/**
 * The origin phones reach this server at, as its live server knows it (the machine's network
 * address, or PUBLIC_URL), e.g. http://192.168.1.20:4321; undefined where there is none to
 * offer: a static host, nothing answering, or a machine on no network.
 */
export async function networkOrigin(): Promise<string | undefined> {
  try {
    const info = await liveInfo();
    const join = info?.v === 1 && info.reachable === true && typeof info.join === 'string' ? info.join : '';
    // Whatever answers at /live/ (a proxy, an old server) may send anything: only a web address counts.
    return URL.canParse(join) && /^https?:$/.test(new URL(join).protocol) ? new URL(join).origin : undefined;
  } catch (error) {
    console.warn('No live server to tell the network address', error);
    return undefined;
  }
}
