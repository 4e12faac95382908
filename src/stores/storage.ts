// localStorage that never takes the page down: private modes, full disks and sandboxed frames
// throw on access, and then the course keeps its state in memory for this visit.
export type StorageState = 'ok' | 'unavailable';

let memory: Map<string, string> | undefined;

function store(): Storage | undefined {
  if (memory) return undefined;
  try {
    const s = globalThis.localStorage;
    if (!s) throw new Error('no localStorage');
    return s;
  } catch (error) {
    console.warn('Browser storage is not available; progress is kept for this visit only.', error);
    memory = new Map();
    return undefined;
  }
}

export function readItem(key: string): string | null {
  const s = store();
  if (!s) return memory?.get(key) ?? null;
  try {
    return s.getItem(key);
  } catch (error) {
    console.warn('Reading browser storage failed; using memory for this visit.', error);
    memory = new Map();
    return null;
  }
}

export function writeItem(key: string, value: string): void {
  const s = store();
  if (s) {
    try {
      s.setItem(key, value);
      return;
    } catch (error) {
      console.warn('Saving to browser storage failed; keeping progress in memory for this visit.', error);
      memory = new Map();
    }
  }
  memory!.set(key, value);
}

export function storageState(): StorageState {
  store();
  return memory ? 'unavailable' : 'ok';
}

/** Keeps state in memory from now on, whatever storage would allow (an embed that was told not to remember). */
export function useMemoryOnly(): void {
  memory ??= new Map();
}
