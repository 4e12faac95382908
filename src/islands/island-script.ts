// The scripts of the players, the facilitator's console and the projector screen, each bundled on
// its own (islands/bundle.ts) into a file under /_astro/, named by its content, that the page
// loads with `import()` from a one-line inline script (`loaderScript`). A player's page works its
// first choice without it (layouts/boot/early-choice.ts), so the player's code downloads after
// the page instead of in front of its choices, and the one file is cached for both languages and
// both scenarios. One compressed file weighs less than the same code in several chunks, each
// with its own overhead: the console and the screen were 16.0 KB and 15.2 KB gzipped in Vite's
// shared chunks, and are 0.6 KB and 1.8 KB lighter bundled on their own. What they load on a click
// (live voting, the QR maker, the timer's sound) stays in files of its own, and the code those
// share with the script is the script's whole code, in one chunk (islands/bundle.ts). In development the
// script is made again on every request, in one file, so edits show
// (integrations/island-scripts.ts serves and writes them).
import { createHash } from 'node:crypto';
import { bundleIsland } from './bundle.ts';

/** The islands' scripts, by name: each one's entry, from the project's root. */
export const islandEntries = {
  'course-player': 'src/islands/course-player.ts',
  'embed-frame': 'src/islands/embed-frame.ts',
  'facilitator-console': 'src/islands/facilitator-console.ts',
  'projector-screen': 'src/islands/projector-screen.ts',
} as const;

export type IslandName = keyof typeof islandEntries;

/** An island's script: its code, the site-absolute address it is served at, and the files it loads. */
export interface IslandScript {
  /** "/_astro/{name}.{hash}.js": the first 10 characters of the code's SHA-256 in base64url. */
  src: string;
  /**
   * The script, an ES module, minified; absent where it would only import its one chunk (see
   * `islandScript`), and `src` is that chunk.
   */
  js?: string;
  /** The files beside it in /_astro/ that it imports, at once or on demand, by file name. */
  chunks: Map<string, string>;
  /** The addresses of the files it imports at once, for the page to preload with it. */
  preload: string[];
}

const built = new Map<IslandName, Promise<IslandScript>>();

/**
 * The chunk a script does nothing but import, by file name; undefined for a script with code of
 * its own. A script whose whole code went into the chunk it shares with what it loads on a click
 * (bundle.ts) is one line importing that chunk: the page then loads the chunk itself, a file and
 * a request fewer (48 bytes gzipped on the console's and the screen's pages).
 */
export function onlyChunk(js: string, imports: readonly string[]): string | undefined {
  const [chunk] = imports;
  return imports.length === 1 && js.trim() === `import"./${chunk}";` ? chunk : undefined;
}

/**
 * The script of the island `name`, bundled once per process; in Astro's development server, on
 * every call, so a page names the file of the code it was rendered with.
 */
export function islandScript(name: IslandName): Promise<IslandScript> {
  const make = () =>
    bundleIsland(islandEntries[name], { splitting: !import.meta.env?.DEV }).then(({ js, chunks, imports }): IslandScript => {
      const preload = imports.map((file) => `/_astro/${file}`);
      const only = onlyChunk(js, imports);
      if (only) return { chunks, preload, src: `/_astro/${only}` };
      return { js, chunks, preload, src: `/_astro/${name}.${createHash('sha256').update(js).digest('base64url').slice(0, 10)}.js` };
    });
  if (import.meta.env?.DEV) return make();
  if (!built.has(name)) built.set(name, make());
  return built.get(name)!;
}

/**
 * The inline script that loads an island's script, for the page's `<head>`: it asks for the file
 * once the page has arrived, so the download never competes with the page itself (a player's
 * first choices work without it). If the file cannot load (offline on a first visit, a host that
 * blocks it), the page's island-failed message says why nothing responds; the error still reaches
 * the console.
 */
export function loaderScript(src: string): string {
  const failed = 'for(const p of document.querySelectorAll("[data-island-failed]"))p.hidden=false;throw e';
  return `addEventListener("DOMContentLoaded",()=>import(${JSON.stringify(src)}).catch(e=>{${failed}}))`;
}
