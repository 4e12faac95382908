// Builds the LMS packages: per scenario and language, a SCORM 1.2 zip and a cmi5 zip holding a
// self-contained player with relative paths (an LMS cannot serve the site's /_astro/ files).
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { strToU8, zipSync } from 'fflate';
import { scenario as scenarioSchema } from '../engine/schema.ts';
import { localize } from '../engine/localize.ts';
import { locales, type Locale } from '../engine/locales.ts';
import { pickMessages, useMessages } from '../i18n/messages.ts';
import { shippedScenario } from '../course/screen-data.ts';
import { storyViews } from '../course/moment-views.ts';
import { fingerprint } from '../engine/stored-run.ts';
import { castFile, castSvg, packageSheet } from '../course/portraits.ts';
import { packageFile, type PackageKind } from '../lms/package-names.ts';
import type { LmsProps } from '../islands/lms-player.tsx';
import { bundleIsland } from '../islands/bundle.ts';

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function indexHtml(props: LmsProps, title: string): string {
  const json = JSON.stringify(props).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="${props.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${xml(title)}</title>
<link rel="stylesheet" href="player.css">
</head>
<body>
<div id="player"></div>
<script type="application/json" id="lms-props">${json}</script>
<script src="player.js"></script>
</body>
</html>
`;
}

/**
 * The schemas the SCORM 1.2 manifest names in xsi:schemaLocation (IMS Content Packaging 1.1.2 and
 * ADL's SCORM 1.2 extensions), the one they import (ims_xml.xsd) and the one the metadata file
 * names (IMS Meta-data 1.2.1), shipped unchanged at the
 * package's root, where the manifest's hints point: strict importers and ADL's conformance test
 * suite validate the manifest against them, and the SCORM 1.2 Content Aggregation Model asks for
 * these control documents at the root of the package.
 */
export const scorm12Schemas = ['imscp_rootv1p1p2.xsd', 'adlcp_rootv1p2.xsd', 'imsmd_rootv1p2p1.xsd', 'ims_xml.xsd'] as const;

/** What an LMS catalogue shows of a package: the course's name, the scenario's title and summary, and their language. */
interface Catalogue {
  course: string;
  title: string;
  description: string;
  locale: Locale;
}

/** The course and the scenario as one title, e.g. "The Check’s in the Mail — The developer: a month unpaid". */
const fullTitle = (c: Catalogue) => `${c.course} — ${c.title}`;

/**
 * The SCORM 1.2 manifest. Its organization is the course and the scenario together (a catalogue
 * lists eight packages side by side); its one item, the scenario. The package's own metadata is
 * IMS Meta-data 1.2.1 (the LOM binding the SCORM 1.2 Content Aggregation Model names) in a file of
 * its own, `metadata.xml`, which the manifest names with `adlcp:location` (CAM 1.2, external
 * metadata): kept apart because the imsmd schema does not compile in libxml2-based validators
 * (its content models are not deterministic), which would refuse an inline copy in the manifest.
 */
function scormManifest(id: string, c: Catalogue, files: string[], mastery?: number): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${xml(id)}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
    <adlcp:location>${scormMetadataFile}</adlcp:location>
  </metadata>
  <organizations default="organization">
    <organization identifier="organization">
      <title>${xml(fullTitle(c))}</title>
      <item identifier="item" identifierref="player" isvisible="true">
        <title>${xml(c.title)}</title>${mastery === undefined ? '' : `\n        <adlcp:masteryscore>${mastery}</adlcp:masteryscore>`}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="player" type="webcontent" adlcp:scormtype="sco" href="index.html">
${files.map((f) => `      <file href="${f}"/>`).join('\n')}
    </resource>
  </resources>
</manifest>
`;
}

/** The file the manifest's `adlcp:location` names, holding the package's IMS Meta-data. */
const scormMetadataFile = 'metadata.xml';

/**
 * The package's IMS Meta-data 1.2.1 record (imsmd_rootv1p2p1.xsd, shipped beside it):
 * general/title and description as langstrings in the package's language, and general/language,
 * the language of its content, by which a catalogue can filter.
 */
function scormMetadata(c: Catalogue): string {
  const lang = (text: string) => `<langstring xml:lang="${c.locale}">${xml(text)}</langstring>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<lom xmlns="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd">
  <general>
    <title>${lang(fullTitle(c))}</title>
    <language>${c.locale}</language>
    <description>${lang(c.description)}</description>
  </general>
</lom>
`;
}

