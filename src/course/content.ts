// What pages read from the content collections, in one place.
import { getCollection } from 'astro:content';
import type { Locale } from '../i18n/locales.ts';
import type { ScenarioContent } from '../engine/schema.ts';

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
