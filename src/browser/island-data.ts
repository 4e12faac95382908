// Data an island fetches: its props (islands/hydrate.ts), or what it asks for later (the course
// player's endings), with the page's notice when it cannot load.

/**
 * The JSON file at `src`, for island `name`: its props, or data it fetches later (the course
 * player's endings). Rejects with the reason when the file cannot load, after showing the
 * island's failure notice (see islands/Island.astro), so the learner is told why a part is missing;
 * a later load that succeeds hides the notice again.
 */
export function islandData<T>(name: string, src: string): Promise<T> {
  const notice = () => document.querySelector(`[data-island-failed="${name}"]`);
  return fetch(src)
    .then((response) => {
      if (!response.ok) throw new Error(`${src} answered ${response.status}`);
      return response.json() as Promise<T>;
    })
    .then((data) => {
      notice()?.setAttribute('hidden', '');
      return data;
    })
    .catch((error: unknown) => {
      notice()?.removeAttribute('hidden');
      throw error;
    });
}
