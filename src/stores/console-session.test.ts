import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { localize } from '../engine/localize.ts';
import { loadValid } from '../../tests/unit/scenario-fixtures.ts';
import { fakeBrowser } from '../../tests/unit/fake-browser.ts';
import { liveRoomsKey, workshopsKey } from '../browser/storage-keys.ts';
import { hiddenTally, newSession, type WorkshopSession } from '../workshop/session.ts';
import { openScreenChannel } from '../workshop/screen-channel.ts';
import { channelName } from '../workshop/session.ts';
import { translator } from '../i18n/messages.ts';
import en from '../i18n/en.json' with { type: 'json' };

const scenario = localize(loadValid('mini-contractor'), 'en');
const key = workshopsKey;
const saved = (items: Map<string, string>) =>
  (JSON.parse(items.get(key) ?? '{"sessions":{}}') as { sessions: Record<string, WorkshopSession> }).sessions;
const session = (id: string, updatedAt: string, steps: WorkshopSession['steps'] = []): WorkshopSession => ({
  ...newSession(scenario.id, id, new Date(updatedAt), id),
  steps,
  tallies: steps.map(() => ({})).concat([{}]),
});
const store = (...sessions: WorkshopSession[]) => JSON.stringify({ v: 1, sessions: Object.fromEntries(sessions.map((s) => [s.id, s])) });

// Every console a test opens is closed after it, so no channel of one test answers another's screen.
const opened: { close(): void }[] = [];
async function open(wanted?: string) {
  const { openConsoleSession } = await import('./console-session.ts');
  // The group's name stands in for the dated default name; the address's rewriting is tested below.
  const opening = openConsoleSession(
    scenario,
    () => 'Tuesday group',
    'en-US',
    { search: wanted ? `?session=${wanted}` : '' },
    () => {},
  );
  opened.push(opening);
  return opening;
}

beforeEach(() => vi.resetModules());
afterEach(() => {
  for (const each of opened.splice(0)) each.close();
  vi.unstubAllGlobals();
});

