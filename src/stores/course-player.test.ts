import { onSet } from 'nanostores';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { localize } from '../engine/localize.ts';
import { fingerprint, serialiseRun } from '../engine/index.ts';
import { loadValid } from '../../tests/unit/scenario-fixtures.ts';
import { fakeBrowser } from '../../tests/unit/fake-browser.ts';
import { progressKey } from '../browser/storage-keys.ts';

const content = loadValid('mini-contractor');
const scenario = localize(content, 'en');
const key = progressKey;

/** A browser whose `otherTab` saves a run as another tab would, and whose idle moments come when `idle()` says. */
function browser() {
  const tab = fakeBrowser();
  const waiting: (() => void)[] = [];
  vi.stubGlobal('requestIdleCallback', (task: () => void) => waiting.push(task));
  vi.stubGlobal('document', { visibilityState: 'visible' });
  return {
    /** The tab's own storage (sessionStorage), which a reload keeps and a new tab does not. */
    session: tab.tabItems,
    /** The browser is idle: what waited for it runs. */
    idle() {
      for (const task of waiting.splice(0)) task();
    },
    /** The learner switches to another tab or app, or leaves the page. */
    hide(how: 'visibilitychange' | 'pagehide') {
      vi.stubGlobal('document', { visibilityState: 'hidden' });
      dispatchEvent(new Event(how));
    },
    saved: () => JSON.parse(tab.items.get(key) ?? '{}') as { scenarios?: Record<string, { run?: { steps: string[][] } }> },
    /** Another tab saves this run; `heard` says whether this tab's storage event has arrived yet. */
    otherTab(steps: { node: string; choice: string }[], heard: boolean) {
      const value = JSON.stringify({
        v: 2,
        lessons: {},
        scenarios: { [scenario.id]: { run: serialiseRun(fingerprint(scenario), { scenario: scenario.id, steps }) } },
      });
      tab.save(key, value, heard);
    },
    /** Another tab saves this whole progress. */
    otherTabProgress(progress: object, heard: boolean) {
      tab.save(key, JSON.stringify(progress), heard);
    },
  };
}

async function openPlayer() {
  const { createCoursePlayer } = await import('./course-player.ts');
  const course = createCoursePlayer(scenario, fingerprint(scenario));
  // Each time the player takes over another tab's run, the learner is told (again, if need be).
  const followed = vi.fn();
  onSet(course.$notice, ({ newValue }) => {
    if (newValue === 'player.moved') followed();
  });
  course.open();
  return { player: course.player, followed, notice: course.$notice };
}

const steps = (player: { $run: { get(): { steps: readonly { node: string; choice: string }[] } } }) =>
  player.$run.get().steps.map((s) => `${s.node}/${s.choice}`);

beforeEach(() => vi.resetModules());
afterEach(() => vi.unstubAllGlobals());

describe('the course player in two tabs', () => {
  it('follows another tab’s save at once, so its next choice goes on from there', async () => {
    const tab = browser();
    const { player, followed } = await openPlayer();
    tab.otherTab([{ node: 'unpaid', choice: 'remind' }], true);
    expect(steps(player)).toEqual(['unpaid/remind']);
    expect(followed).toHaveBeenCalledOnce();
    player.continueOn();
    player.choose('warn');
    tab.idle();
    expect(tab.saved().scenarios?.[scenario.id]?.run?.steps).toEqual([
      ['unpaid', 'remind'],
      ['ask', 'warn'],
    ]);
  });

  it('does not save a choice made from a run another tab has moved on: it shows that run instead', async () => {
    const tab = browser();
    const { player, followed } = await openPlayer();
    player.choose('remind');
    // The other tab went on before this one heard of it.
    tab.otherTab(
      [
        { node: 'unpaid', choice: 'remind' },
        { node: 'ask', choice: 'warn' },
      ],
      false,
    );
    player.continueOn();
    player.choose('blunt');
    tab.idle();
    expect(tab.saved().scenarios?.[scenario.id]?.run?.steps).toEqual([
      ['unpaid', 'remind'],
      ['ask', 'warn'],
    ]);
    expect(steps(player)).toEqual(['unpaid/remind', 'ask/warn']);
    expect(followed).toHaveBeenCalledOnce();
  });

  it('shows, back from the back/forward cache, the run another tab saved while it was there', async () => {
    const tab = browser();
    const { player, followed } = await openPlayer();
    // In the cache the page hears no storage events.
    tab.otherTab([{ node: 'unpaid', choice: 'remind' }], false);
    expect(steps(player)).toEqual([]);
    dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));
    expect(steps(player)).toEqual(['unpaid/remind']);
    expect(followed).toHaveBeenCalledOnce();
  });

  it('does not take its own saves for another tab’s', async () => {
    browser();
    const { player, followed } = await openPlayer();
    player.choose('remind');
    player.continueOn();
    player.back();
    player.restart();
    expect(followed).not.toHaveBeenCalled();
  });
});

