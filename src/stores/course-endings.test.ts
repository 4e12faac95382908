import { describe, expect, it, vi } from 'vitest';
import { localize } from '../engine/localize.ts';
import { markedPath } from '../engine/paths.ts';
import { fingerprint } from '../engine/index.ts';
import { loadValid } from '../../tests/unit/scenario-fixtures.ts';
import { endingTexts, withoutEndingTexts } from '../course/screen-data.ts';
import type { EndingsData } from './course-endings.ts';
import { createPlayer } from './player.ts';
import { followEndings } from './course-endings.ts';

const full = localize(loadValid('mini-contractor'), 'en');
const path = markedPath(full, 'recommended');
const data: EndingsData = { endings: endingTexts(full), meanwhile: { ask: '<summary>Meanwhile</summary>' }, messages: {} };

/** A player of the scenario as the page ships it (endings without texts), following its endings. */
function play(load: () => Promise<EndingsData>) {
  const scenario = withoutEndingTexts(full);
  const player = createPlayer(scenario, fingerprint(full));
  return { player, ...followEndings(player, scenario, load) };
}

/** Plays the recommended path to its ending, past each feedback but the last. */
function finish(player: ReturnType<typeof createPlayer>) {
  for (const [i, step] of path.entries()) {
    player.choose(step.choice);
    if (i < path.length - 1) player.continueOn();
  }
}

describe('the endings a course page sends apart', () => {
  it('are asked for once, with the choice that ends the run, and the ending then reads in full', async () => {
    const load = vi.fn(() => Promise.resolve(data));
    const { player, $endings } = play(load);
    player.choose(path[0]!.choice);
    expect(load).not.toHaveBeenCalled();
    player.restart();
    finish(player);
    expect(load).toHaveBeenCalledOnce();
    // The feedback of the last choice is on screen while they load; Continue shows the ending with its texts.
    expect($endings.get()).toEqual({ status: 'loading' });
    await vi.waitFor(() => expect($endings.get()).toEqual({ status: 'ready', data }));
    player.continueOn();
    const ending = data.endings[player.$view.get().node.id]!;
    expect(player.$view.get().debrief?.text).toBe(ending.text);
    player.restart();
    finish(player);
    expect(load).toHaveBeenCalledOnce();
  });

  it('show again an ending already on screen when they arrive', async () => {
    const { player } = play(() => Promise.resolve(data));
    finish(player);
    player.continueOn();
    // Opened at the ending: it shows without its text until the texts arrive.
    expect(player.$view.get().debrief?.text).toBe('');
    await vi.waitFor(() => expect(player.$view.get().debrief?.text).toBe(data.endings[player.$view.get().node.id]!.text));
  });

  it('are asked for again at the next ending when they could not load', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(data);
    const { player, $endings } = play(load);
    finish(player);
    await vi.waitFor(() => expect($endings.get()).toEqual({ status: 'failed' }));
    player.restart();
    finish(player);
    await vi.waitFor(() => expect($endings.get()).toEqual({ status: 'ready', data }));
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('are asked for again when the learner retries, and only after a failure', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(data);
    const { player, $endings, retry } = play(load);
    finish(player);
    player.continueOn();
    await vi.waitFor(() => expect($endings.get()).toEqual({ status: 'failed' }));
    retry();
    await vi.waitFor(() => expect($endings.get()).toEqual({ status: 'ready', data }));
    expect(player.$view.get().debrief?.text).toBe(data.endings[player.$view.get().node.id]!.text);
    retry();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('count an old copy without the outcome’s strings as not loaded, so the outcome never shows their keys', async () => {
    const old = { endings: data.endings, meanwhile: data.meanwhile } as EndingsData;
    const { player, $endings } = play(() => Promise.resolve(old));
    finish(player);
    await vi.waitFor(() => expect($endings.get()).toEqual({ status: 'failed' }));
  });
});
