import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { localize } from '../engine/localize.ts';
import { loadValid } from '../../tests/unit/scenario-fixtures.ts';
import { fakeBrowser, freshStoresEachTest } from '../../tests/unit/fake-browser.ts';
import { liveRoomsKey } from '../browser/storage-keys.ts';
import { newSession, type WorkshopSession } from '../workshop/session.ts';

const scenario = localize(loadValid('mini-contractor'), 'en');
const room = (n: string) => ({ room: n.repeat(22), secret: 's'.repeat(43), code: 'K7QM2P', join: 'http://192.168.1.20:4321/j/K7QM2P' });
const saved = (items: Map<string, string>) => JSON.parse(items.get(liveRoomsKey)!) as unknown;

freshStoresEachTest();
// The live server never answers: a room resumed stays as saved, one started stays starting.
beforeEach(() => vi.stubGlobal('fetch', () => new Promise(() => {})));

/** A console's live room over a session that counted phones (it had a room), with one vote from phones kept. */
async function liveRoomOf(id: string) {
  const { createWorkshop } = await import('./workshop.ts');
  const { createLiveRoom } = await import('./live-room.ts');
  const session: WorkshopSession = {
    ...newSession(scenario.id, 'Tuesday group', new Date('2026-11-30T10:00:00Z'), id),
    phones: [{ remind: 1 }],
  };
  const workshop = createWorkshop(scenario, session, () => {});
  return { workshop, live: createLiveRoom(workshop, undefined, scenario.id, 'en') };
}

describe('the rooms a console keeps in this browser', () => {
  it('reads the rooms an earlier version saved without a format version; the session resumes its room', async () => {
    const tab = fakeBrowser();
    tab.items.set(liveRoomsKey, JSON.stringify({ tuesday: room('a'), wednesday: room('b') }));
    const { savedRoom } = await import('./live-room.ts');
    expect(savedRoom('tuesday')).toEqual({ room: room('a'), unreadable: false });
    expect(savedRoom('wednesday')).toEqual({ room: room('b'), unreadable: false });
    const { live } = await liveRoomOf('tuesday');
    live.resume();
    const { secret: _secret, ...visible } = room('a');
    expect(live.$live.get()).toMatchObject({ room: visible, problem: undefined });
    live.close();
    expect(console.warn).not.toHaveBeenCalled();
  });

  it('drops a damaged room alone, says so once, and the session’s console says its room could not be read; its votes stay', async () => {
    const tab = fakeBrowser();
    tab.items.set(liveRoomsKey, JSON.stringify({ v: 1, rooms: { tuesday: { ...room('a'), secret: 42 }, wednesday: room('b') } }));
    const { live, workshop } = await liveRoomOf('tuesday');
    live.resume();
    expect(live.$live.get().room).toBeUndefined();
    expect(live.$live.get().problem).toBe('unreadable');
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining(`${liveRoomsKey}: left out rooms["tuesday"]`));
    // The other session's room is kept, saved back without the damaged one.
    expect(saved(tab.items)).toEqual({ v: 1, rooms: { wednesday: room('b') } });
    expect(workshop.$session.get().phones).toEqual([{ remind: 1 }]);
  });

  it('says the room could not be read where nothing saved could be, and nothing where the session’s room was stopped', async () => {
    const tab = fakeBrowser();
    tab.items.set(liveRoomsKey, '{"tuesday":{"room":');
    const { savedRoom } = await import('./live-room.ts');
    expect(savedRoom('tuesday')).toEqual({ room: undefined, unreadable: true });
    // Said once: what is saved now is readable, and has no room for the session.
    expect(savedRoom('tuesday')).toEqual({ room: undefined, unreadable: false });
    expect(saved(tab.items)).toEqual({ v: 1, rooms: {} });
  });

  it('saves a room it starts beside the others, in the current format, and forgets it when stopped', async () => {
    const tab = fakeBrowser();
    tab.items.set(liveRoomsKey, JSON.stringify({ wednesday: room('b') }));
    const responses = [new Response(JSON.stringify(room('a')), { status: 201 }), new Response(null, { status: 204 })];
    vi.stubGlobal('fetch', (url: string) => (url.endsWith('/tickets') ? new Promise(() => {}) : Promise.resolve(responses.shift())));
    const { live } = await liveRoomOf('tuesday');
    await live.start();
    expect(saved(tab.items)).toEqual({ v: 1, rooms: { wednesday: room('b'), tuesday: room('a') } });
    await live.stop();
    expect(saved(tab.items)).toEqual({ v: 1, rooms: { wednesday: room('b') } });
  });

  it('never writes over rooms a newer version saved, and the session’s console says its room could not be read', async () => {
    const tab = fakeBrowser();
    const newer = JSON.stringify({ v: 2, rooms: { tuesday: room('a') } });
    tab.items.set(liveRoomsKey, newer);
    const { live } = await liveRoomOf('tuesday');
    live.resume();
    expect(live.$live.get().problem).toBe('unreadable');
    expect(tab.items.get(liveRoomsKey)).toBe(newer);
  });
});

