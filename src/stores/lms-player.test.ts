import { afterEach, describe, expect, it, vi } from 'vitest';
import { localize } from '../engine/localize.ts';
import { debriefFor } from '../engine/play-view.ts';
import { fingerprint } from '../engine/stored-run.ts';
import { allPaths, loadValid } from '../../tests/unit/scenario-fixtures.ts';
import type { Scorm12Api } from '../lms/scorm12.ts';
import type { LmsNotice } from './lms-player.ts';

const scenario = localize(loadValid('mini-contractor'), 'en');
const path = allPaths(scenario)[0]!;

/** An LMS's SCORM 1.2 API that keeps what it is told; `values` starts as the LMS has them. */
function fakeLms(values: Record<string, string> = {}, refused: readonly string[] = []) {
  const data = new Map(Object.entries({ 'cmi.core.lesson_status': 'not attempted', 'cmi.interactions._count': '0', ...values }));
  const api: Scorm12Api = {
    LMSInitialize: vi.fn(() => 'true'),
    LMSFinish: vi.fn(() => 'true'),
    LMSCommit: () => 'true',
    LMSGetLastError: () => '0',
    LMSGetValue: (name) => data.get(name) ?? '',
    LMSSetValue: (name, value) => {
      if (refused.includes(name)) return 'false';
      data.set(name, value);
      const n = /^cmi\.interactions\.(\d+)\.id$/.exec(name)?.[1];
      if (n !== undefined) data.set('cmi.interactions._count', String(Number(n) + 1));
      return 'true';
    },
  };
  const page = new EventTarget();
  const win = Object.assign(page, { API: api, opener: null }) as unknown as Window;
  Object.assign(win, { parent: win });
  return { data, win, api };
}

/**
 * An LMS player for `win`, listened to as the island does (which opens the session): what the
 * learner is told, each notice as it is shown, and `stop`, the island going away.
 */
async function open(mode: 'scorm12' | 'cmi5', win: Window, search = '') {
  const { createLmsPlayer } = await import('./lms-player.ts');
  const heard: LmsNotice[] = [];
  const lms = createLmsPlayer(scenario, fingerprint(scenario), mode, { site: 'https://course.example.org/', search, window: win });
  const stop = lms.$state.subscribe(({ notice }) => {
    if (notice && notice !== heard.at(-1)) heard.push(notice);
  });
  return { player: lms.player, lms, heard, stop };
}

const play = (player: Awaited<ReturnType<typeof open>>['player'], steps = path) => {
  for (const step of steps) {
    player.choose(step.choice);
    player.continueOn();
  }
};

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.resetModules();
});

