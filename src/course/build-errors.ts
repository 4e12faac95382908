// The build failures an author's content can cause, as Astro shows an author's mistake (an
// AstroError, as Starlight throws them): what is wrong, naming the file and the entry, then a hint
// on the fix. Plain functions that return the error, so a test reads each one's full wording.
import { AstroError } from 'astro/errors';
import { suggestion } from '../engine/error-map.ts';
import { localeNames, locales, type Locale } from '../engine/locales.ts';

/** Both languages, as a hint names them: "English and Russian". */
const languages = locales.map((l) => localeNames[l]).join(' and ');

/**
 * An AstroError for a mistake in the content: `message` says what is wrong and where, `hint`
 * what to do. Without a stack trace: the problem is the author's, and a trace into the build's
 * code would only hide it.
 */
export function authorError(message: string, hint: string): AstroError {
  const error = new AstroError(message, hint);
  error.stack = '';
  return error;
}

/** A page of the site reads `content/pages/<locale>/<slug>.mdx`, which does not exist. */
export function missingPageError(locale: Locale, slug: string): AstroError {
  return authorError(
    `content/pages/${locale}/${slug}.mdx is missing: a page of the site reads its text from it (getPage("${slug}")).`,
    `Write the file: a frontmatter holding \`title\` and \`description\`, then the text in ${localeNames[locale]}, as the other files in content/pages/${locale}/ do. Every page exists in ${languages}.`,
  );
}

/**
 * `content/course.yaml` lists an entry the content does not have: a scenario no file defines, or
 * a lesson without its file in `locale`. The content check refuses both before a build; this is
 * the build's own guard, should it meet one anyway.
 */
export function missingOutlineEntryError(entry: { kind: 'lesson' | 'scenario'; id: string }, locale: Locale): AstroError {
  return entry.kind === 'scenario'
    ? authorError(
        `content/course.yaml lists scenario "${entry.id}", which no file in content/scenarios/ defines.`,
        `Fix the id in content/course.yaml, or add a scenario whose \`id\` is "${entry.id}" to content/scenarios/. \`npm run check:content\` lists every such problem in a second or two, without a build.`,
      )
    : authorError(
        `content/course.yaml lists lesson "${entry.id}", but content/lessons/${locale}/${entry.id}.mdx does not exist.`,
        `Write content/lessons/${locale}/${entry.id}.mdx (every lesson exists in ${languages}), or fix the name in content/course.yaml. \`npm run check:content\` lists every such problem in a second or two, without a build.`,
      );
}

/**
 * A lesson or page uses `<Term id="…">` with an id that content/glossary.yaml does not define.
 * `ids` are the glossary's ids, for the nearest one to be named (engine/error-map.ts's `suggestion`).
 */
export function unknownTermError(id: string, ids: readonly string[]): AstroError {
  return authorError(
    `<Term id="${id}">: content/glossary.yaml defines no term "${id}"${suggestion(id, ids)}.`,
    `Use the id of a term in content/glossary.yaml, or add the term there, with its name and definition in ${languages}.`,
  );
}

/** A component that needs the page's language (`<Term>`, `<Cast>`) is used on a page outside /en/ and /ru/. */
export function outsideLocaleError(component: string): AstroError {
  return authorError(
    `${component} is used on a page that has no language in its address.`,
    `Use ${component} only in lessons and pages under src/pages/[locale]/, which are built once for each of ${languages}.`,
  );
}
