import { afterEach, describe, expect, it, vi } from 'vitest';

/** A localStorage that refuses to store more than `room` characters in all. */
function fullAfter(room: number): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (i: number) => [...items.keys()][i] ?? null,
    getItem: (k: string) => items.get(k) ?? null,
    setItem(k: string, v: string) {
      const used = [...items].reduce((n, [key, value]) => n + (key === k ? 0 : value.length), 0);
      if (used + v.length > room) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      items.set(k, v);
    },
    removeItem: (k: string) => void items.delete(k),
    clear: () => items.clear(),
  };
}

/** The window's events, which Node lacks: the module listens for other tabs' writes. */
function stubWindowEvents() {
  const events = new EventTarget();
  vi.stubGlobal('addEventListener', events.addEventListener.bind(events));
  vi.stubGlobal('dispatchEvent', events.dispatchEvent.bind(events));
}

async function freshStorage(local: Storage | undefined) {
  vi.resetModules();
  stubWindowEvents();
  vi.stubGlobal('localStorage', local);
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  return import('./storage.ts');
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  Reflect.deleteProperty(globalThis, 'localStorage');
});

describe('browser storage that fills up part-way through a visit', () => {
  it('keeps the refused value in memory, still reads the rest, and says so', async () => {
    const { readItem, storageState, writeItem } = await freshStorage(fullAfter(20));
    writeItem('sessions', 'saved earlier');
    expect(storageState()).toBe('ok');
    writeItem('progress', 'far too long to fit in what is left');
    writeItem('progress', 'still far too long to fit, again');
    expect(readItem('progress')).toBe('still far too long to fit, again');
    expect(readItem('sessions')).toBe('saved earlier');
    expect(storageState()).toBe('unavailable');
  });

  it('is back to saving once a later write succeeds, and takes what another tab saved over its copy', async () => {
    const local = fullAfter(20);
    const { readItem, storageState, writeItem } = await freshStorage(local);
    writeItem('progress', 'far too long to fit in what is left');
    expect(storageState()).toBe('unavailable');
    writeItem('progress', 'fits now');
    expect(storageState()).toBe('ok');
    expect(readItem('progress')).toBe('fits now');

    writeItem('progress', 'refused again: far too long to fit');
    local.setItem('progress', 'other tab');
    dispatchEvent(Object.assign(new Event('storage'), { key: 'progress', storageArea: local }));
    expect(readItem('progress')).toBe('other tab');
  });

  it('keeps its copy in memory when another area (sessionStorage) changes under the same key', async () => {
    const local = fullAfter(20);
    const { readItem, writeItem } = await freshStorage(local);
    writeItem('progress', 'refused: far too long to fit in it');
    const session = fullAfter(100);
    session.setItem('progress', 'this tab’s session');
    dispatchEvent(Object.assign(new Event('storage'), { key: 'progress', storageArea: session }));
    expect(readItem('progress')).toBe('refused: far too long to fit in it');
    // The same event about this area takes what was saved there.
    local.setItem('progress', 'other tab');
    dispatchEvent(Object.assign(new Event('storage'), { key: 'progress', storageArea: local }));
    expect(readItem('progress')).toBe('other tab');
  });

  it('works from memory alone when reading localStorage itself throws (a sandboxed frame)', async () => {
    vi.resetModules();
    stubWindowEvents();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    const { readItem, storageState, writeItem } = await import('./storage.ts');
    expect(readItem('progress')).toBeNull();
    writeItem('progress', '{"v":1}');
    expect(readItem('progress')).toBe('{"v":1}');
    expect(storageState()).toBe('unavailable');
    // An event under the key cannot be told to be this area's (reading it throws): memory, the only copy, stays.
    dispatchEvent(Object.assign(new Event('storage'), { key: 'progress', storageArea: null }));
    expect(readItem('progress')).toBe('{"v":1}');
  });
});

describe('the two storage areas', () => {
  it('each falls back on its own: a blocked sessionStorage keeps its values in memory while localStorage still saves', async () => {
    const local = fullAfter(1_000);
    const { localArea, storageArea } = await freshStorage(local);
    Object.defineProperty(globalThis, 'sessionStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    try {
      const tab = storageArea('sessionStorage');
      expect(tab.getItem('cmi5')).toBeNull();
      tab.setItem('cmi5', 'session');
      expect(tab.getItem('cmi5')).toBe('session');
      expect(tab.state()).toBe('unavailable');
      expect(console.warn).toHaveBeenCalled();

      localArea.setItem('progress', 'saved');
      expect(local.getItem('progress')).toBe('saved');
      expect(localArea.state()).toBeUndefined();
    } finally {
      Reflect.deleteProperty(globalThis, 'sessionStorage');
    }
  });

  it('keeps everything in memory, in either area, once told not to remember', async () => {
    const local = fullAfter(1_000);
    const { storageArea, storageState, useMemoryOnly, writeItem, readItem } = await freshStorage(local);
    vi.stubGlobal('sessionStorage', fullAfter(1_000));
    useMemoryOnly();
    writeItem('progress', 'this visit only');
    const tab = storageArea('sessionStorage');
    tab.setItem('cmi5', 'this visit only');
    expect([readItem('progress'), tab.getItem('cmi5')]).toEqual(['this visit only', 'this visit only']);
    expect([local.length, sessionStorage.length]).toEqual([0, 0]);
    expect(storageState()).toBe('unavailable');
  });
});
