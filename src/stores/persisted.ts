// One way to keep a value in the browser: under one key, in a versioned format whose older
// versions are migrated step by step, decoded defensively, changed over what is saved at that
// moment (another tab may have saved since), heard from other tabs, and never written over when a
// newer version of the course saved it. Saved progress and workshop sessions are kept this way;
// what storage itself does when it fails (quota, private modes, sandboxed frames) is storage.ts's.
// Not @nanostores/persistent, which keeps a value under a key too: it has no format versions or
// migrations, writes the page's value over whatever another tab (or a newer version of the
// course) saved since, and would bring its own listeners beside these; what it would save here
// is the store code, and these pages are within bytes of their budgets.
import { atom, onMount, type WritableAtom } from 'nanostores';
import { isInt, isRecord } from '../engine/guards.ts';
import { readItem, storageState, writeItem } from './storage.ts';

/**
 * Why the user should hear about storage: something had to be reset, nothing can be saved, or
 * what is saved was written by a newer version of the course (kept, and not saved over).
 */
export type StorageNotice = 'reset' | 'unavailable' | 'newer' | undefined;

/** How a value is saved: `{ v: version, ...encode(value) }`. */
export interface Format<T> {
  /** What the value is, for the console's warnings: "Saved progress". */
  what: string;
  /** The format version this code writes. */
  version: number;
  /**
   * One migration step from each older version still read: `up[n]` turns what version n saved
   * into what version n + 1 saves (still unchecked: the decoder checks the result).
   */
  up: Record<number, (saved: Record<string, unknown>) => Record<string, unknown>>;
  /** Reads a record of the current version; never throws; keeps what is well-formed and names what it dropped. */
  decode(saved: Record<string, unknown>): { value: T; dropped: string[] };
  /** The saved record's fields besides `v`. */
  encode(value: T): object;
  /** The value when nothing is saved or nothing could be read. */
  empty(): T;
}

/** A decoded value, what had to be dropped from it, and the version when it was a newer one (read as empty). */
export interface Decoded<T> {
  value: T;
  dropped: string[];
  newer?: number;
}

/**
 * Decodes what any version of the course saved in `format` (parsed JSON, from storage or a file):
 * an older version is migrated step by step first; a newer one is read as empty and its version
 * returned in `newer`, for the caller to keep it as it is; a version without a migration is not
 * read. Never throws.
 */
export function decodeVersioned<T>(value: unknown, format: Format<T>): Decoded<T> {
  if (!isRecord(value)) return { value: format.empty(), dropped: ['everything: not an object'] };
  let { v } = value;
  let saved = value;
  for (let step = isInt(v) ? format.up[v] : undefined; step; step = format.up[v as number]) {
    saved = step(saved);
    v = (v as number) + 1;
  }
  if (v === format.version) return format.decode(saved);
  const newer = isInt(v) && v > format.version;
  return { value: format.empty(), dropped: [`everything: format version ${JSON.stringify(v)}`], ...(newer && { newer: v as number }) };
}

/** The value kept under one key, as plain functions (no store: the reading pages use these alone). */
export interface Persisted<T> {
  /**
   * Reads the value. Where a part had to be dropped, what survived is written back at once, so the
   * user is told once ('reset') and not on every visit; where nothing can be saved, the notice is
   * 'unavailable'; where a newer version saved it, 'newer', and the value is empty.
   */
  read(): { value: T; notice: StorageNotice };
  /**
   * Applies `change` to the value as saved now and saves the result, unless it returns the value
   * it was given (then nothing is written); 'unavailable' when saving stopped working, which can happen part-way through a visit (a full disk). A value a newer
   * version saved is never written over: the change then applies to `current` (the page's copy)
   * and is not saved, and the notice is 'newer'.
   */
  update(change: (value: T) => T, current?: T): { value: T; notice: StorageNotice };
  /** Calls `listener` with what another tab has just saved, except what a newer version saved (the page's copy must not turn empty). Returns the function that stops it. */
  listen(listener: (value: T) => void): () => void;
}

const unavailable = (): StorageNotice => (storageState() === 'unavailable' ? 'unavailable' : undefined);

/** The value kept under `key` (see browser/storage-keys.ts) in `format`. */
export function persisted<T>(key: string, format: Format<T>): Persisted<T> {
  /** What is saved (null: nothing yet), decoded; what could not be read is said once, here. */
  const load = (raw: string | null): Decoded<T> => {
    let saved: Decoded<T> = { value: format.empty(), dropped: [] };
    try {
      if (raw !== null) saved = decodeVersioned(JSON.parse(raw), format);
    } catch (error) {
      saved.dropped.push(`everything: ${error}`);
    }
    if (saved.dropped.length > 0) console.warn(`${format.what}: left out ${saved.dropped.join(', ')}`);
    return saved;
  };
  const save = (value: T) => {
    writeItem(key, JSON.stringify({ v: format.version, ...format.encode(value) }));
    return unavailable();
  };
  return {
    read() {
      const { value, dropped, newer } = load(readItem(key));
      if (newer) return { value, notice: 'newer' };
      if (dropped.length === 0) return { value, notice: unavailable() };
      save(value);
      return { value, notice: 'reset' };
    },
    update(change, current) {
      const saved = load(readItem(key));
      if (saved.newer) return { value: change(current ?? saved.value), notice: 'newer' };
      const value = change(saved.value);
      return { value, notice: value === saved.value ? unavailable() : save(value) };
    },
    listen(listener) {
      const heard = (event: StorageEvent) => {
        // A null key: another tab cleared all of storage (localStorage.clear()), this value too.
        if (event.key !== key && event.key !== null) return;
        const saved = load(event.newValue);
        if (!saved.newer) listener(saved.value);
      };
      addEventListener('storage', heard);
      return () => removeEventListener('storage', heard);
    },
  };
}

/**
 * A store of the value kept by `kept`, `empty()` until it gets its first listener (nanostores'
 * onMount): it reads then, never on the server, and follows other tabs while it has listeners.
 * `$notice` hears what the user should be told. Call it as `/* @__PURE__ *\/ persistedAtom(…)`, so a
 * page that imports the module for something else does not carry the store.
 */
export function persistedAtom<T>(kept: Persisted<T>, empty: () => T, $notice: WritableAtom<StorageNotice>): WritableAtom<T> {
  const $value = atom<T>(empty());
  onMount($value, () => {
    if (typeof window === 'undefined') return;
    const { value, notice } = kept.read();
    $value.set(value);
    $notice.set(notice);
    return kept.listen((saved) => $value.set(saved));
  });
  return $value;
}

/** Changes what `kept` holds now (see Persisted.update), and the store of it; a notice goes to `$notice`. */
export function updatePersisted<T>(
  kept: Persisted<T>,
  $value: WritableAtom<T>,
  $notice: WritableAtom<StorageNotice>,
  change: (value: T) => T,
): void {
  const { value, notice } = kept.update(change, $value.get());
  $value.set(value);
  if (notice) $notice.set(notice);
}
