import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser, freshStoresEachTest } from '../../tests/unit/fake-browser.ts';
import { decodeVersioned, encodeVersioned, readableVersions, type Format, type StorageNotice } from './persisted.ts';

/**
 * A list of names. Version 1 saved `{ v: 1, list: "Ada,Grace" }`, version 2 `{ v: 2, people: [...] }`,
 * version 3 (current) `{ v: 3, names: [...] }`; a name that is not a string is dropped.
 */
const names: Format<string[]> = {
  version: 3,
  up: {
    1: ({ list, ...rest }) => ({ ...rest, people: typeof list === 'string' ? list.split(',') : list }),
    2: ({ people, ...rest }) => ({ ...rest, names: people }),
  },
  decode(saved) {
    const all = Array.isArray(saved['names']) ? (saved['names'] as unknown[]) : [];
    const value = all.filter((n): n is string => typeof n === 'string');
    return { value, dropped: all.length === value.length ? [] : ['names'] };
  },
  encode: (value) => ({ names: value }),
  empty: () => [],
};
const key = 'checks-in-the-mail/test-names';
const encoded = (value: string[]) => JSON.stringify({ v: 3, names: value });

async function open() {
  const { persisted } = await import('./persisted.ts');
  return persisted(key, names);
}

freshStoresEachTest();

describe('a versioned format', () => {
  it('migrates what each older version saved, step by step, without loss', () => {
    expect(decodeVersioned({ v: 1, list: 'Ada,Grace' }, names)).toEqual({ value: ['Ada', 'Grace'], dropped: [] });
    expect(decodeVersioned({ v: 2, people: ['Ada', 'Grace'] }, names)).toEqual({ value: ['Ada', 'Grace'], dropped: [] });
    expect(decodeVersioned({ v: 3, names: ['Ada', 'Grace'] }, names)).toEqual({ value: ['Ada', 'Grace'], dropped: [] });
  });

  it('reads a newer version as empty and marks it kept, so that it is not written over', () => {
    expect(decodeVersioned({ v: 4, names: ['Ada'] }, names)).toEqual({
      value: [],
      dropped: [expect.stringMatching(/version 4/)],
      kept: 'newer',
    });
  });

  it('keeps, as unknown, a version that is missing, not an integer or one no version wrote; what is no record at all is not read', () => {
    for (const v of [undefined, '3', 2.5, null, 0, -1, '']) {
      expect(decodeVersioned({ v, names: ['Ada'] }, names)).toEqual({
        value: [],
        dropped: [`everything: format version ${JSON.stringify(v)}`],
        kept: 'unknown',
      });
    }
    for (const value of [[], null, 'names', 3])
      expect(decodeVersioned(value, names)).toEqual({ value: [], dropped: ['everything: not an object'] });
  });

  it('reads the versions it has a step from, and its own; saves its own', () => {
    expect(readableVersions(names)).toEqual([1, 2, 3]);
    expect(encodeVersioned(names, ['Ada'])).toEqual({ v: 3, names: ['Ada'] });
  });

  it('reads what was saved before the value had a version through a step from 0, where the format has one', () => {
    const unversioned: Format<string[]> = { ...names, up: { 0: ({ csv }) => ({ list: csv }), ...names.up } };
    expect(decodeVersioned({ csv: 'Ada,Grace' }, unversioned)).toEqual({ value: ['Ada', 'Grace'], dropped: [] });
    expect(decodeVersioned({ v: 1, list: 'Ada' }, unversioned)).toEqual({ value: ['Ada'], dropped: [] });
    expect(readableVersions(unversioned)).toEqual([0, 1, 2, 3]);
    // A version that is there but not an integer is still unknown, step from 0 or not.
    expect(decodeVersioned({ v: '1', list: 'Ada' }, unversioned)).toMatchObject({ value: [], kept: 'unknown' });
  });
});

