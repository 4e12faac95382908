// localStorage that never takes the page down: private modes, full disks and sandboxed frames
// throw on access. What cannot be saved is kept in memory for this visit, over whatever storage
// still holds; storageState() then says so, for the page to tell the learner.
export type StorageState = 'ok' | 'unavailable';

/** Values kept for this visit only: every value once storage is unusable, else those it refused. */
let memory: Map<string, string> | undefined;
/** Whether localStorage is out of reach altogether (not just refusing a write). */
let unreachable = false;

function fallBack(why: string, error: unknown, whole: boolean): void {
  console.warn(`${why}; keeping progress in memory for this visit.`, error);
  unreachable ||= whole;
  if (memory) return;
  memory = new Map();
  // What another tab manages to save is newer than this tab's copy in memory.
  addEventListener('storage', (event) => event.key && memory!.delete(event.key));
}

function store(): Storage | undefined {
  if (unreachable) return undefined;
  try {
    const s = globalThis.localStorage;
    if (!s) throw new Error('no localStorage');
    return s;
  } catch (error) {
    fallBack('Browser storage is not available', error, true);
    return undefined;
  }
}

export function readItem(key: string): string | null {
  const kept = memory?.get(key);
  if (kept !== undefined) return kept;
  const s = store();
  if (!s) return null;
  try {
    return s.getItem(key);
  } catch (error) {
    fallBack('Reading browser storage failed', error, true);
    return null;
  }
}

export function writeItem(key: string, value: string): void {
  const s = store();
  if (s) {
    try {
      s.setItem(key, value);
      memory?.delete(key);
      return;
    } catch (error) {
      // A full disk or quota: the rest of storage still reads, this value lives in memory.
      fallBack('Saving to browser storage failed', error, false);
    }
  }
  memory!.set(key, value);
}

export function storageState(): StorageState {
  store();
  return unreachable || memory?.size ? 'unavailable' : 'ok';
}

/** Keeps state in memory from now on, whatever storage would allow (an embed that was told not to remember). */
export function useMemoryOnly(): void {
  unreachable = true;
  memory ??= new Map();
}
