import { useLayoutEffect, useState } from 'preact/hooks';
import type { ReadableAtom } from 'nanostores';

/**
 * The store's value, re-rendering on change. Five lines instead of @nanostores/preact, whose
 * key filtering and SSR modes we do not use and which would cost every island 0.4 KB. It
 * listens from a layout effect, before the first paint: a change made as the island starts (a
 * store reading what this browser saved, a session opening) is heard and shown at once. Children's
 * layout effects run before their parents', so a child's store listens before a parent's
 * effect changes it.
 */
export function useStore<T>($store: ReadableAtom<T>): T {
  const [, rerender] = useState(0);
  useLayoutEffect(() => $store.listen(() => rerender((n) => n + 1)), [$store]);
  return $store.get();
}

/**
 * The value of a store that reads what this browser saved (it starts on its first listener), for
 * a server-rendered island: the first render shows `first`, as the server rendered it, since
 * hydration must find the same markup; every later render, from just after (before the first
 * paint), the store's value.
 */
export function useSavedStore<T>($store: ReadableAtom<T>, first: T): T {
  const [value, setValue] = useState(first);
  // Reading the store starts it, after the first render: the islands' own listeners are in place by then.
  useLayoutEffect(() => {
    setValue($store.get());
    return $store.listen(setValue);
  }, [$store]);
  return value;
}