describe('saving the course player’s choices', () => {
  const savedSteps = (tab: ReturnType<typeof browser>) => tab.saved().scenarios?.[scenario.id]?.run?.steps;

  it('saves a choice when the browser is idle, not in the click', async () => {
    const tab = browser();
    const { player } = await openPlayer();
    player.choose('remind');
    expect(savedSteps(tab)).toBeUndefined();
    tab.idle();
    expect(savedSteps(tab)).toEqual([['unpaid', 'remind']]);
  });

  for (const how of ['visibilitychange', 'pagehide'] as const)
    it(`loses no choice when the page is hidden or left before the browser is idle (${how})`, async () => {
      const tab = browser();
      const { player } = await openPlayer();
      player.choose('remind');
      player.continueOn();
      player.choose('warn');
      tab.hide(how);
      expect(savedSteps(tab)).toEqual([
        ['unpaid', 'remind'],
        ['ask', 'warn'],
      ]);
    });

  it('saves a step back and a restart at once', async () => {
    const tab = browser();
    const { player } = await openPlayer();
    player.choose('remind');
    player.back();
    expect(savedSteps(tab)).toEqual([]);
    player.choose('remind');
    tab.idle();
    expect(savedSteps(tab)).toEqual([['unpaid', 'remind']]);
    player.restart();
    expect(savedSteps(tab)).toEqual([]);
  });
});

describe('the course player after a reload', () => {
  it('comes back where the learner was: at a feedback they had not left, past one they left with Continue', async () => {
    const tab = browser();
    const reload = async () => {
      tab.hide('pagehide');
      vi.stubGlobal('document', { visibilityState: 'visible' });
      vi.resetModules();
      return (await openPlayer()).player;
    };
    let { player } = await openPlayer();
    player.choose('remind');
    player = await reload();
    expect(player.$view.get().feedback?.choice.id).toBe('remind');
    player.continueOn();
    player = await reload();
    expect(player.$view.get()).toMatchObject({ node: { id: 'ask' }, step: 1 });
    expect(player.$view.get().feedback).toBeUndefined();
    // A step back is where the learner is too; a new tab (no note of its own) shows the feedback again.
    player.back();
    player = await reload();
    expect(player.$view.get()).toMatchObject({ node: { id: 'unpaid' }, step: 0 });
    expect(player.$view.get().feedback).toBeUndefined();
    player.choose('remind');
    player.continueOn();
    tab.session.clear();
    player = await reload();
    expect(player.$view.get().feedback?.choice.id).toBe('remind');
  });
});

