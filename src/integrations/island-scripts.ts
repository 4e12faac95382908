// Writes the islands' own scripts (islands/island-script.ts) into the build beside Vite's chunks,
// and serves them in development. A page names its island's file by the code's hash when it
// renders; after the build every name a page uses must be a file written here, or the build fails.
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleIsland } from '../islands/bundle.ts';
import { islandEntries, islandScript, type IslandName } from '../islands/island-script.ts';

const names = Object.keys(islandEntries) as IslandName[];
const address = new RegExp(`/_astro/(?:${names.join('|')})\\.[\\w-]+\\.js`, 'g');

/** Every island script address the built pages load, read from their HTML. */
function addressesIn(dir: string): Set<string> {
  const found = new Set<string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    for (const [src] of readFileSync(join(entry.parentPath, entry.name), 'utf8').matchAll(address)) found.add(src);
  }
  return found;
}

/**
 * The integration: in development it answers `/_astro/{island}.*.js` with the island's script
 * bundled afresh, in one file; after a build it writes each island's script and the files it
 * loads into `dist/_astro/`, and fails (AstroError) when a page names a script it did not write.
 */
export function islandScripts(): AstroIntegration {
  return {
    name: 'course-island-scripts',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const name = names.find((n) => request.url?.startsWith(`/_astro/${n}.`));
          if (!name) return next();
          // Bundled afresh on every request, whatever hash the page asked for: edits show on reload.
          // A sandboxed frame (origin "null") fetches it with CORS, as from a built site.
          bundleIsland(islandEntries[name]).then(
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
          const { src, js, chunks } = await islandScript(name);
          if (js !== undefined) writeFileSync(join(root, src), js);
          for (const [file, code] of chunks) writeFileSync(join(root, '_astro', file), code);
          written.add(src);
        }
        const missing = [...addressesIn(root)].filter((src) => !written.has(src));
        if (missing.length)
          throw new AstroError(
            `Pages load island scripts the build did not write: ${missing.join(', ')}.`,
            'The island’s bundle came out differently when the pages were rendered and when the files were written: esbuild’s output must depend only on the source. Run the build again; if it persists, look for code in the islands’ imports that differs between runs (dates, random values, the environment).',
          );
        logger.info(`island scripts: ${[...written].join(', ')}`);
      },
    },
  };
}
