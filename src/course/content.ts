// What pages read from the content collections, in one place.
import { getCollection, getEntry } from 'astro:content';
import { markedPath } from '../engine/paths.ts';
import { readingMinutes } from './reading-time.ts';
import { locales, type Locale } from '../engine/locales.ts';
import { textIn } from '../engine/localize.ts';
import { useMessages } from '../i18n/messages.ts';
import type { ScenarioContent } from '../engine/schema.ts';
import { missingOutlineEntryError, missingPageError } from './build-errors.ts';

export async function getScenarios(): Promise<ScenarioContent[]> {
  return (await getCollection('scenarios')).map((entry) => entry.data).sort((a, b) => a.id.localeCompare(b.id));
}

export async function getLessons(locale: Locale) {
  const entries = await getCollection('lessons', (entry) => entry.id.startsWith(`${locale}/`));
  return entries.map((entry) => ({ slug: entry.id.slice(locale.length + 1), entry }));
}

export async function getOutline() {
  return (await getCollection('course')).map((entry) => entry.data).sort((a, b) => a.order - b.order);
}

export interface OutlineEntry {
  kind: 'lesson' | 'scenario';
  id: string;
  href: string;
  title: string;
  summary: string;
  /** Minutes to read a lesson, or to play a scenario along its shortest main path. */
  minutes: number;
}

/**
 * The course in order, with what a learner needs to pick the next item. Throws an AstroError
 * (see `missingOutlineEntryError`) when the outline lists a scenario or a lesson the content lacks.
 */
export async function getCourse(locale: Locale): Promise<OutlineEntry[]> {
  const [outline, scenarios, lessons] = await Promise.all([getOutline(), getScenarios(), getLessons(locale)]);
  return outline.map((item): OutlineEntry => {
    if ('scenario' in item) {
      const s = scenarios.find((x) => x.id === item.scenario);
      if (!s) throw missingOutlineEntryError({ kind: 'scenario', id: item.scenario }, locale);
      return {
        kind: 'scenario',
        id: s.id,
        href: `/${locale}/scenarios/${s.id}/`,
        title: textIn(s.title, locale),
        summary: textIn(s.summary, locale),
        minutes: scenarioMinutes(s),
      };
    }
    const lesson = lessons.find((l) => l.slug === item.lesson);
    if (!lesson) throw missingOutlineEntryError({ kind: 'lesson', id: item.lesson }, locale);
    return {
      kind: 'lesson',
      id: lesson.slug,
      href: `/${locale}/lessons/${lesson.slug}/`,
      title: lesson.entry.data.title,
      summary: lesson.entry.data.description,
      minutes: readingMinutes(lesson.entry.body ?? '', locale === 'ru' ? 170 : 200),
    };
  });
}

/** Where the certificate waits, once every item is done. */
export function certificateHref(locale: Locale): string {
  return `/${locale}/progress/#certificate`;
}

/** What follows an item of the course: the next item, or after the last one the certificate. */
export async function nextInCourse(
  locale: Locale,
  kind: OutlineEntry['kind'],
  id: string,
): Promise<{ id?: string; href: string; title: string }> {
  const course = await getCourse(locale);
  const next = course[course.findIndex((item) => item.kind === kind && item.id === id) + 1];
  return next
    ? { id: next.id, href: next.href, title: next.title }
    : { href: certificateHref(locale), title: useMessages(locale)('lesson.finish') };
}

/** About a minute and a half per decision on the recommended path. */
function scenarioMinutes(scenario: ScenarioContent): number {
  return Math.max(5, Math.round(markedPath(scenario, 'recommended').length * 1.5));
}

export async function getGlossary(locale: Locale) {
  const terms = (await getCollection('glossary')).map((entry) => entry.data);
  return terms.sort((a, b) => a.term[locale].localeCompare(b.term[locale], locale));
}

export async function getTemplates() {
  return (await getCollection('templates')).map((entry) => entry.data).sort((a, b) => a.order - b.order);
}

/** The page `content/pages/<locale>/<slug>.mdx`; throws an AstroError naming the file when it is missing. */
export async function getPage(locale: Locale, slug: string) {
  const entry = await getEntry('pages', `${locale}/${slug}`);
  if (!entry) throw missingPageError(locale, slug);
  return entry;
}

/** Static paths for a page that exists once per language. */
export function localePaths() {
  return locales.map((locale) => ({ params: { locale } }));
}

/** Static paths for a page per language and scenario; props carry the scenario and all of them. */
export async function scenarioPaths() {
  const scenarios = await getScenarios();
  return locales.flatMap((locale) =>
    scenarios.map((scenario) => ({ params: { locale, id: scenario.id }, props: { scenario, scenarios } })),
  );
}