describe('the rooms saved by the released version that brought live voting (tests/fixtures/workshop/33292c2)', () => {
  const text = readFileSync(join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'workshop', '33292c2', 'live-rooms.json'), 'utf8');
  const recorded = JSON.parse(text) as Record<string, unknown>;

  it('load without loss: the session resumes its room, secret and all, and nothing is written until a room changes', async () => {
    const tab = fakeBrowser();
    tab.items.set(liveRoomsKey, text);
    const { savedRoom } = await import('./live-room.ts');
    expect(Object.keys(recorded)).toEqual(['recorded-wednesday']);
    expect(savedRoom('recorded-wednesday')).toEqual({ room: recorded['recorded-wednesday'], unreadable: false });
    expect(savedRoom('recorded-wednesday').room).toMatchObject({ code: 'K7QM2P', join: 'http://192.168.1.20:4321/j/K7QM2P' });
    expect(tab.items.get(liveRoomsKey)).toBe(text);
    // Another session's room started now is saved beside it, in this version's format.
    vi.stubGlobal('fetch', (url: string) =>
      url === '/live/rooms' ? Promise.resolve(new Response(JSON.stringify(room('a')), { status: 201 })) : new Promise(() => {}),
    );
    const { live } = await liveRoomOf('another');
    await live.start();
    live.close();
    expect(saved(tab.items)).toEqual({ v: 1, rooms: { ...recorded, another: room('a') } });
  });
});