describe('the player in a SCORM 1.2 package', () => {
  it('connects only once something listens, and ends the session once when the island goes away', async () => {
    vi.useFakeTimers();
    const lms = fakeLms();
    const added = vi.spyOn(lms.win, 'addEventListener');
    const removed = vi.spyOn(lms.win, 'removeEventListener');
    const { createLmsPlayer } = await import('./lms-player.ts');
    const unheard = createLmsPlayer(scenario, fingerprint(scenario), 'scorm12', {
      site: 'https://course.example.org/',
      search: '',
      window: lms.win,
    });
    expect(unheard.player.$view.get().node.id).toBe(scenario.start);
    expect(lms.api.LMSInitialize).not.toHaveBeenCalled();
    const { player, stop } = await open('scorm12', lms.win);
    expect(lms.api.LMSInitialize).toHaveBeenCalledTimes(1);
    player.choose(path[0]!.choice);
    const listener = added.mock.calls.find(([type]) => type === 'pagehide')?.[1];
    expect(listener).toBeTypeOf('function');
    stop();
    // nanostores waits a second after the last listener before it unmounts a store.
    expect(lms.api.LMSFinish).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(lms.api.LMSFinish).toHaveBeenCalledTimes(1);
    expect(lms.data.get('cmi.core.exit')).toBe('suspend');
    expect(removed).toHaveBeenCalledWith('pagehide', listener);
    lms.win.dispatchEvent(new Event('pagehide'));
    expect(lms.api.LMSFinish).toHaveBeenCalledTimes(1);
  });

  it('ends the session once when the page is hidden for good, and not again when the island goes away', async () => {
    vi.useFakeTimers();
    const lms = fakeLms();
    const removed = vi.spyOn(lms.win, 'removeEventListener');
    const { stop } = await open('scorm12', lms.win);
    lms.win.dispatchEvent(new Event('pagehide'));
    lms.win.dispatchEvent(new Event('pagehide'));
    expect(lms.api.LMSFinish).toHaveBeenCalledTimes(1);
    expect(removed).toHaveBeenCalledWith('pagehide', expect.any(Function));
    stop();
    vi.advanceTimersByTime(1000);
    expect(lms.api.LMSFinish).toHaveBeenCalledTimes(1);
  });

  it('reports each choice and the first ending, and keeps the run to resume', async () => {
    const lms = fakeLms();
    const { player, heard } = await open('scorm12', lms.win);
    play(player);
    const debrief = debriefFor(scenario, { scenario: scenario.id, steps: path })!;
    expect(lms.data.get('cmi.core.lesson_status')).toBe('completed');
    expect(lms.data.get('cmi.core.score.raw')).toBe(String(debrief.overall));
    expect(lms.data.get('cmi.interactions._count')).toBe(String(path.length));
    expect(JSON.parse(lms.data.get('cmi.suspend_data')!)).toEqual(player.serialise(player.$run.get()));
    expect(heard).toEqual([]);
    // Playing again is practice: nothing more is recorded, and the learner hears so.
    player.restart();
    player.choose(path[0]!.choice);
    expect(lms.data.get('cmi.interactions._count')).toBe(String(path.length));
    expect(heard).toEqual(['lms.practice']);
    // The page going away ends the session, suspended only while the result is not in.
    lms.win.dispatchEvent(new Event('pagehide'));
    expect(lms.data.get('cmi.core.exit')).toBe('');
  });

  it('resumes the run the LMS kept, and says so', async () => {
    const first = fakeLms();
    const { player } = await open('scorm12', first.win);
    player.choose(path[0]!.choice);
    vi.resetModules();
    const again = fakeLms({ 'cmi.suspend_data': first.data.get('cmi.suspend_data')!, 'cmi.core.lesson_status': 'incomplete' });
    const resumed = await open('scorm12', again.win);
    expect(resumed.player.$run.get().steps).toEqual([path[0]]);
    expect(resumed.heard).toEqual(['player.resumed']);
    // Going on, the learner has read it: it goes.
    resumed.player.continueOn();
    resumed.player.choose(path[1]!.choice);
    expect(resumed.lms.$state.get().notice).toBeUndefined();
  });

  it('says when there is no LMS to report to, and when the LMS refuses the result, which practice never hides', async () => {
    const alone = Object.assign(new EventTarget(), { opener: null }) as unknown as Window;
    Object.assign(alone, { parent: alone });
    expect((await open('scorm12', alone)).heard).toEqual(['lms.noScorm']);
    vi.resetModules();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const lms = fakeLms({}, ['cmi.core.score.raw']);
    const { player, heard } = await open('scorm12', lms.win);
    play(player);
    await new Promise((resolve) => setTimeout(resolve));
    expect(heard).toEqual(['lms.notSaved']);
    player.restart();
    player.choose(path[0]!.choice);
    expect(heard).toEqual(['lms.notSaved']);
  });
});

const cmi5 = vi.hoisted(() => ({ connect: undefined as undefined | (() => Promise<unknown>) }));
vi.mock('../lms/cmi5.ts', async (original) => {
  const real = await original<typeof import('../lms/cmi5.ts')>();
  return { ...real, connectCmi5: () => cmi5.connect!() };
});
const launched = `?${new URLSearchParams({
  endpoint: 'https://lrs.example.org/xapi/',
  fetch: 'https://lms.example.org/token',
  registration: 'r-1',
  activityId: 'https://course.example.org/au/contractor',
  actor: JSON.stringify({ objectType: 'Agent', account: { homePage: 'https://lms.example.org', name: 'ada' } }),
})}`;

/** A connected cmi5 session as connectCmi5 gives it, every part a mock, with `parts` in place of the defaults. */
const session = (parts: Record<string, unknown> = {}) => ({
  practiceOnly: false,
  savedRun: undefined,
  runUnreadable: false,
  keepRun: vi.fn(),
  answered: vi.fn(async () => true),
  complete: vi.fn(async () => true),
  flush: vi.fn(),
  ...parts,
});

