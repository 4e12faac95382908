// After the build, writes the LMS packages into dist/lms/, where the embedders' page links them.
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { buildPackages } from './build-packages.ts';
import { masteryScore } from '../lms/package-names.ts';
import { defaultSiteUrl } from '../site.ts';

export function lmsPackages(): AstroIntegration {
  let site = '';
  let mastery: number | undefined;
  return {
    name: 'course-lms-packages',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = new URL(config.site ?? defaultSiteUrl).origin;
        // Checked before the build, so a mistyped score stops it at once.
        mastery = masteryScore(process.env);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const written = await buildPackages({ outDir: fileURLToPath(new URL('lms/', dir)), site, mastery });
        logger.info(
          `${written.length} LMS packages written to lms/, ${mastery === undefined ? 'with no mastery score (MASTERY_SCORE sets one)' : `with mastery score ${mastery}`}`,
        );
      },
    },
  };
}