describe('opening the console’s session', () => {
  it('starts a new session, saved at once, when this browser has none', async () => {
    const tab = fakeBrowser();
    const { workshop, notices } = await open();
    const s = workshop.$session.get();
    expect(s).toMatchObject({ scenario: scenario.id, name: 'Tuesday group', steps: [] });
    expect(saved(tab.items)[s.id]).toEqual(s);
    expect(notices).toEqual([]);
  });

  it('resumes the latest saved session the scenario still plays; one it no longer plays is kept but not resumed', async () => {
    const tab = fakeBrowser();
    const broken = session('edited-away', '2026-11-03T10:00:00Z', [{ node: 'gone', choice: 'gone' }]);
    tab.items.set(key, store(session('older', '2026-11-01T10:00:00Z'), session('newer', '2026-11-02T10:00:00Z'), broken));
    const { workshop, notices } = await open();
    expect(workshop.$session.get().id).toBe('newer');
    expect(notices).toEqual([]);
    expect(saved(tab.items)['edited-away']).toEqual(broken);
  });

  it('opens the session its address names, or says why it cannot and starts a new one', async () => {
    const tab = fakeBrowser();
    const broken = session('edited-away', '2026-11-03T10:00:00Z', [{ node: 'gone', choice: 'gone' }]);
    tab.items.set(key, store(session('older', '2026-11-01T10:00:00Z'), session('newer', '2026-11-02T10:00:00Z'), broken));
    expect((await open('older')).workshop.$session.get().id).toBe('older');
    vi.resetModules();
    const missing = await open('never-here');
    expect(missing.notices).toEqual(['workshop.sessionMissing']);
    expect(missing.workshop.$session.get()).toMatchObject({ name: 'Tuesday group', steps: [] });
    vi.resetModules();
    const changed = await open('edited-away');
    expect(changed.notices).toEqual(['workshop.sessionChanged']);
    expect(changed.workshop.$session.get().id).not.toBe('edited-away');
  });

  it('answers a projector screen’s hello with the session, the votes hidden until revealed', async () => {
    fakeBrowser();
    const { workshop, close } = await open();
    const heard: WorkshopSession[] = [];
    const screen = openScreenChannel(scenario.id, { state: (s) => heard.push(s), live: () => {} });
    await vi.waitFor(() => expect(heard.at(-1)?.id).toBe(workshop.$session.get().id));
    workshop.vote('remind', 3);
    await vi.waitFor(() => expect(heard.at(-1)?.tallies).toEqual([{ [hiddenTally]: 3 }]));
    workshop.reveal(true);
    await vi.waitFor(() => expect(heard.at(-1)?.tallies).toEqual([{ remind: 3 }]));
    screen?.close();
    close();
  });

  it('talks to the projector screens over one channel, which its live room uses too', async () => {
    const tab = fakeBrowser();
    // Every channel this browser opens, by name.
    const channels: string[] = [];
    vi.stubGlobal(
      'BroadcastChannel',
      class extends BroadcastChannel {
        constructor(name: string) {
          super(name);
          channels.push(name);
        }
      },
    );
    // The session had a live room; the server never answers, so the room stays as saved.
    vi.stubGlobal('fetch', () => new Promise(() => {}));
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { createLiveRoom } = await import('./live-room.ts');
    const { $consoleLink } = await import('./console-link.ts');
    const { workshop, close } = await open();
    const room = { room: 'r'.repeat(22), secret: 's'.repeat(43), code: 'K7QM2P', join: 'http://192.168.1.20:4321/j/K7QM2P' };
    tab.items.set(liveRoomsKey, JSON.stringify({ [workshop.$session.get().id]: room }));
    const link = $consoleLink.get();
    expect(link?.workshop).toBe(workshop);
    const live = createLiveRoom(workshop, link?.screen, scenario.id, 'en');
    live.resume();
    expect(channels).toEqual([channelName(scenario.id)]);
    // A screen opened now hears the session and the room (never its secret) from that one channel.
    const heard: unknown[] = [];
    const screen = openScreenChannel(scenario.id, { state: (s) => heard.push(s.id), live: (r) => heard.push(r) });
    const { secret: _secret, ...visible } = room;
    await vi.waitFor(() => expect(heard).toEqual([workshop.$session.get().id, visible]));
    screen?.close();
    live.close();
    close();
  });

  it('follows another console of the same session, in another tab', async () => {
    const tab = fakeBrowser();
    const { workshop, close } = await open();
    const s = workshop.$session.get();
    const other = { ...s, tallies: [{ remind: 5 }], updatedAt: new Date(Date.parse(s.updatedAt) + 1000).toISOString() };
    tab.save(key, store(other));
    expect(workshop.$session.get().tallies).toEqual([{ remind: 5 }]);
    // Its own next vote adds to the other console's.
    workshop.vote('remind', 1);
    expect(saved(tab.items)[s.id]?.tallies).toEqual([{ remind: 6 }]);
    close();
  });

  it('never writes over sessions a newer version of the course saved, and says so', async () => {
    const tab = fakeBrowser();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const newer = JSON.stringify({ v: 2, sessions: {} });
    tab.items.set(key, newer);
    const { workshop, notices } = await open();
    expect(notices).toEqual(['workshop.sessionsNewer']);
    workshop.vote('remind', 2);
    expect(workshop.$session.get().tallies).toEqual([{ remind: 2 }]);
    expect(tab.items.get(key)).toBe(newer);
  });

  it('says when nothing can be saved, and when the screen then cannot follow at all', async () => {
    const tab = fakeBrowser();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.stubGlobal('localStorage', undefined);
    expect((await open()).notices).toEqual(['workshop.storageOff']);
    vi.resetModules();
    vi.stubGlobal('BroadcastChannel', undefined);
    expect((await open()).notices).toEqual(['workshop.noScreenLink']);
    expect(tab.items.size).toBe(0);
  });
});

describe('opening the console’s session from the page’s address', () => {
  const t = translator<string>('en', en);
  /** The page's address, with the queries written into it. */
  const page = (search: string) => {
    const written: string[] = [];
    return { search, replace: (query: string) => void written.push(query), written };
  };
  async function openPage(address: ReturnType<typeof page>) {
    const { openConsoleSession } = await import('./console-session.ts');
    const opening = openConsoleSession(scenario, t, 'en-US', address, address.replace);
    opened.push(opening);
    return opening;
  }

  it('names a new session with today’s date, and writes its id into the address', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-02T12:00:00Z'), toFake: ['Date'] });
    fakeBrowser();
    const address = page('');
    const s = (await openPage(address)).workshop.$session.get();
    vi.useRealTimers();
    expect(s.name).toBe('Workshop, Dec 2, 2026');
    expect(address.written).toEqual([`?session=${s.id}`]);
  });

  it('resumes the session the address names and leaves the address as it is', async () => {
    const tab = fakeBrowser();
    tab.items.set(key, store(session('older', '2026-11-01T10:00:00Z'), session('newer', '2026-11-02T10:00:00Z')));
    const address = page('?session=older');
    expect((await openPage(address)).workshop.$session.get().id).toBe('older');
    expect(address.written).toEqual([]);
  });

  it('puts the new session’s id in the address when the one it named cannot be resumed', async () => {
    fakeBrowser();
    const address = page('?session=never-here');
    const { workshop, notices } = await openPage(address);
    expect(notices).toEqual(['workshop.sessionMissing']);
    expect(address.written).toEqual([`?session=${workshop.$session.get().id}`]);
  });
});