describe('a value kept in the browser', () => {
  it('reads an older version migrated, and saves it in the current one only when it changes', async () => {
    const tab = fakeBrowser();
    tab.items.set(key, JSON.stringify({ v: 1, list: 'Ada' }));
    const kept = await open();
    expect(kept.read()).toEqual({ value: ['Ada'], notice: undefined });
    expect(tab.items.get(key)).toBe(JSON.stringify({ v: 1, list: 'Ada' }));
    kept.update((v) => [...v, 'Grace']);
    expect(tab.items.get(key)).toBe(encoded(['Ada', 'Grace']));
  });

  it('writes back what survived a damaged save, once, and says so', async () => {
    const tab = fakeBrowser();
    tab.items.set(key, JSON.stringify({ v: 3, names: ['Ada', 7, 'Grace'] }));
    const kept = await open();
    expect(kept.read()).toEqual({ value: ['Ada', 'Grace'], notice: 'reset' });
    expect(tab.items.get(key)).toBe(encoded(['Ada', 'Grace']));
    expect(kept.read()).toEqual({ value: ['Ada', 'Grace'], notice: undefined });
    tab.items.set(key, '{not json');
    expect(kept.read()).toEqual({ value: [], notice: 'reset' });
  });

  it('applies a change to what is saved now, so another tab’s save is not undone', async () => {
    const tab = fakeBrowser();
    const kept = await open();
    kept.update((v) => [...v, 'Ada']);
    tab.save(key, encoded(['Ada', 'Grace']), false);
    expect(kept.update((v) => [...v, 'Linus'])).toEqual({ value: ['Ada', 'Grace', 'Linus'], notice: undefined });
    // A change that changes nothing reads what is saved now, and writes nothing.
    tab.save(key, JSON.stringify({ v: 2, people: ['Ada'] }), false);
    expect(kept.update((v) => v).value).toEqual(['Ada']);
    expect(tab.items.get(key)).toBe(JSON.stringify({ v: 2, people: ['Ada'] }));
  });

  it('never writes over what a newer version saved: the change stays in the page’s copy, and the notice says why', async () => {
    const tab = fakeBrowser();
    const newer = JSON.stringify({ v: 4, people: ['Ada'] });
    tab.items.set(key, newer);
    const kept = await open();
    expect(kept.read()).toEqual({ value: [], notice: 'newer' });
    expect(kept.update((v) => [...v, 'Grace'], ['Linus'])).toEqual({ value: ['Linus', 'Grace'], notice: 'newer' });
    expect(tab.items.get(key)).toBe(newer);
  });

  it('never writes over what has a version it cannot place: the learner is told, and changes stay in the page', async () => {
    const tab = fakeBrowser();
    const unknown = JSON.stringify({ v: '3', names: ['Ada'] });
    tab.items.set(key, unknown);
    const kept = await open();
    expect(kept.read()).toEqual({ value: [], notice: 'unknown' });
    expect(kept.update((v) => [...v, 'Grace'], ['Linus'])).toEqual({ value: ['Linus', 'Grace'], notice: 'unknown' });
    expect(tab.items.get(key)).toBe(unknown);
    const heard: string[][] = [];
    kept.listen((v) => heard.push(v));
    tab.save(key, JSON.stringify({ names: ['Barbara'] }));
    expect(heard).toEqual([]);
  });

  it('hears other tabs’ saves of its key, but not a newer version’s, until it stops listening', async () => {
    const tab = fakeBrowser();
    const kept = await open();
    const heard: string[][] = [];
    const stop = kept.listen((v) => heard.push(v));
    tab.save(key, encoded(['Ada']));
    tab.save(key, JSON.stringify({ v: 4, people: [] }));
    tab.save('checks-in-the-mail/another', encoded(['Grace']));
    tab.save(key, JSON.stringify({ v: 2, people: ['Linus'] }));
    stop();
    tab.save(key, encoded(['Barbara']));
    expect(heard).toEqual([['Ada'], ['Linus']]);
  });

  it('hears another tab clear all of storage (a storage event without a key) as the value emptied', async () => {
    const tab = fakeBrowser();
    tab.items.set(key, encoded(['Ada']));
    const kept = await open();
    const heard: string[][] = [];
    kept.listen((v) => heard.push(v));
    tab.items.clear();
    dispatchEvent(Object.assign(new Event('storage'), { key: null, newValue: null }));
    expect(heard).toEqual([[]]);
  });

  it('reads what is saved when the page comes back from the back/forward cache, where it heard no other tab', async () => {
    const tab = fakeBrowser();
    const kept = await open();
    const heard: string[][] = [];
    const stop = kept.listen((v) => heard.push(v));
    // The page shown the first time (not from the cache) reads nothing more.
    dispatchEvent(Object.assign(new Event('pageshow'), { persisted: false }));
    tab.save(key, encoded(['Ada']), false);
    dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));
    expect(heard).toEqual([['Ada']]);
    // What a newer version saved meanwhile is not heard (the page's copy must not turn empty).
    tab.save(key, JSON.stringify({ v: 4, names: [] }), false);
    dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));
    stop();
    tab.save(key, encoded(['Grace']), false);
    dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));
    expect(heard).toEqual([['Ada']]);
  });

  it('keeps the value in memory for the visit where nothing can be saved, and says so', async () => {
    fakeBrowser();
    vi.stubGlobal('localStorage', undefined);
    const kept = await open();
    expect(kept.update((v) => [...v, 'Ada'])).toEqual({ value: ['Ada'], notice: 'unavailable' });
    expect(kept.read()).toEqual({ value: ['Ada'], notice: 'unavailable' });
  });

  it('keeps the value in memory where the quota is reached, over what storage still holds', async () => {
    const tab = fakeBrowser();
    tab.items.set(key, encoded(['Ada']));
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => tab.items.get(k) ?? null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    });
    const kept = await open();
    expect(kept.update((v) => [...v, 'Grace'])).toEqual({ value: ['Ada', 'Grace'], notice: 'unavailable' });
    expect(kept.update((v) => v).value).toEqual(['Ada', 'Grace']);
    expect(tab.items.get(key)).toBe(encoded(['Ada']));
  });
});

