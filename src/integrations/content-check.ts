// Runs the content checks before Astro builds anything, so an author sees every problem at
// once, by file and node, instead of a stack trace from deep inside the build.
import type { AstroIntegration } from 'astro';
import type { AstroError } from 'astro/errors';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { authorError } from '../course/build-errors.ts';
import { checkContent, findContentTells, type ContentDiagnostic } from '../course/check-content.ts';
import { formatDiagnostic } from '../engine/validate.ts';

/**
 * The build failure for content problems, as Astro shows an author's mistake: the problems, one
 * a line as `npm run check:content` prints them, then a hint on what to do. `contentDir` is the
 * folder as the configuration names it. Throws nothing; the caller throws it.
 */
export function contentError(diagnostics: readonly ContentDiagnostic[], contentDir: string): AstroError {
  const count = `${diagnostics.length} content problem${diagnostics.length === 1 ? '' : 's'}`;
  return authorError(
    `${count} in ${contentDir}:\n${diagnostics.map((d) => `  - ${formatDiagnostic(d)}`).join('\n')}`,
    'Fix each line at the file, node and choice it names, then build again. `npm run check:content` runs the same checks in a second or two, without a build; content/README.md describes the format.',
  );
}

export function contentCheck(options: { contentDir: string }): AstroIntegration {
  return {
    name: 'course-content-check',
    hooks: {
      'astro:config:setup': async ({ config, logger }) => {
        const dir = resolve(fileURLToPath(config.root), options.contentDir);
        const diagnostics = await checkContent(dir);
        if (diagnostics.length > 0) throw contentError(diagnostics, options.contentDir);
        // Tells do not stop a build; one line points the author to the list.
        const tells = (await findContentTells(dir)).length;
        if (tells > 0)
          logger.warn(`${tells} tell warning${tells === 1 ? '' : 's'} in ${options.contentDir}: \`npm run check:content\` lists them.`);
      },
    },
  };
}
