// After the build: every page's module script gets a <link rel="modulepreload"> for each chunk
// it imports, directly or not, so the browser fetches them all at once with the script instead of
// discovering them level by level (each level a round trip on a phone's network). Runs before the
// service worker is generated, which fingerprints the final HTML.
import type { AstroIntegration } from 'astro';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtFile, moduleClosure } from './module-graph.ts';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

/** The page with preload links after each module script's tag, for the chunks that script imports. */
export function withModulePreloads(html: string, dist: string): string {
  return html.replace(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"[^>]*><\/script>/g, (tag, src: string) => {
    const entry = builtFile(dist, src);
    if (!entry) return tag;
    const links = [...moduleClosure(entry).eager]
      .filter((f) => f !== entry)
      .map((f) => `<link rel="modulepreload" href="/${relative(dist, f).split(sep).join('/')}">`);
    return `${tag}${links.join('')}`;
  });
}

export function modulePreload(): AstroIntegration {
  return {
    name: 'course-module-preload',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        let pages = 0;
        for (const file of htmlFiles(dist)) {
          const html = readFileSync(file, 'utf8');
          const next = withModulePreloads(html, dist);
          if (next === html) continue;
          writeFileSync(file, next);
          pages++;
        }
        logger.info(`module preload links added to ${pages} pages`);
      },
    },
  };
}
