// After the build, makes the service worker that keeps the course working offline after a first
// visit (src/offline/sw.ts): lessons, scenarios and their text versions, progress, the
// facilitator console and screen. Embed frames, LMS packages and the documents for embedders are
// left out. The worker's code is bundled with esbuild and Workbox injects the list of files to
// precache with their revisions (its injectManifest mode: we decide what is cached when, Workbox
// does the versioned caching, which is easy to get subtly wrong by hand).
import type { AstroIntegration } from 'astro';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { injectManifest } from 'workbox-build';

export function serviceWorker(): AstroIntegration {
  return {
    name: 'course-service-worker',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const work = mkdtempSync(join(tmpdir(), 'course-sw-'));
        try {
          const swSrc = join(work, 'sw.js');
          await build({
            entryPoints: [fileURLToPath(new URL('../offline/sw.ts', import.meta.url))],
            outfile: swSrc,
            bundle: true,
            minify: true,
            format: 'iife',
            target: 'es2020',
            // Workbox logs only in development builds.
            define: { 'process.env.NODE_ENV': '"production"' },
            logLevel: 'warning',
          });
          const { count, size, warnings } = await injectManifest({
            swSrc,
            swDest: join(root, 'sw.js'),
            globDirectory: root,
            globPatterns: ['**/*.{html,js,css,svg,json}'],
            // The phones' join page talks to a live server and is never served from a cache.
            // Nor the embed frames' player: frames never use the worker, so a visitor would download it for nothing.
            globIgnores: [
              '**/embed/**',
              '_astro/embed-frame.*.js',
              '**/join/**',
              // What answers in place of a live server on a static host: the live server's own answer must reach the page.
              'live/**',
              'lms/**',
              'oembed/**',
              'scenarios.json',
              'hosting/**',
              'sw.js',
            ],
          });
          for (const warning of warnings) logger.warn(warning);
          logger.info(`service worker precaches ${count} files (${Math.round(size / 1024)} KB)`);
        } finally {
          rmSync(work, { recursive: true, force: true });
        }
      },
    },
  };
}
