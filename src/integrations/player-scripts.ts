// Writes the players' scripts (islands/player-script.ts) into the build beside Vite's chunks, and
// serves them in development. A page names its player's file by the code's hash when it renders;
// after the build every name a page uses must be a file written here, or the build fails.
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleIsland } from '../islands/bundle.ts';
import { playerEntries, playerScript, type PlayerName } from '../islands/player-script.ts';

const names = Object.keys(playerEntries) as PlayerName[];
const address = new RegExp(`/_astro/(?:${names.join('|')})\\.[\\w-]+\\.js`, 'g');

/** Every player address the built pages load, read from their HTML. */
function addressesIn(dir: string): Set<string> {
  const found = new Set<string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    for (const [src] of readFileSync(join(entry.parentPath, entry.name), 'utf8').matchAll(address)) found.add(src);
  }
  return found;
}

/**
 * The integration: in development it answers `/_astro/{player}.*.js` with the player bundled
 * afresh; after a build it writes each player's file into `dist/_astro/` and fails (AstroError)
 * when a page names a player file it did not write.
 */
export function playerScripts(): AstroIntegration {
  return {
    name: 'course-player-scripts',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const name = names.find((n) => request.url?.startsWith(`/_astro/${n}.`));
          if (!name) return next();
          // Bundled afresh on every request, whatever hash the page asked for: edits show on reload.
          // A sandboxed frame (origin "null") fetches it with CORS, as from a built site.
          bundleIsland(playerEntries[name]).then(
            ({ js }) => response.setHeader('Content-Type', 'text/javascript').setHeader('Access-Control-Allow-Origin', '*').end(js),
            (error: unknown) => next(error),
          );
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        mkdirSync(join(root, '_astro'), { recursive: true });
        const written = new Set<string>();
        for (const name of names) {
          const { src, js } = await playerScript(name);
          writeFileSync(join(root, src), js);
          written.add(src);
        }
        const missing = [...addressesIn(root)].filter((src) => !written.has(src));
        if (missing.length)
          throw new AstroError(
            `Pages load player scripts the build did not write: ${missing.join(', ')}.`,
            'The player’s bundle came out differently when the pages were rendered and when the files were written: esbuild’s output must depend only on the source. Run the build again; if it persists, look for code in the players’ imports that differs between runs (dates, random values, the environment).',
          );
        logger.info(`player scripts: ${[...written].join(', ')}`);
      },
    },
  };
}
