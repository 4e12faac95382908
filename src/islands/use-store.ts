import { useEffect, useState } from 'preact/hooks';
import type { ReadableAtom } from 'nanostores';

/**
 * The store's value, re-rendering on change. Five lines instead of @nanostores/preact, whose
 * key filtering and SSR modes we do not use and which would cost every island 0.4 KB.
 */
export function useStore<T>($store: ReadableAtom<T>): T {
  const [, rerender] = useState(0);
  useEffect(() => $store.listen(() => rerender((n) => n + 1)), [$store]);
  return $store.get();
}
