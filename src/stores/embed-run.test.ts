import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { localize } from '../engine/localize.ts';
import { fingerprint, serialiseRun } from '../engine/index.ts';
import { loadValid } from '../../tests/unit/scenario-fixtures.ts';
import { fakeBrowser } from '../../tests/unit/fake-browser.ts';
import { embedRunKey } from '../browser/storage-keys.ts';
import { markedPath } from '../engine/paths.ts';
import { scenarios as course } from '../../tests/e2e/course-data.ts';
import type { HostLink } from '../embed/frame-bridge.ts';
import { embedOptions } from '../embed/protocol.ts';

const scenario = localize(loadValid('mini-contractor'), 'en');
const print = fingerprint(scenario);
const key = embedRunKey(scenario.id);
const saved = (steps: [string, string][]) =>
  JSON.stringify(serialiseRun(print, { scenario: scenario.id, steps: steps.map(([node, choice]) => ({ node, choice })) }));

/** A frame of the scenario, opened (with `remember`, as by default), with what it sends its host. */
async function openFrame(remember = true) {
  const { createEmbedPlayer } = await import('./embed-run.ts');
  const followed = vi.fn();
  const sent: [string, unknown][] = [];
  const host: HostLink = { send: (type, data) => void sent.push([type, data]) };
  const { player, open } = createEmbedPlayer(scenario, print, followed);
  const stop = open(host, { ...embedOptions(''), remember });
  const steps = () => player.$run.get().steps.map((s) => `${s.node}/${s.choice}`);
  return { player, followed, sent, stop, steps };
}

/** Continues past the first feedback, warns at the second moment, and expects both choices saved. */
function answerTheAsk(player: Awaited<ReturnType<typeof openFrame>>['player'], tab: ReturnType<typeof fakeBrowser>) {
  player.continueOn();
  player.choose('warn');
  expect(tab.items.get(key)).toBe(
    saved([
      ['unpaid', 'remind'],
      ['ask', 'warn'],
    ]),
  );
}

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  vi.resetModules();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('an embedded run kept in the browser', () => {
  it('resumes what the frame saved before it kept runs through persisted.ts (the stored run itself), and saves each change over it', async () => {
    const tab = fakeBrowser();
    // As the frame wrote it until then: JSON.stringify(player.serialise(run)), under the same key.
    tab.items.set(key, `{"v":1,"scenario":"mini-contractor","fingerprint":"${print}","steps":[["unpaid","remind"]]}`);
    const { player, steps, sent } = await openFrame();
    expect(steps()).toEqual(['unpaid/remind']);
    answerTheAsk(player, tab);
    player.back();
    expect(tab.items.get(key)).toBe(saved([['unpaid', 'remind']]));
    expect(sent.map(([type]) => type)).toEqual(['settings', 'choice', 'undo']);
  });

  for (const [what, garbage] of [
    ['not JSON', '{"v":1,"steps":[['],
    ['a run of no known shape', JSON.stringify({ v: 1, scenario: 'mini-contractor', steps: 'all of them' })],
    ['no object', '"a run"'],
  ] as const)
    it(`says in the console what it could not read (${what}), starts afresh and never throws`, async () => {
      const tab = fakeBrowser();
      tab.items.set(key, garbage);
      const { player, steps } = await openFrame();
      expect(steps()).toEqual([]);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining(`${key}: left out`));
      // What was unreadable is replaced once by the run not started, and is not reported again.
      warn.mockClear();
      player.choose('remind');
      expect(tab.items.get(key)).toBe(saved([['unpaid', 'remind']]));
      expect(warn).not.toHaveBeenCalled();
    });

  it('follows a run another frame saved, says so, and goes on from there', async () => {
    const tab = fakeBrowser();
    const { player, steps, followed } = await openFrame();
    tab.save(key, saved([['unpaid', 'remind']]));
    expect(steps()).toEqual(['unpaid/remind']);
    expect(followed).toHaveBeenCalledOnce();
    player.continueOn();
    player.choose('warn');
    expect(JSON.parse(tab.items.get(key)!).steps).toEqual([
      ['unpaid', 'remind'],
      ['ask', 'warn'],
    ]);
    // Its own saves are not taken for another frame's.
    expect(followed).toHaveBeenCalledOnce();
  });

  it('never saves a stale frame’s choice over a newer run: it shows that run instead, and reports nothing of the choice', async () => {
    const tab = fakeBrowser();
    const { player, steps, followed, sent } = await openFrame();
    player.choose('remind');
    // Another frame went on before this one heard of it.
    const newer = saved([
      ['unpaid', 'remind'],
      ['ask', 'warn'],
    ]);
    tab.save(key, newer, false);
    player.continueOn();
    player.choose('blunt');
    expect(tab.items.get(key)).toBe(newer);
    expect(steps()).toEqual(['unpaid/remind', 'ask/warn']);
    expect(followed).toHaveBeenCalledOnce();
    expect(sent.filter(([type]) => type === 'choice').map(([, data]) => (data as { choice: string }).choice)).toEqual(['remind']);
  });

  it('takes over a saved run its scenario no longer plays (it changed since) with the first choice', async () => {
    const tab = fakeBrowser();
    tab.items.set(key, saved([['gone', 'away']]));
    const { player, steps, followed } = await openFrame();
    expect(steps()).toEqual([]);
    player.choose('remind');
    expect(tab.items.get(key)).toBe(saved([['unpaid', 'remind']]));
    expect(followed).not.toHaveBeenCalled();
  });

  it('goes on from a run saved before the scenario’s content changed (another fingerprint), saving the next choice over it', async () => {
    const tab = fakeBrowser();
    tab.items.set(key, JSON.stringify({ v: 1, scenario: scenario.id, fingerprint: 'before', steps: [['unpaid', 'remind']] }));
    const { player, steps, followed } = await openFrame();
    expect(steps()).toEqual(['unpaid/remind']);
    answerTheAsk(player, tab);
    expect(followed).not.toHaveBeenCalled();
  });

  it('never writes over a run a newer version saved: it plays on in the page', async () => {
    const tab = fakeBrowser();
    const newer = JSON.stringify({ v: 2, scenario: scenario.id, steps: [] });
    tab.items.set(key, newer);
    const { player, steps } = await openFrame();
    player.choose('remind');
    player.continueOn();
    player.choose('warn');
    expect(steps()).toEqual(['unpaid/remind', 'ask/warn']);
    expect(tab.items.get(key)).toBe(newer);
  });

  it('with `remember: false`, keeps the run in memory: nothing read or written, no other frame followed', async () => {
    const tab = fakeBrowser();
    tab.items.set(key, saved([['unpaid', 'remind']]));
    const { player, steps, followed, sent } = await openFrame(false);
    expect(sent).toEqual([['settings', { undo: false, remember: false, hideScore: false }]]);
    expect(steps()).toEqual([]);
    player.choose('wait');
    player.continueOn();
    expect(steps()).toEqual(['unpaid/wait']);
    tab.save(key, saved([['unpaid', 'remind']]));
    expect(steps()).toEqual(['unpaid/wait']);
    expect(followed).not.toHaveBeenCalled();
    expect(tab.items.get(key)).toBe(saved([['unpaid', 'remind']]));
  });

  it('tells the host it remembers only where the frame has storage to remember with', async () => {
    fakeBrowser();
    const { sent } = await openFrame();
    expect(sent).toEqual([['settings', { undo: false, remember: true, hideScore: false }]]);
    vi.resetModules();
    // A sandboxed frame: it has no storage, and every use of it throws.
    vi.stubGlobal('localStorage', undefined);
    const sandboxed = await openFrame();
    expect(sandboxed.sent).toEqual([['settings', { undo: false, remember: false, hideScore: false }]]);
  });

  it('stops following when the frame goes', async () => {
    const tab = fakeBrowser();
    const { steps, stop } = await openFrame();
    stop();
    tab.save(key, saved([['unpaid', 'remind']]));
    expect(steps()).toEqual([]);
  });
});

