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