describe('sending the room’s state to the live server', () => {
  /**
   * A console with a room started, whose state sends answer with `answers` in turn (the last one
   * repeated; each is given the send's abort signal); the bodies of the sends, in order.
   */
  async function sending(...answers: Array<(signal?: AbortSignal | null) => Promise<Response>>) {
    fakeBrowser();
    const puts: string[] = [];
    vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {
      if (url === '/live/rooms') return Promise.resolve(new Response(JSON.stringify(room('a')), { status: 201 }));
      if (init?.method === 'DELETE') return Promise.resolve(new Response(null, { status: 204 }));
      if (init?.method !== 'PUT') return new Promise(() => {});
      puts.push(String(init.body));
      return (answers[puts.length - 1] ?? answers.at(-1)!)(init.signal);
    });
    const { live, workshop } = await liveRoomOf('tuesday');
    await live.start();
    return { live, workshop, puts };
  }
  const answer = (status: number) => () => Promise.resolve(new Response(null, { status }));
  const choice = scenario.nodes.find((n) => n.id === scenario.start)!;
  const firstChoice = (choice as { choices: Array<{ id: string }> }).choices[0]!.id;

  it('resends a state the server refused (a proxy’s 502) every 3 s, not at once, until it lands, then stops', async () => {
    vi.useFakeTimers();
    try {
      const { live, workshop, puts } = await sending(answer(502), answer(502), answer(204));
      workshop.vote(firstChoice, 1);
      await vi.advanceTimersByTimeAsync(2900);
      expect(puts).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(200);
      expect(puts).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(3000);
      expect(puts).toHaveLength(3);
      expect(puts[2]).toBe(puts[0]);
      expect(console.warn).toHaveBeenCalledWith('The live room missed a state', 502);
      // On the server now: nothing more goes out until the state changes.
      await vi.advanceTimersByTimeAsync(30_000);
      expect(puts).toHaveLength(3);
      live.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('resends after a send that found no server, and sends nothing more once the console is closed or the room stopped', async () => {
    vi.useFakeTimers();
    try {
      const down = () => Promise.reject(new TypeError('Failed to fetch'));
      let fail: (error: Error) => void = () => {};
      const closed = await sending(down, () => new Promise((_, reject) => (fail = reject)));
      closed.workshop.vote(firstChoice, 1);
      await vi.advanceTimersByTimeAsync(3100);
      expect(closed.puts).toHaveLength(2);
      expect(console.warn).toHaveBeenCalledWith('The live room missed a state', expect.any(TypeError));
      // Closed while the resend travels; it fails after.
      closed.live.close();
      fail(new TypeError('Failed to fetch'));
      await vi.advanceTimersByTimeAsync(30_000);
      expect(closed.puts).toHaveLength(2);
      // A room stopped while a send travels: its late refusal neither resends nor says the room was lost.
      let respond: (response: Response) => void = () => {};
      const stopped = await sending(() => new Promise((resolve) => (respond = resolve)));
      stopped.workshop.vote(firstChoice, 1);
      await stopped.live.stop();
      respond(new Response(null, { status: 409 }));
      await vi.advanceTimersByTimeAsync(30_000);
      expect(stopped.puts).toHaveLength(1);
      expect(stopped.live.$live.get().problem).toBeUndefined();
      // Stopped and started again while a send to the first room travels: its late 409 does not end the new room.
      const again = await sending(() => new Promise((resolve) => (respond = resolve)), answer(204));
      again.workshop.vote(firstChoice, 1);
      await again.live.stop();
      await again.live.start();
      again.workshop.vote(firstChoice, 1);
      await vi.advanceTimersByTimeAsync(0);
      // The new room's change went out at once, not behind the first room's silent send.
      expect(again.puts).toHaveLength(2);
      respond(new Response(null, { status: 409 }));
      await vi.advanceTimersByTimeAsync(30_000);
      expect(again.live.$live.get()).toMatchObject({ problem: undefined, room: { code: room('a').code } });
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives up on a send with no answer after 30 s and sends again, so later changes are not held behind it', async () => {
    vi.useFakeTimers();
    try {
      // Node's AbortSignal.timeout runs on a clock of its own; here it runs on the test's.
      vi.spyOn(AbortSignal, 'timeout').mockImplementation((ms) => {
        const controller = new AbortController();
        setTimeout(() => controller.abort(new DOMException('The operation timed out.', 'TimeoutError')), ms);
        return controller.signal;
      });
      const never = (signal?: AbortSignal | null) =>
        new Promise<Response>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason)));
      const { live, workshop, puts } = await sending(never, answer(204));
      workshop.vote(firstChoice, 1);
      workshop.vote(firstChoice, 1);
      await vi.advanceTimersByTimeAsync(29_900);
      expect(puts).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(200);
      // The change held behind the silent send goes out as soon as it is given up.
      expect(puts).toHaveLength(2);
      const { roomStateOf } = await import('../live/moment.ts');
      expect(JSON.parse(puts[1]!).state).toEqual(JSON.parse(JSON.stringify(roomStateOf(workshop.$view.get()))));
      expect(puts[1]).not.toBe(puts[0]);
      expect(console.warn).toHaveBeenCalledWith('The live room missed a state', expect.anything());
      live.close();
    } finally {
      vi.useRealTimers();
    }
  });
});
