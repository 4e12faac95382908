import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { localize } from '../engine/localize.ts';
import { loadValid } from '../../tests/unit/scenario-fixtures.ts';
import { fakeBrowser } from '../../tests/unit/fake-browser.ts';
import { atom } from 'nanostores';
import { forScreen, newSession, unsavedSessionId, type WorkshopSession } from '../workshop/session.ts';
import { openConsoleChannel } from '../workshop/screen-channel.ts';
import { screenAddress, screenView, type ScreenFeed } from './screen-feed.ts';

const scenario = localize(loadValid('mini-contractor'), 'en');
const session = (id: string): WorkshopSession => newSession(scenario.id, id, new Date('2026-11-27T10:00:00Z'), id);

/** The channels this browser opens, and how many of them are open. */
function countChannels() {
  const count = { opened: 0, open: 0 };
  vi.stubGlobal(
    'BroadcastChannel',
    class extends BroadcastChannel {
      constructor(name: string) {
        super(name);
        count.opened++;
        count.open++;
      }
      override close() {
        count.open--;
        super.close();
      }
    },
  );
  return count;
}

beforeEach(() => vi.resetModules());
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the projector screen’s address', () => {
  it('names the session and the live room to show, or neither', () => {
    expect(screenAddress('?session=abc&room=xyz')).toEqual({ wanted: 'abc', room: 'xyz' });
    expect(screenAddress('')).toEqual({ wanted: undefined, room: undefined });
  });
});

describe('the projector screen’s feed', () => {
  it('starts only once the screen listens, then shows the console’s session named in its address, and stops after', async () => {
    fakeBrowser();
    const channels = countChannels();
    const { screenFeed } = await import('./screen-feed.ts');
    const $feed = screenFeed({ scenario: scenario.id, fits: () => true, search: () => '?session=ours' });
    // Made, not started: no channel, the state the server renders (read without starting it, as
    // `get()` would).
    expect(channels.opened).toBe(0);
    expect($feed.value).toEqual({ linked: true });
    const unlisten = $feed.listen(() => {});
    expect(channels.open).toBe(1);
    expect($feed.get()).toMatchObject({ linked: true, ready: true });
    // The console of this browser answers the screen's hello; another group's session is not shown.
    const current = { value: session('theirs') };
    const console = openConsoleChannel(scenario.id, () => current.value)!;
    console.state(session('theirs'));
    current.value = session('ours');
    console.state(current.value);
    await vi.waitFor(() => expect($feed.get().session?.id).toBe('ours'));
    vi.useFakeTimers();
    unlisten();
    // nanostores keeps a store a moment after its last listener goes, then it stops.
    vi.advanceTimersByTime(1_500);
    expect(channels.open).toBe(1);
    console.close();
    expect(channels.open).toBe(0);
  });

  it('opened from the console before its script ran, takes the first session that console sends, never another group’s saved one', async () => {
    fakeBrowser();
    const { startScreenFeed } = await import('./screen-feed.ts');
    const { $sessions } = await import('./workshops.ts');
    // Another group's session, saved later than the one this console resumes.
    $sessions.set({ theirs: { ...session('theirs'), updatedAt: '2031-01-01T00:00:00.000Z' } });
    const adopted: string[] = [];
    const feed = startScreenFeed({ scenario: scenario.id, fits: () => true, wanted: unsavedSessionId, adopt: (id) => adopted.push(id) });
    expect(feed.$feed.get().session).toBeUndefined();
    const current = { value: session('ours') };
    const console = openConsoleChannel(scenario.id, () => current.value)!;
    console.state(current.value);
    await vi.waitFor(() => expect(feed.$feed.get().session?.id).toBe('ours'));
    expect(adopted).toEqual(['ours']);
    // From then on it is that session's screen: a change of another group's saved session is not shown.
    $sessions.set({ ...$sessions.get(), theirs: { ...session('theirs'), updatedAt: '2032-01-01T00:00:00.000Z' } });
    console.state(session('theirs'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(feed.$feed.get().session?.id).toBe('ours');
    feed.stop();
    console.close();
  });
});

describe('what the projector screen shows of its feed', () => {
  const counterparts = { unpaid: 'the client’s inbox', ask: 'the client’s call' };
  const voting = { ...session('ours'), revealed: true, tallies: [{ remind: 1, wait: 2 }] };

  it('is nothing but the feed until a session arrives, then the session’s view with the bars’ shares', () => {
    const $feed = atom<ScreenFeed>({ linked: true });
    const $screen = screenView($feed, scenario, counterparts);
    expect($screen.get()).toEqual({ feed: { linked: true }, view: undefined, counterpart: undefined, shares: {} });
    $feed.set({ linked: true, session: voting });
    expect($screen.get()).toMatchObject({
      view: { node: { id: 'unpaid' }, votes: 3 },
      counterpart: undefined,
      shares: { remind: 33, wait: 67 },
    });
  });

  it('gives no shares while the vote is hidden, only its count', () => {
    const $screen = screenView(
      atom<ScreenFeed>({ linked: true, session: forScreen({ ...voting, revealed: false }) }),
      scenario,
      counterparts,
    );
    expect($screen.get()).toMatchObject({ view: { votes: 3 }, shares: { remind: 0, wait: 0 } });
  });

  it('shows the other side of the moment the room discusses, when the console asks for it, the decided one on its feedback', () => {
    const asked = { ...voting, counterpart: true };
    expect(screenView(atom<ScreenFeed>({ linked: true, session: asked }), scenario, counterparts).get().counterpart).toBe(
      'the client’s inbox',
    );
    const decided = { ...asked, steps: [{ node: 'unpaid', choice: 'remind' }], tallies: [{ remind: 3 }, {}], feedback: true };
    expect(screenView(atom<ScreenFeed>({ linked: true, session: decided }), scenario, counterparts).get()).toMatchObject({
      view: { node: { id: 'ask' } },
      counterpart: 'the client’s inbox',
      shares: {},
    });
  });
});
