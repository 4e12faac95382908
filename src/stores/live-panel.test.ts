import { atom } from 'nanostores';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLivePanel, liveStatus } from './live-panel.ts';
import type { LiveRoomView } from './live-room.ts';

/** Makes `fetch('/live/status.json')` answer as a live server (`{ v: 1 }`) or a static host (`{ live: false }`) would; `asked` collects the addresses. */
function serve(body: unknown, asked: string[] = []) {
  vi.stubGlobal('EventSource', class {});
  vi.stubGlobal('fetch', async (url: string) => {
    asked.push(url);
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  });
  return asked;
}

/** A console's room that records what the panel asks of it. */
function fakeRoom(view: Partial<LiveRoomView> = {}) {
  return {
    $live: atom<LiveRoomView>({ phones: 0, busy: false, ...view }),
    start: vi.fn(async () => undefined),
    resume: vi.fn(),
    close: vi.fn(),
  };
}

const room = { room: 'r1', code: 'K7QM2P', join: 'http://192.168.1.20:4321/j/K7QM2P' };
const screen = '/en/facilitate/contractor/screen/';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the live panel asking whether a live server answers', () => {
  it('starts a room once the server answers, when the facilitator pressed Start, and resumes the session’s otherwise', async () => {
    const asked = serve({ v: 1 });
    const live = fakeRoom();
    const panel = createLivePanel(live, screen);
    expect(panel.$panel.get()).toMatchObject({ availability: 'checking', status: { key: 'live.connecting' }, canStart: false });
    panel.open(true);
    await vi.waitFor(() => expect(live.start).toHaveBeenCalledTimes(1));
    expect(asked).toEqual(['/live/status.json']);
    expect(live.resume).not.toHaveBeenCalled();
    expect(panel.$panel.get()).toMatchObject({ availability: 'available', status: undefined, canStart: true });

    const again = fakeRoom();
    createLivePanel(again, screen).open(false);
    await vi.waitFor(() => expect(again.resume).toHaveBeenCalledTimes(1));
    expect(again.start).not.toHaveBeenCalled();
  });

  it('says why live voting is off on a static host, or where nothing answers, and starts nothing', async () => {
    serve({ live: false });
    const live = fakeRoom();
    const panel = createLivePanel(live, screen);
    panel.open(true);
    await vi.waitFor(() => expect(panel.$panel.get().availability).toBe('static'));
    expect(panel.$panel.get()).toMatchObject({ status: { key: 'live.static' }, canStart: true });
    expect(live.start).not.toHaveBeenCalled();

    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const down = createLivePanel(fakeRoom(), screen);
    down.open(false);
    await vi.waitFor(() => expect(down.$panel.get().status).toEqual({ key: 'live.unreachable' }));
  });

  it('starts nothing when closed before the server answered, and stops following the room when closed', async () => {
    let answer: (response: Response) => void = () => {};
    vi.stubGlobal('EventSource', class {});
    vi.stubGlobal('fetch', () => new Promise<Response>((resolve) => (answer = resolve)));
    const live = fakeRoom();
    const close = createLivePanel(live, screen).open(true);
    close();
    expect(live.close).toHaveBeenCalledTimes(1);
    answer(new Response(JSON.stringify({ v: 1 }), { headers: { 'content-type': 'application/json' } }));
    await new Promise((resolve) => setTimeout(resolve));
    expect(live.start).not.toHaveBeenCalled();
  });
});

describe('the live panel’s status line', () => {
  it('follows the room: being made, failed or lost, connecting, phones joined, reconnecting', () => {
    const idle: LiveRoomView = { phones: 0, busy: false };
    expect(liveStatus(idle, 'available')).toBeUndefined();
    expect(liveStatus({ ...idle, busy: true }, 'available')).toEqual({ key: 'live.connecting' });
    expect(liveStatus({ ...idle, problem: 'lost' }, 'available')).toEqual({ key: 'live.lost' });
    expect(liveStatus({ ...idle, problem: 'failed' }, 'unsupported')).toEqual({ key: 'live.unsupported' });
    expect(liveStatus({ ...idle, room }, 'available')).toEqual({ key: 'live.connecting' });
    expect(liveStatus({ ...idle, room, link: 'live', phones: 3 }, 'available')).toEqual({ key: 'live.phones', values: { count: 3 } });
    expect(liveStatus({ ...idle, room, link: 'live', phones: 0 }, 'available')).toEqual({ key: 'live.noPhones' });
    expect(liveStatus({ ...idle, room, link: 'reconnecting', phones: 3 }, 'available')).toEqual({ key: 'live.reconnecting' });
  });

  it('gives the origin phones join at, and says when it is this machine’s own', () => {
    const panel = createLivePanel(fakeRoom({ room }), screen);
    expect(panel.$panel.get()).toMatchObject({ joinOrigin: 'http://192.168.1.20:4321', loopback: false });
    const local = createLivePanel(fakeRoom({ room: { ...room, join: 'http://localhost:4321/j/K7QM2P' } }), screen);
    expect(local.$panel.get()).toMatchObject({ joinOrigin: 'http://localhost:4321', loopback: true });
    expect(createLivePanel(fakeRoom(), screen).$panel.get()).toMatchObject({ joinOrigin: undefined, loopback: false });
  });

  it('gives the address that opens the room’s projector screen on another device, at the origin phones join at', () => {
    const panel = createLivePanel(fakeRoom({ room }), screen);
    expect(panel.$panel.get().otherScreen).toBe('http://192.168.1.20:4321/en/facilitate/contractor/screen/?room=r1');
    expect(createLivePanel(fakeRoom(), screen).$panel.get().otherScreen).toBeUndefined();
  });
});
