// What a browser gives the stores and Node lacks: a window with its events and a localStorage
// kept in a Map. `save` writes as another tab would, heard by this one (`heard`) or not yet.
import { afterEach, beforeEach, vi } from 'vitest';

export interface FakeBrowser {
  /** The stored items, by key. */
  items: Map<string, string>;
  /** The tab's own items (sessionStorage), by key. */
  tabItems: Map<string, string>;
  /** Writes `value` under `key` as another tab would; with `heard`, this tab's storage event fires. */
  save(key: string, value: string, heard?: boolean): void;
}

// Node has no window events. nanostores unmounts a store 1 s after its last listener has gone
// (STORE_UNMOUNT_DELAY), and a store read with `get()` alone mounts and schedules that too: on a
// busy machine the unmount can run after its test has ended and the stubs below are undone. It
// then removes its listeners from this empty target, instead of calling a global Node lacks.
if (!('removeEventListener' in globalThis)) {
  const nowhere = new EventTarget();
  Object.assign(globalThis, {
    addEventListener: nowhere.addEventListener.bind(nowhere),
    removeEventListener: nowhere.removeEventListener.bind(nowhere),
  });
}

/** Stubs `window`, its events, `localStorage` and `sessionStorage` (undo with `vi.unstubAllGlobals()`). */
export function fakeBrowser(): FakeBrowser {
  const items = new Map<string, string>();
  const tabItems = new Map<string, string>();
  const events = new EventTarget();
  vi.stubGlobal('window', globalThis);
  vi.stubGlobal('addEventListener', events.addEventListener.bind(events));
  vi.stubGlobal('removeEventListener', events.removeEventListener.bind(events));
  vi.stubGlobal('dispatchEvent', events.dispatchEvent.bind(events));
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  });
  vi.stubGlobal('sessionStorage', {
    getItem: (k: string) => tabItems.get(k) ?? null,
    setItem: (k: string, v: string) => void tabItems.set(k, v),
    removeItem: (k: string) => void tabItems.delete(k),
  });
  return {
    items,
    tabItems,
    save(key, value, heard = true) {
      items.set(key, value);
      if (heard) events.dispatchEvent(Object.assign(new Event('storage'), { key, newValue: value }));
    },
  };
}

/**
 * For a test file whose stores keep state at module level: each test imports them afresh
 * (`vi.resetModules()`), with the stores' console warnings silenced, and leaves no stubbed
 * global or mock behind. Call once at the top of the file.
 */
export function freshStoresEachTest(): void {
  beforeEach(() => {
    vi.resetModules();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });
}