/**
 * The cmi5 course structure (cmi5.xml; the cmi5 spec's course structure, CourseStructure.xsd): the course
 * is the course and the scenario together, its one AU the scenario; every title and description a
 * langstring whose `lang` is the package's language (an RFC 5646 tag).
 */
function cmi5Structure(base: string, c: Catalogue, mastery?: number): string {
  const lang = (text: string) => `<langstring lang="${c.locale}">${xml(text)}</langstring>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${xml(base)}">
    <title>${lang(fullTitle(c))}</title>
    <description>${lang(c.description)}</description>
  </course>
  <au id="${xml(`${base}/au`)}" ${mastery === undefined ? 'moveOn="Completed"' : `moveOn="CompletedAndPassed" masteryScore="${Number((mastery / 100).toFixed(4))}"`} launchMethod="AnyWindow">
    <title>${lang(c.title)}</title>
    <description>${lang(c.description)}</description>
    <url>index.html</url>
  </au>
</courseStructure>
`;
}

/** Writes every package into `outDir` and returns their file names; `mastery` (0–100) goes into each manifest (see `masteryScore` in lms/package-names.ts). */
export async function buildPackages(options: {
  outDir: string;
  site: string;
  root?: string;
  mastery?: number | undefined;
}): Promise<string[]> {
  const root = resolve(options.root ?? '.');
  // A classic script: an administrator who opens the unzipped package's index.html from disk sees
  // the player (saying no LMS is there), where a module script would leave a blank page.
  const bundle = await bundleIsland('src/islands/lms-player.tsx', { root, css: true, classic: true });
  const schemas = Object.fromEntries(
    await Promise.all(scorm12Schemas.map(async (f) => [f, await readFile(join(root, 'src/lms/scorm12-schemas', f))] as const)),
  );
  const dir = join(root, 'content/scenarios');
  const scenarios = await Promise.all(
    (await readdir(dir))
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map(async (f) => scenarioSchema.parse(parse(await readFile(join(dir, f), 'utf8')))),
  );
  await mkdir(options.outDir, { recursive: true });
  const written: string[] = [];
  for (const scenario of scenarios) {
    for (const locale of locales) {
      // The course's name beside the scenario's title: a catalogue lists the eight packages side by side.
      // As written, not as typeset for a reader: an LMS catalogue indexes and searches them.
      const title = scenario.title[locale];
      const catalogue: Catalogue = {
        course: useMessages(locale)('site.name'),
        title,
        description: scenario.summary[locale],
        locale,
      };
      const sheet = packageSheet(scenario.people.map((p) => p.id));
      for (const mode of ['scorm12', 'cmi5'] as PackageKind[]) {
        const props: LmsProps = {
          scenario: shippedScenario(localize(scenario, locale)),
          fingerprint: fingerprint(scenario),
          // The package carries the people's portraits: an LMS serves only what is inside it.
          story: storyViews(scenario, locale, sheet),
          locale,
          messages: pickMessages(locale, ['player.', 'principle.', 'grade.', 'lms.']),
          mode,
          site: options.site,
        };
        const files: Record<string, Uint8Array> = {
          'index.html': strToU8(indexHtml(props, title)),
          'player.js': strToU8(bundle.js),
          'player.css': strToU8(bundle.css),
        };
        files[`portraits/${castFile}`] = strToU8(castSvg(sheet.people));
        const id = `checks-in-the-mail-${scenario.id}-${locale}`;
        if (mode === 'scorm12') {
          files['imsmanifest.xml'] = strToU8(scormManifest(id, catalogue, Object.keys(files), options.mastery));
          files[scormMetadataFile] = strToU8(scormMetadata(catalogue));
          for (const schema of scorm12Schemas) files[schema] = schemas[schema]!;
        } else files['cmi5.xml'] = strToU8(cmi5Structure(`${options.site}/${locale}/scenarios/${scenario.id}`, catalogue, options.mastery));
        const name = packageFile(scenario.id, locale, mode);
        await writeFile(join(options.outDir, name), zipSync(files, { level: 9 }));
        written.push(name);
      }
    }
  }
  return written;
}
