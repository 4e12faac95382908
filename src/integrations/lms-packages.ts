// After the build, writes the LMS packages into dist/lms/, where the embedders' page links them.
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { buildPackages } from './build-packages.ts';

export function lmsPackages(): AstroIntegration {
  let site = '';
  return {
    name: 'course-lms-packages',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = new URL(config.site ?? 'http://localhost:4321').origin;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const written = await buildPackages({ outDir: fileURLToPath(new URL('lms/', dir)), site });
        logger.info(`${written.length} LMS packages written to lms/`);
      },
    },
  };
}
