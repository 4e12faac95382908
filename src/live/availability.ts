// Whether this console can run live voting, asked when live voting is switched on: the live
// server must answer under /live/ (a static host has no such thing) and the browser must be able
// to follow a room.
import { canFollow } from '../browser/support.ts';

/**
 * available: the server answers; static: the site is served without it; unreachable: nothing
 * answers (the network is down); unsupported: this browser lacks EventSource or fetch.
 */
export type Availability = 'checking' | 'available' | 'static' | 'unreachable' | 'unsupported';

/** Asks the live server at the page's own origin whether it is there. */
export async function probeLiveServer(): Promise<Availability> {
  if (!canFollow()) return 'unsupported';
  try {
    const response = await fetch('/live/');
    // A static host answers with its 404 page, or with anything but the live server's JSON.
    const info =
      response.ok && /json/.test(response.headers.get('content-type') ?? '') ? ((await response.json()) as { v?: unknown }) : null;
    return info?.v === 1 ? 'available' : 'static';
  } catch (error) {
    console.warn('No live server', error);
    return 'unreachable';
  }
}