describe('the player in a cmi5 package', () => {
  it('says when it was not launched by an LMS', async () => {
    const { heard } = await open('cmi5', new EventTarget() as unknown as Window, '');
    expect(heard).toEqual(['lms.noCmi5']);
  });

  it('sends the choices made while connecting once connected', async () => {
    const answered = vi.fn();
    let connect: (value: unknown) => void = () => {};
    cmi5.connect = () => new Promise((resolve) => (connect = resolve));
    const { player, heard } = await open('cmi5', new EventTarget() as unknown as Window, launched);
    player.choose(path[0]!.choice);
    expect(answered).not.toHaveBeenCalled();
    connect(session({ answered }));
    await vi.waitFor(() => expect(answered).toHaveBeenCalledWith(path[0]!.node, path[0]!.choice, expect.any(Object)));
    expect(heard).toEqual([]);
  });

  it('keeps each run for the next session, and tells which one reached the ending', async () => {
    const connected = session();
    const { keepRun, complete } = connected;
    cmi5.connect = () => Promise.resolve(connected);
    const { player } = await open('cmi5', new EventTarget() as unknown as Window, launched);
    await new Promise((resolve) => setTimeout(resolve));
    // A run not started yet is not kept: it would take the place of one the LRS could not give back.
    expect(keepRun).not.toHaveBeenCalled();
    play(player);
    expect(keepRun).toHaveBeenCalledTimes(path.length);
    expect(keepRun.mock.calls.map(([, atEnding]) => atEnding)).toEqual([...path.slice(1).map(() => false), true]);
    expect(keepRun).toHaveBeenLastCalledWith(player.serialise(player.$run.get()), true);
    expect(complete).toHaveBeenCalledTimes(1);
  });

  it('says when the run the LRS kept could not be read, until the learner moves on', async () => {
    cmi5.connect = () => Promise.resolve(session({ runUnreadable: true }));
    const { player, lms, heard } = await open('cmi5', new EventTarget() as unknown as Window, launched);
    await vi.waitFor(() => expect(heard).toEqual(['lms.runUnreadable']));
    player.choose(path[0]!.choice);
    expect(lms.$state.get().notice).toBeUndefined();
  });

  it('says when the LRS did not accept the result', async () => {
    cmi5.connect = () => Promise.resolve(session({ complete: vi.fn(async () => false) }));
    const { player, heard } = await open('cmi5', new EventTarget() as unknown as Window, launched);
    await new Promise((resolve) => setTimeout(resolve));
    play(player);
    await vi.waitFor(() => expect(heard).toEqual(['lms.notSaved']));
  });

  it('sends what waits at once when the page is hidden for good, and stops listening when the island goes away', async () => {
    const connected = session();
    cmi5.connect = () => Promise.resolve(connected);
    const win = new EventTarget() as unknown as Window;
    const { stop } = await open('cmi5', win, launched);
    await new Promise((resolve) => setTimeout(resolve));
    win.dispatchEvent(new Event('pagehide'));
    expect(connected.flush).toHaveBeenCalledTimes(1);
    vi.useFakeTimers();
    stop();
    // nanostores ends a store's life a second after its last listener has gone.
    vi.advanceTimersByTime(1000);
    win.dispatchEvent(new Event('pagehide'));
    expect(connected.flush).toHaveBeenCalledTimes(1);
  });

  it('reports nothing from a connection that settles after the island went away', async () => {
    vi.useFakeTimers();
    const answered = vi.fn();
    const keepRun = vi.fn();
    let connect: (value: unknown) => void = () => {};
    cmi5.connect = () => new Promise((resolve) => (connect = resolve));
    const { player, heard, stop } = await open('cmi5', new EventTarget() as unknown as Window, launched);
    player.choose(path[0]!.choice);
    stop();
    vi.advanceTimersByTime(1000);
    connect(session({ keepRun, answered }));
    await vi.advanceTimersByTimeAsync(0);
    expect(keepRun).not.toHaveBeenCalled();
    expect(answered).not.toHaveBeenCalled();
    expect(heard).toEqual([]);
  });

  it('says a refused launch needs a new one from the LMS, and an unreachable LRS that it was not reached', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { Cmi5Refused } = await import('../lms/cmi5.ts');
    cmi5.connect = () => Promise.reject(new Cmi5Refused('the cmi5 fetch URL answered 401'));
    const refused = await open('cmi5', new EventTarget() as unknown as Window, launched);
    await vi.waitFor(() => expect(refused.heard).toEqual(['lms.relaunch']));
    cmi5.connect = () => Promise.reject(new TypeError('Failed to fetch'));
    const unreachable = await open('cmi5', new EventTarget() as unknown as Window, launched);
    await vi.waitFor(() => expect(unreachable.heard).toEqual(['lms.unreachable']));
  });
});
