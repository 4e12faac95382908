// `npm run package`: writes the LMS packages (SCORM 1.2 and cmi5, per scenario and language)
// into dist/lms/, where the built site links them. The build writes them too.
import { resolve } from 'node:path';
import { buildPackages } from '../integrations/build-packages.ts';
import { masteryScore } from '../lms/package-names.ts';
import { siteUrl } from '../site.ts';

const written = await buildPackages({ outDir: resolve('dist/lms'), site: siteUrl(process.env), mastery: masteryScore(process.env) });
for (const name of written) console.log(`dist/lms/${name}`);
