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

async function freshStorage(local: Storage | undefined) {
  vi.resetModules();
  vi.stubGlobal('localStorage', local);
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  return import('./storage.ts');
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
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

  it('works from memory alone when storage cannot be reached at all', async () => {
    const throwing = new Proxy(fullAfter(1000), {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    const { readItem, storageState, writeItem } = await freshStorage(throwing);
    expect(readItem('progress')).toBeNull();
    writeItem('progress', '{"v":1}');
    expect(readItem('progress')).toBe('{"v":1}');
    expect(storageState()).toBe('unavailable');
  });
});
