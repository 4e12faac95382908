import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '../../tests/unit/fake-browser.ts';
import { workshopsKey } from '../browser/storage-keys.ts';
import type { WorkshopSession } from '../workshop/session.ts';

/** tests/fixtures/workshop/<commit>/local-storage.json: the sessions each released version saved, made with that version's own code. */
const fixtures = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'workshop');
const savedBy = readdirSync(fixtures, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => ({ commit: entry.name, text: readFileSync(join(fixtures, entry.name, 'local-storage.json'), 'utf8') }));

beforeEach(() => vi.resetModules());
afterEach(() => vi.unstubAllGlobals());

describe('workshop sessions saved by each released version', () => {
  it('are there for the version before live voting and the one with it', () => {
    expect(savedBy.map((s) => s.commit).sort()).toEqual(['33292c2', '8edc5f1']);
  });

  for (const { commit, text } of savedBy)
    it(`${commit}: every session loads as it was saved, votes, steps, timer and all, and nothing is written back`, async () => {
      const tab = fakeBrowser();
      tab.items.set(workshopsKey, text);
      const saved = JSON.parse(text) as { v: number; sessions: Record<string, WorkshopSession> };
      const { savedSessions } = await import('./workshops.ts');
      const { value, notice } = savedSessions.read();
      expect(notice).toBeUndefined();
      expect(Object.keys(value)).toEqual(['recorded-tuesday', 'recorded-wednesday']);
      // Every field of every session, as that version wrote it.
      expect(value).toEqual(saved.sessions);
      expect(tab.items.get(workshopsKey)).toBe(text);
      // What was played (tests/fixtures/workshop/record.ts): a decision taken by the majority of
      // seven hand votes, two votes at the next one, a five-minute timer paused.
      const tuesday = value['recorded-tuesday']!;
      expect(tuesday).toMatchObject({ scenario: 'contractor', name: 'Tuesday group', timer: { remaining: 300_000 } });
      expect(tuesday.steps).toHaveLength(1);
      expect(Object.values(tuesday.tallies[0]!).sort()).toEqual([1, 2, 4]);
      expect(tuesday.steps[0]!.choice).toBe(Object.entries(tuesday.tallies[0]!).find(([, n]) => n === 4)![0]);
      expect(Object.values(tuesday.tallies[1]!)).toEqual([1, 1]);
      const wednesday = value['recorded-wednesday']!;
      expect(wednesday).toMatchObject({ scenario: 'client', name: 'Wednesday group', feedback: true });
      expect(wednesday.steps).toHaveLength(1);
      expect(Object.values(wednesday.tallies[0]!)).toEqual([2]);
      // With live voting, two phones' votes at the first decision, kept apart from the hand count.
      if (commit === '8edc5f1') expect(wednesday.phones).toBeUndefined();
      else expect(wednesday.phones?.map((tally) => Object.values(tally))).toEqual([[2], []]);
    });

  it('a session of those changed by this version is saved over what that version saved, the other sessions kept as they were', async () => {
    for (const { text } of savedBy) {
      vi.resetModules();
      const tab = fakeBrowser();
      tab.items.set(workshopsKey, text);
      const saved = JSON.parse(text) as { sessions: Record<string, WorkshopSession> };
      const { deleteSession } = await import('./workshops.ts');
      deleteSession('recorded-tuesday');
      expect(JSON.parse(tab.items.get(workshopsKey)!)).toEqual({
        v: 1,
        sessions: { 'recorded-wednesday': saved.sessions['recorded-wednesday'] },
      });
    }
  });
});

describe('the order of saved sessions', () => {
  const at = (id: string, updatedAt: string, scenario = 'client') => ({ id, updatedAt, scenario }) as WorkshopSession;
  const sessions = {
    a: at('a', '2026-03-02T09:00:00.000Z'),
    b: at('b', '2026-03-04T09:00:00.000Z', 'contractor'),
    c: at('c', '2026-03-03T09:00:00.000Z'),
  };

  it('newestFirst lists the most recently changed first and leaves the sessions as they were', async () => {
    const { newestFirst } = await import('./workshops.ts');
    expect(newestFirst(sessions).map((s) => s.id)).toEqual(['b', 'c', 'a']);
    expect(Object.keys(sessions)).toEqual(['a', 'b', 'c']);
    expect(newestFirst({})).toEqual([]);
  });

  it('latestSession is the newest of those that fit, in the same order', async () => {
    const { latestSession } = await import('./workshops.ts');
    expect(latestSession(sessions, () => true)?.id).toBe('b');
    expect(latestSession(sessions, (s) => s.scenario === 'client')?.id).toBe('c');
    expect(latestSession(sessions, () => false)).toBeUndefined();
  });
});

describe('the saved sessions’ list without sessions', () => {
  it('says none is saved yet, or that this browser cannot save them, and nothing once there is a session to list', async () => {
    const { emptyListNotice } = await import('./workshops.ts');
    expect(emptyListNotice(0, true)).toBe('workshop.noSessions');
    expect(emptyListNotice(0, false)).toBe('workshop.listOff');
    expect(emptyListNotice(2, false)).toBeUndefined();
    expect(emptyListNotice(1, true)).toBeUndefined();
  });
});
