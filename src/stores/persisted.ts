// One way to keep a value in the browser: under one key, in a versioned format whose older
// versions are migrated step by step, decoded defensively, changed over what is saved at that
// moment (another tab may have saved since), heard from other tabs and re-read when the page
// returns from the back/forward cache, and never written over when it was saved in a version this
// code cannot read (a newer one, or none it knows). Saved progress, workshop sessions, the
// console's live rooms, a phone's token and embedded scenarios' runs are kept this way in
// localStorage, and a cmi5 session's state in its tab's sessionStorage (the language chooser's one
// flag in sessionStorage and the theme, read by inline scripts before first paint, are not); what
// storage itself does when it fails (quota, private modes, sandboxed frames) is storage.ts's,
// for either area.
// Not @nanostores/persistent, which keeps a value under a key too: it has no format versions or
// migrations, writes the page's value over whatever another tab (or a newer version of the
// course) saved since, and would bring its own listeners beside these; what it would save here
// is the store code, and these pages are within bytes of their budgets.
// A nanostores store of such a value is persisted-store.ts's: the phone's join page keeps its
// token with these plain functions alone, without nanostores.
import { isInt, isRecord } from '../engine/guards.ts';
import { localArea, type StorageArea } from './storage.ts';

/**
 * Why what is saved is kept as it is and never written over: a newer version of the course saved
 * it ('newer'), or its format version is missing, not an integer or one no version ever wrote
 * ('unknown').
 */
export type Kept = 'newer' | 'unknown';

/**
 * Why the user should hear about storage: something had to be reset, nothing can be saved, or
 * what is saved is kept as it is (see Kept).
 */
export type StorageNotice = 'reset' | 'unavailable' | Kept | undefined;

/**
 * How a value is saved: `{ v: version, ...encode(value) }`. The decoder keeps only the fields it
 * knows, so a field added to what is saved needs a new version (and a step `up` from this one):
 * a tab of the older version then keeps what the newer one saved rather than erase the field
 * (the fixture tests of progress-format.test.ts hold every field to the version that wrote it).
 */
export interface Format<T> {
  /** The format version this code writes, an integer from 1. */
  version: number;
  /**
   * One migration step from each older version still read: `up[n]` turns what version n saved
   * into what version n + 1 saves (still unchecked: the decoder checks the result). `up[0]`,
   * where there is one, reads what was saved before the value had a format version (a record
   * without `v`); without it such a record is kept as unknown.
   */
  up: Record<number, (saved: Record<string, unknown>) => Record<string, unknown>>;
  /** Reads a record of the current version; never throws; keeps what is well-formed and names what it dropped. */
  decode(saved: Record<string, unknown>): { value: T; dropped: string[] };
  /** The saved record's fields besides `v`. */
  encode(value: T): object;
  /** The value when nothing is saved or nothing could be read. */
  empty(): T;
}

/** A decoded value, what had to be dropped from it, and why it is to be kept as saved where it is (read as empty). */
export interface Decoded<T> {
  value: T;
  dropped: string[];
  kept?: Kept;
}

/** The format versions `format` reads, oldest first: each with a migration step (0: saved without one), and its own. */
export const readableVersions = (format: Format<unknown>): number[] => [...Object.keys(format.up).map(Number), format.version];

/** The record `format` saves for `value`, with its version: what storage and an exported file hold. */
export const encodeVersioned = <T>(format: Format<T>, value: T) => ({ v: format.version, ...format.encode(value) });

/**
 * Decodes what any version of the course saved in `format` (parsed JSON, from storage or a file):
 * an older version is migrated step by step first; one it cannot read (a newer one, or a version
 * missing, not an integer or never written) is read as empty and marked `kept`, for the caller to
 * keep it as it is. Never throws.
 */
export function decodeVersioned<T>(value: unknown, { version, up, decode, empty }: Format<T>): Decoded<T> {
  if (!isRecord(value)) return { value: empty(), dropped: ['everything: not an object'] };
  let saved = value;
  let v = saved['v'] === undefined && up[0] ? 0 : saved['v'];
  while (isInt(v) && up[v]) saved = up[v++]!(saved);
  return v === version
    ? decode(saved)
    : { value: empty(), dropped: [`everything: format version ${JSON.stringify(v)}`], kept: isInt(v) && v > version ? 'newer' : 'unknown' };
}

/** The value kept under one key, as plain functions (no store: the reading pages use these alone). */
export interface Persisted<T> {
  /**
   * Reads the value. Where a part had to be dropped, what survived is written back at once, so the
   * user is told once ('reset') and not on every visit; where nothing can be saved, the notice is
   * 'unavailable'; where what is saved is kept (see Kept), that, and the value is empty.
   */
  read(): { value: T; notice: StorageNotice };
  /**
   * Applies `change` to the value as saved now and saves the result, unless it returns the value
   * it was given and nothing had to be dropped (then nothing is written); 'unavailable' when
   * saving stopped working, which can happen part-way through a visit (a full disk). What is
   * kept (see Kept) is never written over: the change then applies to `current` (the page's copy)
   * and is not saved, and the notice says why.
   */
  update(change: (value: T) => T, current?: T): { value: T; notice: StorageNotice };
  /**
   * Calls `listener` with what another tab has just saved, and with what is saved when the page
   * comes back from the back/forward cache (where it heard no other tab), except what is kept
   * (the page's copy must not turn empty). Returns the function that stops it.
   */
  listen(listener: (value: T) => void): () => void;
}

/**
 * The value kept under `key` (see browser/storage-keys.ts) in `format`, in `area` (the course's
 * localStorage unless another is given: a cmi5 session keeps its tab's state in sessionStorage).
 */
export function persisted<T>(key: string, format: Format<T>, { getItem, setItem, state }: StorageArea = localArea): Persisted<T> {
  /** What is saved (null: nothing yet), decoded; what could not be read is said once, here. */
  const load = (raw: string | null): Decoded<T> => {
    let saved: Decoded<T> = { value: format.empty(), dropped: [] };
    try {
      if (raw !== null) saved = decodeVersioned(JSON.parse(raw), format);
    } catch (error) {
      saved.dropped.push(`everything: ${error}`);
    }
    if (saved.dropped[0]) console.warn(`${key}: left out ${saved.dropped.join(', ')}`);
    return saved;
  };
  const update: Persisted<T>['update'] = (change, current) => {
    const { value: was, dropped, kept } = load(getItem(key));
    if (kept) return { value: change(current ?? was), notice: kept };
    const value = change(was);
    if (value !== was || dropped[0]) setItem(key, JSON.stringify(encodeVersioned(format, value)));
    return { value, notice: dropped[0] ? 'reset' : state() };
  };
  return {
    read: () => update((value) => value),
    update,
    listen(listener) {
      const heard = (event: Event) => {
        // A storage event of this key, or of none (another tab cleared all of storage); a page
        // shown again from the back/forward cache ('pageshow' with `persisted`), which heard none.
        const { key: changed, newValue, persisted: restored } = event as StorageEvent & PageTransitionEvent;
        if (restored === undefined ? changed !== key && changed !== null : !restored) return;
        const saved = load(restored ? getItem(key) : newValue);
        if (!saved.kept) listener(saved.value);
      };
      const on = (start: boolean) => {
        for (const type of ['storage', 'pageshow']) (start ? addEventListener : removeEventListener)(type, heard);
      };
      on(true);
      return () => on(false);
    },
  };
}