/** tests/fixtures/embed/<commit>/: the runs each released version's frame saved, made with that version's own code. */
const fixtures = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'embed');
const savedBy = readdirSync(fixtures, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) =>
    readdirSync(join(fixtures, entry.name)).map((name) => ({
      commit: entry.name,
      name,
      text: readFileSync(join(fixtures, entry.name, name), 'utf8'),
    })),
  );

describe('runs saved by each released version of the embed frame', () => {
  it('are there for the frame that saved runs itself and the one with the embed-run store', () => {
    expect(savedBy.map(({ commit, name }) => `${commit}/${name}`).sort()).toEqual([
      '33292c2/client-finished.json',
      '33292c2/contractor-under-way.json',
      '8edc5f1/client-finished.json',
      '8edc5f1/contractor-under-way.json',
    ]);
  });

  // What was played (tests/fixtures/embed/record.ts): the contractor's recommended path in English,
  // two decisions in; the client's in Russian, to its ending. Today's scenarios still replay both.
  for (const { commit, name, text } of savedBy)
    it(`${commit}/${name}: a frame today resumes the run where it was, every step, and leaves what is saved as it is`, async () => {
      const recorded = JSON.parse(text) as { v: number; scenario: string; fingerprint: string; steps: [string, string][] };
      const finished = name.startsWith('client-finished');
      const today = localize(course.find((s) => s.id === recorded.scenario)!, finished ? 'ru' : 'en');
      const tab = fakeBrowser();
      tab.items.set(embedRunKey(today.id), text);
      const { createEmbedPlayer } = await import('./embed-run.ts');
      const { player, open } = createEmbedPlayer(today, fingerprint(today), () => {});
      const stop = open({ send() {} }, embedOptions(''));
      expect(recorded).toMatchObject({ v: 1, scenario: finished ? 'client' : 'contractor' });
      expect(recorded.steps).toHaveLength(finished ? markedPath(today, 'recommended').length : 2);
      expect(player.$run.get().steps.map((s) => [s.node, s.choice])).toEqual(recorded.steps);
      expect(player.$view.get().node.type).toBe(finished ? 'ending' : 'decision');
      expect(tab.items.get(embedRunKey(today.id))).toBe(text);
      stop();
    });
});
