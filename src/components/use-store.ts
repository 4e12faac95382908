import { useLayoutEffect, useState } from 'preact/hooks';
import type { ReadableAtom } from 'nanostores';

/**
 * The store's value, re-rendering on change. Five lines instead of @nanostores/preact, whose
 * key filtering and SSR modes we do not use and which would cost every island 0.4 KB. It
 * listens from a layout effect: children's run before their parents', so a change a parent
 * makes in its own layout effect (a choice clicked while the page loaded) is heard, and shown
 * before the first paint.
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
