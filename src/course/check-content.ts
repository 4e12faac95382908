// Reads the content folder and checks all of it: what the build and `npm run check:content` run.
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'astro/zod';
import { authorIssues, authorParse } from '../engine/error-map.ts';
import { locales } from '../engine/locales.ts';
import { issueDiagnostic, validateScenarios, type Diagnostic, type DiagnosticCode, type ScenarioSource } from '../engine/validate.ts';
import { findTells, type TellWarning, type TellWords } from '../engine/tells.ts';
import { scenario as scenarioSchema } from '../engine/schema.ts';
import { glossaryTerm, lessonFrontmatter, type OutlineItem, outline, template, tellWords } from './schemas.ts';

export type ContentDiagnostic = Omit<Diagnostic, 'code'> & {
  code: DiagnosticCode | 'unreadable-file' | 'missing-locale' | 'unknown-reference' | 'spoiler-order';
};

/** Parses a YAML file; a syntax error becomes a diagnostic, not an exception. */
export async function readYaml(file: string, root: string): Promise<{ data?: unknown; diagnostics: ContentDiagnostic[] }> {
  const name = relative(root, file) || file;
  try {
    return { data: parseYaml(await readFile(file, 'utf8')) as unknown, diagnostics: [] };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { diagnostics: [{ code: 'unreadable-file', file: name, message: 'does not exist. Create it (see content/README.md).' }] };
    }
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return {
      diagnostics: [{ code: 'unreadable-file', file: name, message: `cannot be read as YAML: ${reason}. Fix the syntax at that line.` }],
    };
  }
}

/** Checks scenario files as one set (so counterparts between them are checked). */
export async function checkScenarioFiles(files: string[], root: string): Promise<ContentDiagnostic[]> {
  const diagnostics: ContentDiagnostic[] = [];
  const sources: ScenarioSource[] = [];
  for (const file of files) {
    const read = await readYaml(file, root);
    diagnostics.push(...read.diagnostics);
    if (read.diagnostics.length === 0) sources.push({ file: relative(root, file) || file, data: read.data });
  }
  return [...diagnostics, ...validateScenarios(sources).diagnostics];
}

