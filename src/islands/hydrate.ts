import { h, hydrate, type ComponentType } from 'preact';

/** Hydrates the server-rendered island `name` (see Island.astro) with its component. */
export async function hydrateIsland<P extends object>(name: string, component: ComponentType<P>): Promise<void> {
  const root = document.querySelector<HTMLElement>(`[data-island="${name}"]`);
  if (!root) throw new Error(`island "${name}" is missing from the page`);
  const src = root.dataset['propsSrc'];
  const json = src ? await (await fetch(src)).text() : document.querySelector(`[data-island-props="${name}"]`)?.textContent;
  if (!json) throw new Error(`island "${name}" has no props`);
  hydrate(h(component, JSON.parse(json) as P), root);
  // Tests and styles can tell a live island from its server-rendered HTML.
  root.dataset['hydrated'] = 'true';
}
