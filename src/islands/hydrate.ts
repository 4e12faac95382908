import { h, hydrate, type ComponentType } from 'preact';

/** Hydrates the server-rendered island `name` (see Island.astro) with its component. */
export function hydrateIsland<P extends object>(name: string, component: ComponentType<P>): void {
  const root = document.querySelector<HTMLElement>(`[data-island="${name}"]`);
  const json = document.querySelector(`[data-island-props="${name}"]`)?.textContent;
  if (!root || !json) throw new Error(`island "${name}" is missing from the page`);
  hydrate(h(component, JSON.parse(json) as P), root);
  // Tests and styles can tell a live island from its server-rendered HTML.
  root.dataset['hydrated'] = 'true';
}