async function listFiles(dir: string, extension: string): Promise<string[]> {
  try {
    return (await readdir(dir))
      .filter((f) => f.endsWith(extension))
      .sort()
      .map((f) => join(dir, f));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

function splitFrontmatter(source: string): { frontmatter: string; body: string } | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  return match ? { frontmatter: match[1]!, body: match[2]! } : undefined;
}

function shapeDiagnostics(file: string, error: z.ZodError): ContentDiagnostic[] {
  return authorIssues(error.issues).map((issue) => issueDiagnostic(file, issue));
}

/** Lessons or pages: same slugs in every locale, valid frontmatter, glossary links that exist. */
async function checkMdxFolder(
  root: string,
  folder: string,
  termIds: Set<string> | undefined,
): Promise<{ diagnostics: ContentDiagnostic[]; slugs: Set<string>; afterScenarios: Set<string> }> {
  const diagnostics: ContentDiagnostic[] = [];
  const afterScenarios = new Set<string>();
  const slugsByLocale = new Map<string, Set<string>>();
  for (const locale of locales) {
    const files = await listFiles(join(root, folder, locale), '.mdx');
    slugsByLocale.set(locale, new Set(files.map((f) => basename(f, '.mdx'))));
    for (const file of files) {
      const name = relative(root, file);
      const parts = splitFrontmatter(await readFile(file, 'utf8'));
      if (!parts) {
        diagnostics.push({
          code: 'invalid-shape',
          file: name,
          message: 'has no frontmatter. Start the file with a --- block holding title and description.',
        });
        continue;
      }
      let data: unknown;
      try {
        data = parseYaml(parts.frontmatter);
      } catch (error) {
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        diagnostics.push({ code: 'unreadable-file', file: name, message: `its frontmatter is not valid YAML: ${reason}.` });
        continue;
      }
      const parsed = lessonFrontmatter.safeParse(data, authorParse);
      if (!parsed.success) diagnostics.push(...shapeDiagnostics(name, parsed.error));
      else if (parsed.data.afterScenarios) afterScenarios.add(basename(file, '.mdx'));
      if (!termIds) continue;
      for (const match of parts.body.matchAll(/<Term\s+id=["']([^"']+)["']/g)) {
        if (!termIds.has(match[1]!)) {
          diagnostics.push({
            code: 'unknown-reference',
            file: name,
            message: `<Term id="${match[1]}"> names a term that is not in glossary.yaml. Add the term or fix the id.`,
          });
        }
      }
    }
  }
  const all = new Set([...slugsByLocale.values()].flatMap((s) => [...s]));
  for (const slug of all) {
    for (const locale of locales) {
      if (!slugsByLocale.get(locale)!.has(slug)) {
        diagnostics.push({
          code: 'missing-locale',
          file: join(folder, locale, `${slug}.mdx`),
          message: `is missing: "${slug}" exists in another language. Write this language's version.`,
        });
      }
    }
  }
  return { diagnostics, slugs: all, afterScenarios };
}

/**
 * A lesson that tells how the case ended (`afterScenarios: true`) listed above a scenario would
 * spoil it: the learner would play knowing the twist. One diagnostic per such lesson, naming the
 * last scenario it must follow.
 */
export function spoilerOrder(items: readonly OutlineItem[], afterScenarios: ReadonlySet<string>): ContentDiagnostic[] {
  const lastScenario = items.findLastIndex((item) => 'scenario' in item);
  if (lastScenario < 0) return [];
  const scenario = (items[lastScenario] as { scenario: string }).scenario;
  return items.slice(0, lastScenario).flatMap((item) =>
    'lesson' in item && afterScenarios.has(item.lesson)
      ? [
          {
            code: 'spoiler-order' as const,
            file: 'course.yaml',
            message: `lists lesson "${item.lesson}" before scenario "${scenario}", but the lesson tells how the case ended (afterScenarios: true). Move it below the last scenario, or take the twist out of the lesson.`,
          },
        ]
      : [],
  );
}

/** The list of tell-words per locale, in the content folder. */
export const tellWordsFile = 'tell-words.yaml';

/**
 * The tells in the content's scenarios (see engine/tells.ts): warnings an author should fix so a
 * learner cannot win by picking the longest label or the usual position. A scenario with errors,
 * or a missing or malformed tell-word list, yields none here: `checkContent` reports those.
 */
export async function findContentTells(root: string, files?: string[]): Promise<TellWarning[]> {
  const list = await readYaml(join(root, tellWordsFile), root);
  const words: TellWords | undefined = tellWords.safeParse(list.data).data;
  if (!words) return [];
  const warnings: TellWarning[] = [];
  for (const file of files ?? (await listFiles(join(root, 'scenarios'), '.yaml'))) {
    const { data } = await readYaml(file, root);
    const parsed = scenarioSchema.safeParse(data);
    if (parsed.success) warnings.push(...findTells(parsed.data, relative(root, file) || file, words));
  }
  return warnings;
}

/** Checks the whole content folder. */
export async function checkContent(root: string): Promise<ContentDiagnostic[]> {
  const diagnostics: ContentDiagnostic[] = [];
  const scenarioFiles = await listFiles(join(root, 'scenarios'), '.yaml');
  diagnostics.push(...(await checkScenarioFiles(scenarioFiles, root)));
  const scenarioIds = new Set<string>();
  for (const file of scenarioFiles) {
    const { data } = await readYaml(file, root);
    const id = (data as { id?: unknown } | undefined)?.id;
    if (typeof id === 'string') scenarioIds.add(id);
  }

  const termIds = new Set<string>();
  const glossaryFile = join(root, 'glossary.yaml');
  const glossary = await readYaml(glossaryFile, root);
  diagnostics.push(...glossary.diagnostics);
  if (glossary.data !== undefined) {
    const parsed = z.array(glossaryTerm).safeParse(glossary.data, authorParse);
    if (!parsed.success) diagnostics.push(...shapeDiagnostics('glossary.yaml', parsed.error));
    for (const term of parsed.data ?? []) {
      if (termIds.has(term.id))
        diagnostics.push({
          code: 'duplicate-id',
          file: 'glossary.yaml',
          message: `term id "${term.id}" is used twice. Merge or rename them.`,
        });
      termIds.add(term.id);
    }
  }

  for (const file of await listFiles(join(root, 'templates'), '.yaml')) {
    const read = await readYaml(file, root);
    diagnostics.push(...read.diagnostics);
    const parsed = template.safeParse(read.data, authorParse);
    if (read.data !== undefined && !parsed.success) diagnostics.push(...shapeDiagnostics(relative(root, file), parsed.error));
  }

  const words = await readYaml(join(root, tellWordsFile), root);
  if (words.data !== undefined) {
    const parsed = tellWords.safeParse(words.data, authorParse);
    if (!parsed.success) diagnostics.push(...shapeDiagnostics(tellWordsFile, parsed.error));
  }

  const lessons = await checkMdxFolder(root, 'lessons', termIds);
  const pages = await checkMdxFolder(root, 'pages', termIds);
  diagnostics.push(...lessons.diagnostics, ...pages.diagnostics);

  const course = await readYaml(join(root, 'course.yaml'), root);
  diagnostics.push(...course.diagnostics);
  const parsed = outline.safeParse(course.data, authorParse);
  if (course.data !== undefined && !parsed.success) diagnostics.push(...shapeDiagnostics('course.yaml', parsed.error));
  const listed = new Set<string>();
  for (const item of parsed.data ?? []) {
    const [kind, id] = 'lesson' in item ? (['lesson', item.lesson] as const) : (['scenario', item.scenario] as const);
    listed.add(`${kind}:${id}`);
    const known = kind === 'lesson' ? lessons.slugs : scenarioIds;
    if (!known.has(id)) {
      diagnostics.push({
        code: 'unknown-reference',
        file: 'course.yaml',
        message: `lists ${kind} "${id}", which does not exist. Fix the name or write the ${kind}.`,
      });
    }
  }
  diagnostics.push(...spoilerOrder(parsed.data ?? [], lessons.afterScenarios));
  for (const slug of lessons.slugs) {
    if (!listed.has(`lesson:${slug}`))
      diagnostics.push({
        code: 'unknown-reference',
        file: 'course.yaml',
        message: `does not list lesson "${slug}". Add it where it belongs in the outline.`,
      });
  }
  for (const id of scenarioIds) {
    if (!listed.has(`scenario:${id}`))
      diagnostics.push({
        code: 'unknown-reference',
        file: 'course.yaml',
        message: `does not list scenario "${id}". Add it where it belongs in the outline.`,
      });
  }
  return diagnostics;
}
