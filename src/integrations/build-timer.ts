// Records how long the last build took, for `npm run measure` to report, and warns when the
// build's absolute addresses will point at the local default rather than a real host.
import type { AstroIntegration } from 'astro';
import { defaultSiteUrl } from '../site.ts';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export const buildTimeFile = '.astro/build-time.json';

export function buildTimer(): AstroIntegration {
  let started = 0;
  let root = '';
  return {
    name: 'course-build-timer',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        if (command === 'build') started = performance.now();
        root = fileURLToPath(config.root);
        if (command === 'build' && config.site === defaultSiteUrl) {
          logger.warn(
            `SITE_URL is not set, so canonical links, the sitemap, embed snippets, oEmbed and the projector's QR code point at ${defaultSiteUrl}. Fine for trying the course here; for a real host build with SITE_URL=https://your.host.`,
          );
        }
      },
      'astro:build:done': async () => {
        await mkdir(`${root}/.astro`, { recursive: true });
        await writeFile(
          `${root}/${buildTimeFile}`,
          JSON.stringify({ seconds: (performance.now() - started) / 1000, at: new Date().toISOString() }),
        );
      },
    },
  };
}
