// What the projector screen's QR code and the address beside it offer the room: the live room's
// join address when there is one; else the course, at the address the screen was opened at when
// that is not the one the build was made for (its code is made at build time).
import { isLoopbackUrl } from './loopback.ts';

/** What the screen offers the room to scan or type. */
export interface ScreenJoin {
  /** The address to make a QR code for in the browser; undefined when the build's code serves. */
  target: string | undefined;
  /** The address written beside the code. */
  address: string;
  /**
   * Whether no phone can reach that address (it is this machine's loopback), which the screen
   * says: only once the page's address is known, and never for a live room's join address.
   */
  unreachable: boolean;
}

/**
 * What the screen offers: `join` is the live room's join address, if any; `page` the course's
 * address where the screen runs, as a phone would reach it (undefined until known); `courseUrl`
 * the address the build was made for. All three are absolute URLs.
 */
export function screenJoin(join: string | undefined, page: string | undefined, courseUrl: string): ScreenJoin {
  const target = join ?? (page && new URL(page).origin !== new URL(courseUrl).origin ? page : undefined);
  const address = target ?? courseUrl;
  return { target, address, unreachable: !join && page !== undefined && isLoopbackUrl(address) };
}

/**
 * An address as the screen writes it for the room to read and type: without its scheme or a
 * closing slash, e.g. "course.example.org/en" for https://course.example.org/en/.
 */
export const bareAddress = (url: string): string => url.replace(/^https?:\/\//, '').replace(/\/$/, '');
