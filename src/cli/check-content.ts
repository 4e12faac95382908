// `npm run check:content [file.yaml ...]`: the build's content checks, without a build.
// With no arguments it checks the whole content folder; with scenario files, just those.
// Errors fail it; tells (engine/tells.ts) are listed as warnings and do not.
import { resolve } from 'node:path';
import { checkContent, checkScenarioFiles, findContentTells } from '../course/check-content.ts';
import { formatDiagnostic } from '../engine/validate.ts';

const files = process.argv.slice(2).map((f) => resolve(f));
const root = resolve('content');
const diagnostics = files.length > 0 ? await checkScenarioFiles(files, process.cwd()) : await checkContent(root);
const warnings = await findContentTells(root, files.length > 0 ? files : undefined);

for (const d of diagnostics) console.error(formatDiagnostic(d));
for (const w of warnings) console.warn(`warning: ${formatDiagnostic(w)}`);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
if (warnings.length > 0)
  console.warn(`\n${plural(warnings.length, 'tell warning')}: a learner could pick the best choice without reading.`);
if (diagnostics.length > 0) {
  console.error(`\n${plural(diagnostics.length, 'problem')} found.`);
  process.exitCode = 1;
} else {
  console.log(files.length > 0 ? `${files.length} file(s): no problems.` : 'content: no problems.');
}
