import { useLayoutEffect, useState } from 'preact/hooks';
import type { ReadableAtom } from 'nanostores';

/**
 * The store's value, re-rendering on change. Five lines instead of @nanostores/preact, whose
 * key filtering and SSR modes we do not use and which would cost every island 0.4 KB. It
 * listens from a layout effect: children's run before their parents', so a change a parent
 * makes in its own layout effect (a choice clicked while the page loaded) is seen before the
 * first paint; a change made between render and listening still re-renders.
 */
export function useStore<T>($store: ReadableAtom<T>): T {
  const [, rerender] = useState(0);
  const value = $store.get();
  useLayoutEffect(() => {
    const unbind = $store.listen(() => rerender((n) => n + 1));
    if ($store.get() !== value) rerender((n) => n + 1);
    return unbind;
  }, [$store]);
  return value;
}