describe('a store of a kept value', () => {
  it('reads nothing until something listens or reads it, then follows other tabs while listened to', async () => {
    const tab = fakeBrowser();
    tab.items.set(key, encoded(['Ada']));
    const { persisted } = await import('./persisted.ts');
    const { persistedAtom, updatePersisted } = await import('./persisted-store.ts');
    const { atom } = await import('nanostores');
    const kept = persisted(key, names);
    const read = vi.spyOn(kept, 'read');
    const $notice = atom<StorageNotice>(undefined);
    const $names = persistedAtom(kept, () => [], $notice);
    expect(read).not.toHaveBeenCalled();
    const stop = $names.listen(() => {});
    expect($names.get()).toEqual(['Ada']);
    tab.save(key, encoded(['Ada', 'Grace']));
    expect($names.get()).toEqual(['Ada', 'Grace']);
    updatePersisted(kept, $names, $notice, (v) => [...v, 'Linus']);
    expect(tab.items.get(key)).toBe(encoded(['Ada', 'Grace', 'Linus']));
    expect($notice.get()).toBeUndefined();
    stop();
  });

  it('tells its notice: a newer version’s value is kept, and changes stay in the page', async () => {
    const tab = fakeBrowser();
    const newer = JSON.stringify({ v: 4, people: ['Ada'] });
    tab.items.set(key, newer);
    const { persisted } = await import('./persisted.ts');
    const { persistedAtom, updatePersisted } = await import('./persisted-store.ts');
    const { atom } = await import('nanostores');
    const kept = persisted(key, names);
    const $notice = atom<StorageNotice>(undefined);
    const $names = persistedAtom(kept, () => [], $notice);
    $names.listen(() => {});
    expect($notice.get()).toBe('newer');
    updatePersisted(kept, $names, $notice, (v) => [...v, 'Grace']);
    expect($names.get()).toEqual(['Grace']);
    expect(tab.items.get(key)).toBe(newer);
  });

  it('reads nothing on the server, where there is no window', async () => {
    const { persisted } = await import('./persisted.ts');
    const { persistedAtom } = await import('./persisted-store.ts');
    const { atom } = await import('nanostores');
    const kept = persisted(key, names);
    const read = vi.spyOn(kept, 'read');
    const $names = persistedAtom(kept, () => ['empty'], atom<StorageNotice>(undefined));
    expect($names.get()).toEqual(['empty']);
    expect(read).not.toHaveBeenCalled();
  });
});
