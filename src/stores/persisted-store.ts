// A nanostores store of a value kept the one way values are kept in this browser (persisted.ts):
// it reads on its first listener and follows other tabs while it has listeners. Apart from
// persisted.ts, so a page that keeps a value without a store (the phone's join page) carries no
// nanostores.
import { atom, onMount, type WritableAtom } from 'nanostores';
import type { Persisted, StorageNotice } from './persisted.ts';

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
