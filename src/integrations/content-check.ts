// Runs the content checks before Astro builds anything, so an author sees every problem at
// once, by file and node, instead of a stack trace from deep inside the build.
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { checkContent, findContentTells } from '../course/check-content.ts';
import { formatDiagnostic } from '../engine/validate.ts';

export class ContentError extends Error {
  override name = 'ContentError';
}

export function contentCheck(options: { contentDir: string }): AstroIntegration {
  return {
    name: 'course-content-check',
    hooks: {
      'astro:config:setup': async ({ config, logger }) => {
        const dir = resolve(fileURLToPath(config.root), options.contentDir);
        const diagnostics = await checkContent(dir);
        if (diagnostics.length === 0) {
          // Tells do not stop a build; one line points the author to the list.
          const tells = (await findContentTells(dir)).length;
          if (tells > 0)
            logger.warn(`${tells} tell warning${tells === 1 ? '' : 's'} in ${options.contentDir}: \`npm run check:content\` lists them.`);
          return;
        }
        for (const d of diagnostics) logger.error(formatDiagnostic(d));
        const error = new ContentError(
          `${diagnostics.length} content problem${diagnostics.length === 1 ? '' : 's'} in ${options.contentDir} (listed above). Fix them and build again; \`npm run check:content\` checks without building.`,
        );
        // The problems are the author's, not the code's: a stack trace would only hide them.
        error.stack = '';
        throw error;
      },
    },
  };
}
