// Browser storage that never takes the page down: private modes, full disks and sandboxed frames
// throw on access. What cannot be saved is kept in memory for this visit, over whatever storage
// still holds; storageState() then says so, for the page to tell the learner.
export type StorageState = 'ok' | 'unavailable';

/** One storage area (localStorage or sessionStorage) with its fallback to memory. */
export interface StorageArea {
  /** The saved value, or null when there is none (or storage cannot be read). */
  readItem(key: string): string | null;
  /** Saves a value; where storage refuses, it is kept in memory for this visit. */
  writeItem(key: string, value: string): void;
  /** 'unavailable' once anything had to be kept in memory instead. */
  storageState(): StorageState;
  /** Keeps state in memory from now on, whatever storage would allow (an embed that was told not to remember). */
  useMemoryOnly(): void;
}

/**
 * The fallback-to-memory wrapper around one of the window's storage areas. Only localStorage is
 * shared with other tabs, so only there does another tab's save replace this tab's memory copy.
 */
export function storageArea(name: 'localStorage' | 'sessionStorage'): StorageArea {
  /** Values kept for this visit only: every value once storage is unusable, else those it refused. */
  let memory: Map<string, string> | undefined;
  /** Whether the area is out of reach altogether (not just refusing a write). */
  let unreachable = false;

  const fallBack = (why: string, error: unknown, whole: boolean) => {
    console.warn(`${why}; keeping it in memory for this visit.`, error);
    unreachable ||= whole;
    if (memory) return;
    memory = new Map();
    // What another tab manages to save is newer than this tab's copy in memory.
    if (name === 'localStorage') addEventListener('storage', (event) => event.key && memory!.delete(event.key));
  };

  const store = (): Storage | undefined => {
    if (unreachable) return undefined;
    try {
      const s = globalThis[name];
      if (!s) throw new Error(`no ${name}`);
      return s;
    } catch (error) {
      fallBack(`Browser storage (${name}) is not available`, error, true);
      return undefined;
    }
  };

  return {
    readItem(key) {
      const kept = memory?.get(key);
      if (kept !== undefined) return kept;
      const s = store();
      if (!s) return null;
      try {
        return s.getItem(key);
      } catch (error) {
        fallBack(`Reading browser storage (${name}) failed`, error, true);
        return null;
      }
    },
    writeItem(key, value) {
      const s = store();
      if (s) {
        try {
          s.setItem(key, value);
          memory?.delete(key);
          return;
        } catch (error) {
          // A full disk or quota: the rest of storage still reads, this value lives in memory.
          fallBack(`Saving to browser storage (${name}) failed`, error, false);
        }
      }
      memory!.set(key, value);
    },
    storageState() {
      store();
      return unreachable || memory?.size ? 'unavailable' : 'ok';
    },
    useMemoryOnly() {
      unreachable = true;
      memory ??= new Map();
    },
  };
}

/** This browser's storage, shared by every tab of the course: progress, sessions, embeds' runs. */
export const { readItem, writeItem, storageState, useMemoryOnly } = storageArea('localStorage');

/** This tab's storage, gone when the tab closes: what belongs to one LMS session. */
export const tabStorage = /* @__PURE__ */ storageArea('sessionStorage');
