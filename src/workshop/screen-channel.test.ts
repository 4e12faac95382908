import { afterEach, describe, expect, it, vi } from 'vitest';
import { openConsoleChannel, openScreenChannel } from './screen-channel.ts';
import { channelName, newSession, type WorkshopSession } from './session.ts';

afterEach(() => vi.unstubAllGlobals());

const session = { ...newSession('mini', 'Tuesday group', new Date('2026-11-02T10:00:00Z'), 's1'), tallies: [{ remind: 4 }] };

describe('the console–screen channel', () => {
  it('a screen that opens says hello; the console answers with the session, votes hidden, and the live room it last sent', async () => {
    const heard: { states: WorkshopSession[]; rooms: unknown[] } = { states: [], rooms: [] };
    const consoleEnd = openConsoleChannel('mini', () => session);
    consoleEnd?.live({ room: 'r1', code: 'ABC123' });
    const screen = openScreenChannel('mini', { state: (s) => heard.states.push(s), live: (room) => heard.rooms.push(room) });
    await vi.waitFor(() => expect(heard.rooms).toEqual([{ room: 'r1', code: 'ABC123' }]));
    expect(heard.states.map((s) => s.tallies)).toEqual([[{ '#': 4 }]]);
    screen?.close();
    consoleEnd?.close();
  });

  it('answers a hello with the session alone once the live room is gone', async () => {
    const heard: unknown[] = [];
    const consoleEnd = openConsoleChannel('mini', () => session);
    consoleEnd?.live({ room: 'r1', code: 'ABC123' });
    consoleEnd?.live(null);
    const screen = openScreenChannel('mini', { state: (s) => heard.push(s.id), live: (room) => heard.push(room) });
    await vi.waitFor(() => expect(heard).toEqual(['s1']));
    // A second hello, from a screen opened later, is answered the same way.
    const later = openScreenChannel('mini', { state: () => {}, live: () => {} });
    await vi.waitFor(() => expect(heard).toEqual(['s1', 's1']));
    for (const end of [screen, later, consoleEnd]) end?.close();
  });

  it('a screen ignores what is not a well-formed message of the course, and a room taken away (null)', async () => {
    const heard: unknown[] = [];
    const screen = openScreenChannel('mini', { state: (s) => heard.push(s), live: (room) => heard.push(room) });
    const other = new BroadcastChannel(channelName('mini'));
    const consoleEnd = openConsoleChannel('mini', () => session);
    other.postMessage({ ns: 'someone-else', v: 1, type: 'state', session });
    other.postMessage({ ns: 'checks-in-the-mail/workshop', v: 1, type: 'state', session: { ...session, steps: 'x' } });
    consoleEnd?.live(null);
    consoleEnd?.state(session);
    await vi.waitFor(() => expect(heard).toHaveLength(1));
    expect(heard[0]).toMatchObject({ id: 's1' });
    for (const end of [screen, consoleEnd, other]) end?.close();
  });

  it('is not opened in a browser without BroadcastChannel, so the screen follows the saved session instead', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    expect(openConsoleChannel('mini', () => session)).toBeUndefined();
    expect(openScreenChannel('mini', { state: () => {}, live: () => {} })).toBeUndefined();
  });
});
