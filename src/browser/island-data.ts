// Data an island fetches: its props (islands/hydrate.ts), or what it asks for later (the course
// player's endings), with the page's notice when it cannot load.

/**
 * The JSON file at `src`, for island `name`: its props, or data it fetches later (the course
 * player's endings). Rejects with the reason when the file cannot load, after showing the
 * island's failure notice (see islands/Island.astro), so the learner is told why a part is missing.
 */
export function islandData<T>(name: string, src: string): Promise<T> {
  return fetch(src)
    .then((response) => {
      if (!response.ok) throw new Error(`${src} answered ${response.status}`);
      return response.json() as Promise<T>;
    })
    .catch((error: unknown) => {
      document.querySelector(`[data-island-failed="${name}"]`)?.removeAttribute('hidden');
      throw error;
    });
}

/** Hides island `name`'s failure notice again, once what had failed to load has loaded. */
export function hideIslandFailed(name: string): void {
  document.querySelector(`[data-island-failed="${name}"]`)?.setAttribute('hidden', '');
}
