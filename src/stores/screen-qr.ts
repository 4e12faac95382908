// The projector screen's QR code and the address beside it (live/screen-join.ts says which), as a
// store: the page's own address is looked up, and a code made in the browser, only once the
// screen listens (nanostores' onMount), and the QR maker is loaded only when a code must be made.
import { atom, computed, onMount, type ReadableAtom } from 'nanostores';
import { networkOrigin } from '../live/availability.ts';
import { isLoopbackHost } from '../live/loopback.ts';
import { screenJoin, type ScreenJoin } from '../live/screen-join.ts';
import type { ScreenFeed } from './screen-feed.ts';

/** What the screen shows in its corner: the code's SVG markup (empty while it is being made) and what it offers. */
export interface ScreenQr extends ScreenJoin {
  svg: string;
}

/**
 * The screen's QR code for the feed's live room, else the course. `courseUrl` is the address the
 * build was made for and `builtQr` its code, made at build time; `locale` the course's language
 * (the code leads to /{locale}/). A screen opened at this machine's loopback, which no phone can
 * reach, offers the network address the server knows instead, where it knows one.
 */
export function screenQr(
  $feed: ReadableAtom<ScreenFeed>,
  { courseUrl, builtQr, locale }: { courseUrl: string; builtQr: string; locale: string },
): ReadableAtom<ScreenQr> {
  const $page = atom<string | undefined>(undefined);
  onMount($page, () => {
    const here = `${location.origin}/${locale}/`;
    if (!isLoopbackHost(location.hostname)) $page.set(here);
    else void networkOrigin().then((origin) => $page.set(origin ? `${origin}/${locale}/` : here));
  });
  const $join = computed([$feed, $page], (feed, page) => screenJoin(feed.live?.join, page, courseUrl));
  const $svg = atom<{ for: string; svg: string } | undefined>(undefined);
  onMount($svg, () =>
    $join.subscribe(({ target }) => {
      if (!target || $svg.get()?.for === target) return;
      import('../live/on-click-qr.ts').then(
        ({ qrSvg }) => $svg.set({ for: target, svg: qrSvg(target) }),
        (error: unknown) => console.warn('The QR code could not be made', error),
      );
    }),
  );
  return computed([$join, $svg], (join, svg) => ({
    ...join,
    svg: join.target ? (svg?.for === join.target ? svg.svg : '') : builtQr,
  }));
}
