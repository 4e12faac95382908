import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredRun } from '../engine/stored-run.ts';

const run = (...steps: [string, string][]): StoredRun => ({ v: 1, scenario: 'client', fingerprint: 'f', steps });

beforeEach(() => {
  vi.resetModules();
  const items = new Map<string, string>();
  const events = new EventTarget();
  vi.stubGlobal('addEventListener', events.addEventListener.bind(events));
  vi.stubGlobal('removeEventListener', events.removeEventListener.bind(events));
  vi.stubGlobal('dispatchEvent', events.dispatchEvent.bind(events));
  vi.stubGlobal('localStorage', { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) });
});
afterEach(() => vi.unstubAllGlobals());

describe('an embedded scenario’s saved run', () => {
  it('is saved over the run it was made from, and not over a newer one another tab saved', async () => {
    const { embedRunStore } = await import('./embed-runs.ts');
    const tabA = embedRunStore('client', () => true);
    const tabB = embedRunStore('client', () => true);
    expect(tabA.write(run(['a', '1']), run())).toBe(true);
    expect(tabB.write(run(['a', '2']), run())).toBe(false);
    expect(tabB.read()).toEqual(run(['a', '1']));
    expect(tabB.write(run(['a', '1'], ['b', '1']), run(['a', '1']))).toBe(true);
  });

  it('hears other tabs’ saves of its own key only', async () => {
    const { embedRunStore, embedRunKey } = await import('./embed-runs.ts');
    const heard = vi.fn();
    const stop = embedRunStore('client', () => true).listen(heard);
    dispatchEvent(Object.assign(new Event('storage'), { key: embedRunKey('contractor') }));
    dispatchEvent(Object.assign(new Event('storage'), { key: embedRunKey('client') }));
    stop();
    dispatchEvent(Object.assign(new Event('storage'), { key: embedRunKey('client') }));
    expect(heard).toHaveBeenCalledOnce();
  });

  it('keeps nothing and follows no one when the embed was told not to remember', async () => {
    const { embedRunStore } = await import('./embed-runs.ts');
    const keeps = embedRunStore('client', () => true);
    keeps.write(run(['a', '1']), run());
    const forgets = embedRunStore('client', () => false);
    expect(forgets.read()).toBeUndefined();
    expect(forgets.write(run(['a', '2']), run())).toBe(true);
    expect(keeps.read()).toEqual(run(['a', '1']));
  });
});
