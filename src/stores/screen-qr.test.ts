import { afterEach, describe, expect, it, vi } from 'vitest';
import { atom } from 'nanostores';
import { qrSvg } from '../live/qr-code.ts';
import type { ScreenFeed } from './screen-feed.ts';
import { screenQr } from './screen-qr.ts';

const courseUrl = 'https://course.example.org/en/';
const builtQr = '<svg>built</svg>';

/** A screen opened at `origin`, whose live server says phones reach it at `network` (if it answers). */
function openedAt(origin: string, network?: string) {
  vi.stubGlobal('location', new URL(origin));
  const asked: string[] = [];
  vi.stubGlobal('fetch', (url: string) => {
    asked.push(String(url));
    const status = { v: 1, reachable: network !== undefined, join: network ?? '' };
    return Promise.resolve(new Response(JSON.stringify(status), { headers: { 'content-type': 'application/json' } }));
  });
  return asked;
}

afterEach(() => vi.unstubAllGlobals());

describe('the projector screen’s QR code', () => {
  it('looks nothing up until the screen listens, and keeps the code made at build time for the address it was built for', () => {
    const asked = openedAt('https://course.example.org/');
    const $qr = screenQr(atom<ScreenFeed>({ linked: true }), { courseUrl, builtQr, locale: 'en' });
    expect($qr.value).toBeUndefined();
    const unlisten = $qr.listen(() => {});
    expect($qr.get()).toEqual({ target: undefined, address: courseUrl, svg: builtQr, unreachable: false });
    expect(asked).toEqual([]);
    unlisten();
  });

  it("makes a code for the live room's join address, and for the course where it is served from elsewhere", async () => {
    openedAt('http://192.168.1.20:4321/');
    const $feed = atom<ScreenFeed>({ linked: true });
    const $qr = screenQr($feed, { courseUrl, builtQr, locale: 'ru' });
    const unlisten = $qr.listen(() => {});
    const here = 'http://192.168.1.20:4321/ru/';
    // Empty while the QR maker loads, never the build's code for another address.
    expect($qr.get()).toMatchObject({ target: here, address: here, svg: '' });
    await vi.waitFor(() => expect($qr.get().svg).toBe(qrSvg(here)));
    const join = 'http://192.168.1.20:4321/j/K7QM2P';
    $feed.set({ linked: true, live: { room: 'r', code: 'K7QM2P', join } });
    await vi.waitFor(() => expect($qr.get()).toEqual({ target: join, address: join, svg: qrSvg(join), unreachable: false }));
    unlisten();
  });

  it("offers the network address the server knows for a screen opened at this machine's loopback, and warns when there is none", async () => {
    openedAt('http://localhost:4321/', 'http://192.168.1.20:4321/j/');
    const $qr = screenQr(atom<ScreenFeed>({ linked: true }), { courseUrl, builtQr, locale: 'en' });
    const unlisten = $qr.listen(() => {});
    await vi.waitFor(() => expect($qr.get()).toMatchObject({ address: 'http://192.168.1.20:4321/en/', unreachable: false }));
    unlisten();

    openedAt('http://localhost:4321/');
    const $alone = screenQr(atom<ScreenFeed>({ linked: true }), { courseUrl, builtQr, locale: 'en' });
    const stop = $alone.listen(() => {});
    await vi.waitFor(() => expect($alone.get()).toMatchObject({ address: 'http://localhost:4321/en/', unreachable: true }));
    stop();
  });
});
