// Browser storage that never takes the page down: private modes, full disks and sandboxed frames
// throw on access. What cannot be saved is kept in memory for this visit, over whatever storage
// still holds; the area's state() then says so, for the page to tell the learner. The course
// keeps its values in localStorage (localArea, and the functions exported below for the pages
// that use them one by one); a cmi5 session keeps its tab's state in sessionStorage, an area made
// the same way by storageArea().
import { probeKey } from '../browser/storage-keys.ts';

export type StorageState = 'ok' | 'unavailable';

/** One storage area with its fallback to memory: the same code for localStorage and sessionStorage. */
export interface StorageArea {
  /** The value saved under `key`, or kept in memory for it this visit; null when there is none. */
  getItem(key: string): string | null;
  /** Saves `value` under `key`; what the area refuses (a full disk, a blocked area) is kept in memory for this visit. */
  setItem(key: string, value: string): void;
  /**
   * 'unavailable' when something is kept in memory only or the area is out of reach (what
   * persisted.ts tells the user), else undefined.
   */
  state(): 'unavailable' | undefined;
}

/** Whether every area keeps its values in memory only (useMemoryOnly). */
let memoryOnly = false;

/** `localStorage` (kept across visits) or `sessionStorage` (kept for the tab), each with its own fallback to memory. */
export function storageArea(name: 'localStorage' | 'sessionStorage'): StorageArea {
  /** Values kept for this visit only: every value once the area is unusable, else those it refused. */
  let memory: Map<string, string> | undefined;
  /** Whether the area is out of reach altogether (not just refusing a write). */
  let unreachable = false;

  const fallBack = (error: unknown, whole: boolean) => {
    console.warn('Browser storage failed, using memory', error);
    unreachable ||= whole;
    if (memory) return;
    memory = new Map();
    // What another page manages to save in this area (another tab's, for localStorage; another
    // frame of this tab's, for sessionStorage) is newer than the copy in memory. An event about
    // another area leaves it; so does any while the area is out of reach (attempt then reads nothing).
    // (A cleared area has no key, and deletes nothing.)
    addEventListener('storage', (event) => attempt((s) => event.storageArea === s && memory!.delete(event.key!), true));
  };

  /**
   * `use` applied to the area; undefined where it is out of reach (or not to be used), or where
   * `use` threw (`whole`: the area is then taken as out of reach for the rest of the visit).
   */
  const attempt = <T>(use: (s: Storage) => T, whole: boolean): T | undefined => {
    if (unreachable || memoryOnly) return undefined;
    try {
      // Private modes and sandboxed frames throw on access; a browser without it has none.
      return use(globalThis[name]);
    } catch (error) {
      fallBack(error, whole);
      return undefined;
    }
  };

  return {
    getItem: (key) => memory?.get(key) ?? attempt((s) => s.getItem(key), true) ?? null,
    setItem(key, value) {
      const saved = attempt((s) => {
        s.setItem(key, value);
        memory?.delete(key);
        return true;
      }, false);
      // A full disk or quota: the rest of the area still reads, this value lives in memory.
      if (saved) return;
      memory ??= new Map();
      memory.set(key, value);
    },
    state() {
      attempt((s) => s.length, true);
      return unreachable || memoryOnly || memory?.size ? 'unavailable' : undefined;
    },
  };
}

/** The course's localStorage: progress, workshop sessions, live rooms, a phone's token, embedded runs. */
export const localArea = storageArea('localStorage');

/** localArea.getItem: the value saved under `key`, or kept in memory for it; null when there is none. */
export const readItem = (key: string) => localArea.getItem(key);
/** localArea.setItem: saves `value` under `key`, in memory for this visit where storage refuses it. */
export const writeItem = (key: string, value: string) => localArea.setItem(key, value);
/** Whether localStorage keeps what the course saves ('ok'), or something lives in memory only ('unavailable'). */
export const storageState = (): StorageState => localArea.state() ?? 'ok';

/**
 * Whether localStorage takes a write now: a probe key written and removed at once. False where
 * storage is full or refuses writes while it still reads, which reading alone never shows (a page
 * that only shows what is saved, such as the progress page, would say "not played yet" where a
 * visit's progress could not be saved). Where the area is out of reach altogether, `storageState`
 * says so already.
 */
export function storageTakesWrites(): boolean {
  try {
    localStorage.setItem(probeKey, '');
    localStorage.removeItem(probeKey);
    return true;
  } catch (error) {
    console.warn('Browser storage refuses a write', error);
    return false;
  }
}

/** Keeps state in memory from now on, in every area, whatever storage would allow (an embed that was told not to remember). */
export function useMemoryOnly(): void {
  memoryOnly = true;
}
