// `npm run check:content [file.yaml ...]`: the build's content checks, without a build.
// With no arguments it checks the whole content folder; with scenario files, just those.
import { resolve } from 'node:path';
import { checkContent, checkScenarioFiles } from '../course/check-content.ts';
import { formatDiagnostic } from '../engine/validate.ts';

const files = process.argv.slice(2);
const root = resolve('content');
const diagnostics =
  files.length > 0
    ? await checkScenarioFiles(
        files.map((f) => resolve(f)),
        process.cwd(),
      )
    : await checkContent(root);

for (const d of diagnostics) console.error(formatDiagnostic(d));
if (diagnostics.length > 0) {
  console.error(`\n${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'} found.`);
  process.exitCode = 1;
} else {
  console.log(files.length > 0 ? `${files.length} file(s): no problems.` : 'content: no problems.');
}
