// After the build, generates the service worker (Workbox) that precaches the course so it works
// offline after a first visit: lessons, scenarios, progress, the facilitator console and screen.
// Embed frames, LMS packages and the documents for embedders are left out.
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { generateSW } from 'workbox-build';

export function serviceWorker(): AstroIntegration {
  return {
    name: 'course-service-worker',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const { count, size, warnings } = await generateSW({
          globDirectory: root,
          globPatterns: ['**/*.{html,js,css,svg,json}'],
          // The phones' join page talks to a live server and is never served from a cache.
          globIgnores: ['**/embed/**', '**/join/**', 'lms/**', 'oembed/**', 'scenarios.json', 'hosting/**', 'sw.js', 'workbox-*.js'],
          swDest: `${root}/sw.js`,
          directoryIndex: 'index.html',
          // The console's ?session= and campaign parameters do not change the page.
          ignoreURLParametersMatching: [/^session$/, /^utm_/],
          // A new version waits until every tab of the course is closed: a run in progress is
          // never swapped out from under the learner, and the next visit gets the update.
          skipWaiting: false,
          clientsClaim: false,
          cleanupOutdatedCaches: true,
          sourcemap: false,
        });
        for (const warning of warnings) logger.warn(warning);
        logger.info(`service worker precaches ${count} files (${Math.round(size / 1024)} KB)`);
      },
    },
  };
}
