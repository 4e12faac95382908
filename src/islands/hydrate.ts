import { h, hydrate, type ComponentType } from 'preact';
import { islandData } from '../browser/island-data.ts';

/** Hydrates `root` with `component` and its props, and marks it live: tests and styles can tell a live island from its server-rendered HTML. */
function goLive<P extends object>(root: HTMLElement, component: ComponentType<P>, props: P): HTMLElement {
  hydrate(h(component, props), root);
  root.dataset['hydrated'] = 'true';
  return root;
}

/** The props the page wrote for island `name` (`IslandProps`); null where it wrote none. */
const inlineProps = <P>(name: string): P | null =>
  JSON.parse(document.querySelector(`[data-island-props="${name}"]`)?.textContent ?? 'null') as P | null;

/**
 * Hydrates the server-rendered island `name` (see Island.astro) with its component; the page's
 * script runs once the document is parsed (a module script, or a player's loader, which waits
 * for DOMContentLoaded). Resolves to the island's root element, live.
 */
export async function hydrateIsland<P extends object>(name: string, component: ComponentType<P>): Promise<HTMLElement> {
  const root = document.querySelector<HTMLElement>(`[data-island="${name}"]`);
  if (!root) throw new Error(`island "${name}" is missing from the page`);
  const src = root.dataset['propsSrc'];
  // Large props come from a file (data-props-src); if it fails to load, the page stays as the
  // server rendered it and the learner is told why nothing responds.
  const props = src ? await islandData<P>(name, src) : inlineProps<P>(name);
  if (!props) throw new Error(`island "${name}" has no props`);
  return goLive(root, component, props);
}

/**
 * `hydrateIsland` at once, for an island whose props are always written into the page (an Island
 * without `src`, or with its props apart, `IslandProps`): a script that hydrates only such an
 * island (the embed frame's, the scenario page's) then carries no code to fetch props. Returns
 * the island's root element, live; throws where the page lacks the island or its inline props
 * (the loader then shows the island's failure notice).
 */
export function hydrateInline<P extends object>(name: string, component: ComponentType<P>): HTMLElement {
  const root = document.querySelector<HTMLElement>(`[data-island="${name}"]`);
  const props = inlineProps<P>(name);
  if (!root || !props) throw new Error(`no island "${name}" with props in the page`);
  return goLive(root, component, props);
}
