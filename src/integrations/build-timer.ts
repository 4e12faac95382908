// Records how long the last build took, for `npm run measure` to report.
import type { AstroIntegration } from 'astro';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export const buildTimeFile = '.astro/build-time.json';

export function buildTimer(): AstroIntegration {
  let started = 0;
  let root = '';
  return {
    name: 'course-build-timer',
    hooks: {
      'astro:config:setup': ({ config, command }) => {
        if (command === 'build') started = performance.now();
        root = fileURLToPath(config.root);
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
