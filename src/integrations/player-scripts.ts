// Writes the players' scripts (islands/player-script.ts) into the build beside Vite's chunks, and
// serves them in development. A page names its player's file by the code's hash when it renders;
// after the build every name a page uses must be a file written here, or the build fails.
import type { AstroIntegration } from 'astro';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

export function playerScripts(): AstroIntegration {
  return {
    name: 'course-player-scripts',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const name = names.find((n) => request.url?.startsWith(`/_astro/${n}.`));
          if (!name) return next();
          playerScript(name).then(
            ({ js }) => response.setHeader('Content-Type', 'text/javascript').end(js),
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
          throw new Error(
            `Pages load player scripts the build did not write: ${missing.join(', ')}. The player's code changed between rendering the pages and writing the files.`,
          );
        logger.info(`player scripts: ${[...written].join(', ')}`);
      },
    },
  };
}
