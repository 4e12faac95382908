// localStorage that never takes the page down: private modes, full disks and sandboxed frames
// throw on access. What cannot be saved is kept in memory for this visit, over whatever storage
// still holds; storageState() then says so, for the page to tell the learner.
export type StorageState = 'ok' | 'unavailable';

/** Values kept for this visit only: every value once storage is unusable, else those it refused. */
let memory: Map<string, string> | undefined;
/** Whether localStorage is out of reach altogether (not just refusing a write). */
let unreachable = false;

function fallBack(error: unknown, whole: boolean): void {
  console.warn('Browser storage failed; keeping progress in memory for this visit.', error);
  unreachable ||= whole;
  if (memory) return;
  memory = new Map();
  // What another tab manages to save is newer than this tab's copy in memory.
  addEventListener('storage', (event) => event.key && memory!.delete(event.key));
}

/**
 * `use` applied to localStorage; undefined where storage is out of reach, or where `use` threw
 * (`whole`: storage is then taken as out of reach for the rest of the visit).
 */
function attempt<T>(use: (s: Storage) => T, whole: boolean): T | undefined {
  if (unreachable) return undefined;
  try {
    // Private modes and sandboxed frames throw on access; a browser without it has none.
    return use(globalThis.localStorage);
  } catch (error) {
    fallBack(error, whole);
    return undefined;
  }
}

export function readItem(key: string): string | null {
  return memory?.get(key) ?? attempt((s) => s.getItem(key), true) ?? null;
}

export function writeItem(key: string, value: string): void {
  const saved = attempt((s) => {
    s.setItem(key, value);
    memory?.delete(key);
    return true;
  }, false);
  // A full disk or quota: the rest of storage still reads, this value lives in memory.
  if (!saved) memory!.set(key, value);
}

export function storageState(): StorageState {
  attempt((s) => s.length, true);
  return unreachable || memory?.size ? 'unavailable' : 'ok';
}

/** Keeps state in memory from now on, whatever storage would allow (an embed that was told not to remember). */
export function useMemoryOnly(): void {
  unreachable = true;
  memory ??= new Map();
}
