// A player island's script, bundled on its own (islands/bundle.ts) into one file under /_astro/,
// named by its content, that the page loads with `import()` from a one-line inline script
// (`loaderScript`). The page works its first choice without it (layouts/boot/early-choice.ts), so
// the player's code downloads after the page instead of in front of its choices, and the one file
// is cached for both languages and both scenarios. One compressed file weighs less than the same
// code in several chunks, each with its own overhead. In development the file is made again on
// every request, so edits show (integrations/player-scripts.ts serves and writes it).
import { createHash } from 'node:crypto';
import { bundleIsland } from './bundle.ts';

/** The players, by name: each one's entry, from the project's root. */
export const playerEntries = {
  'course-player': 'src/islands/course-player.ts',
  'embed-frame': 'src/islands/embed-frame.ts',
} as const;

export type PlayerName = keyof typeof playerEntries;

/** A player's script: its code and the site-absolute address it is served at. */
export interface PlayerScript {
  /** "/_astro/{name}.{hash}.js": the first 10 characters of the code's SHA-256 in base64url. */
  src: string;
  /** The script, an ES module, minified. */
  js: string;
}

const built = new Map<PlayerName, Promise<PlayerScript>>();

/**
 * The script of the player `name`, bundled once per process; in Astro's development server, on
 * every call, so a page names the file of the code it was rendered with.
 */
export function playerScript(name: PlayerName): Promise<PlayerScript> {
  const make = () =>
    bundleIsland(playerEntries[name]).then(({ js }) => ({
      js,
      src: `/_astro/${name}.${createHash('sha256').update(js).digest('base64url').slice(0, 10)}.js`,
    }));
  if (import.meta.env?.DEV) return make();
  if (!built.has(name)) built.set(name, make());
  return built.get(name)!;
}

/**
 * The inline script that loads a player, for the page's `<head>`: it asks for the file once the
 * page has arrived, so the download never competes with the page's own choices (which work
 * without it). If the file cannot load (offline on a first visit, a host that blocks it), the
 * page's island-failed message says why nothing past the first choice responds; the error still
 * reaches the console.
 */
export function loaderScript(src: string): string {
  const failed = 'for(const p of document.querySelectorAll("[data-island-failed]"))p.hidden=false;throw e';
  return `addEventListener("DOMContentLoaded",()=>import(${JSON.stringify(src)}).catch(e=>{${failed}}))`;
}