describe('another tab’s save while a choice waits to be saved', () => {
  const savedSteps = (tab: ReturnType<typeof browser>) => tab.saved().scenarios?.[scenario.id]?.run?.steps;

  it('keeps both when the other tab changed something else (a lesson read)', async () => {
    const tab = browser();
    const { player, followed } = await openPlayer();
    player.choose('remind');
    tab.otherTabProgress({ v: 2, lessons: { 'warn-first': { read: true } }, scenarios: {} }, true);
    expect(savedSteps(tab)).toEqual([['unpaid', 'remind']]);
    expect(tab.saved()).toMatchObject({ lessons: { 'warn-first': { read: true } } });
    expect(followed).not.toHaveBeenCalled();
  });

  it('shows the other tab’s run, unsaved over, when it moved this scenario on first', async () => {
    const tab = browser();
    const { player, followed } = await openPlayer();
    player.choose('blunt');
    tab.otherTab([{ node: 'unpaid', choice: 'remind' }], true);
    expect(savedSteps(tab)).toEqual([['unpaid', 'remind']]);
    expect(steps(player)).toEqual(['unpaid/remind']);
    expect(followed).toHaveBeenCalledOnce();
  });

  it('does not undo a reset made in another tab: this tab starts afresh too', async () => {
    const tab = browser();
    tab.otherTab([], false);
    const { player, followed } = await openPlayer();
    // The first choice of a run saved as started, then another tab resets the whole progress.
    player.choose('remind');
    tab.otherTabProgress({ v: 2, lessons: {}, scenarios: {} }, true);
    expect(savedSteps(tab)).toBeUndefined();
    expect(steps(player)).toEqual([]);
    expect(followed).toHaveBeenCalledOnce();
  });

  describe('a scenario never saved before, whose first choice waits', () => {
    const lessonRead = { v: 2, lessons: { 'warn-first': { read: true } }, scenarios: {} };
    const reset = { v: 2, lessons: {}, scenarios: {} };

    it('does not undo a reset made in another tab: this tab starts afresh too', async () => {
      const tab = browser();
      tab.otherTabProgress(lessonRead, false);
      const { player, followed } = await openPlayer();
      player.choose('remind');
      tab.otherTabProgress(reset, true);
      tab.idle();
      expect(tab.saved()).toEqual(reset);
      expect(steps(player)).toEqual([]);
      expect(followed).toHaveBeenCalledOnce();
    });

    it('does not undo a reset it has not heard of yet when the browser turns idle', async () => {
      const tab = browser();
      tab.otherTabProgress(lessonRead, false);
      const { player } = await openPlayer();
      player.choose('remind');
      tab.otherTabProgress(reset, false);
      tab.idle();
      expect(tab.saved()).toEqual(reset);
    });

    it('does not undo a reset of progress that held nothing else yet', async () => {
      const tab = browser();
      const { player } = await openPlayer();
      player.choose('remind');
      tab.otherTabProgress(reset, true);
      tab.idle();
      expect(tab.saved()).toEqual(reset);
      expect(steps(player)).toEqual([]);
    });

    it('still saves the choice over another tab’s change of something else', async () => {
      const tab = browser();
      const { player } = await openPlayer();
      player.choose('remind');
      tab.otherTabProgress(lessonRead, true);
      tab.idle();
      expect(savedSteps(tab)).toEqual([['unpaid', 'remind']]);
      expect(tab.saved()).toMatchObject({ lessons: lessonRead.lessons });
    });
  });

  it('does not undo a reset it has not heard of yet when the browser turns idle', async () => {
    const tab = browser();
    tab.otherTab([], false);
    const { player } = await openPlayer();
    player.choose('remind');
    tab.otherTabProgress({ v: 2, lessons: {}, scenarios: {} }, false);
    tab.idle();
    expect(savedSteps(tab)).toBeUndefined();
  });
});

describe('what the course player tells the learner when it opens', () => {
  it('says the run resumed, and whether the scenario changed since', async () => {
    const tab = browser();
    tab.otherTab([{ node: 'unpaid', choice: 'remind' }], true);
    const { player, notice } = await openPlayer();
    expect(steps(player)).toEqual(['unpaid/remind']);
    expect(notice.get()).toBe('player.resumed');
    // A step back is still the run they came back to; a new choice, or playing again from the start, is not.
    player.back();
    expect(notice.get()).toBe('player.resumed');
    player.choose('remind');
    expect(notice.get()).toBeUndefined();
    tab.idle();
    const again = await openPlayer();
    expect(again.notice.get()).toBe('player.resumed');
    again.player.restart();
    expect(again.notice.get()).toBeUndefined();
    const { restoreNotice } = await import('./course-player.ts');
    const run = { scenario: scenario.id, steps: [{ node: 'unpaid', choice: 'remind' }] };
    expect(restoreNotice({ status: 'resumed', run, contentChanged: true })).toBe('player.resumedChanged');
    expect(restoreNotice({ status: 'resumed', run: { ...run, steps: [] }, contentChanged: false })).toBeUndefined();
    expect(restoreNotice(undefined)).toBeUndefined();
  });

  it('says why a saved run that cannot resume starts afresh, and says nothing with no run saved', async () => {
    const tab = browser();
    const fresh = await openPlayer();
    expect(fresh.notice.get()).toBeUndefined();
    vi.resetModules();
    tab.otherTabProgress(
      { v: 2, lessons: {}, scenarios: { [scenario.id]: { run: { v: 1, scenario: 'another', fingerprint: 'x', steps: [] } } } },
      true,
    );
    const other = await openPlayer();
    expect(other.notice.get()).toBe('player.restarted.other-scenario');
  });
});
