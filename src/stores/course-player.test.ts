import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { localize } from '../engine/localize.ts';
import { serialiseRun } from '../engine/index.ts';
import { loadValid } from '../../tests/unit/scenario-fixtures.ts';
import { fakeBrowser } from '../../tests/unit/fake-browser.ts';
import { progressKey } from '../browser/storage-keys.ts';

const content = loadValid('mini-contractor');
const scenario = localize(content, 'en');
const key = progressKey;

/** A browser whose `otherTab` saves a run as another tab would. */
function browser() {
  const tab = fakeBrowser();
  return {
    saved: () => JSON.parse(tab.items.get(key) ?? '{}') as { scenarios?: Record<string, { run?: { steps: string[][] } }> },
    /** Another tab saves this run; `heard` says whether this tab's storage event has arrived yet. */
    otherTab(steps: { node: string; choice: string }[], heard: boolean) {
      const value = JSON.stringify({
        v: 2,
        lessons: {},
        scenarios: { [scenario.id]: { run: serialiseRun(scenario, { scenario: scenario.id, steps }) } },
      });
      tab.save(key, value, heard);
    },
  };
}

async function openPlayer() {
  const { createCoursePlayer } = await import('./course-player.ts');
  const followed = vi.fn();
  const course = createCoursePlayer(scenario, followed);
  course.open();
  return { player: course.player, followed };
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
    expect(tab.saved().scenarios?.[scenario.id]?.run?.steps).toEqual([
      ['unpaid', 'remind'],
      ['ask', 'warn'],
    ]);
    expect(steps(player)).toEqual(['unpaid/remind', 'ask/warn']);
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
