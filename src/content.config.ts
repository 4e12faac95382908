import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { scenario } from './engine/schema.ts';
import { glossaryTerm, lessonFrontmatter, outline, template } from './course/schemas.ts';

// Every file here was already checked by the content-check integration before the build
// started, so these schemas only type the data.
const scenarios = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/scenarios' }),
  schema: scenario,
});

const lessons = defineCollection({
  loader: glob({ pattern: '*/*.mdx', base: './content/lessons' }),
  schema: lessonFrontmatter,
});

const pages = defineCollection({
  loader: glob({ pattern: '*/*.mdx', base: './content/pages' }),
  schema: lessonFrontmatter,
});

const templates = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/templates' }),
  schema: template,
});

const glossary = defineCollection({
  loader: file('./content/glossary.yaml'),
  schema: glossaryTerm,
});

const course = defineCollection({
  loader: async () =>
    outline.parse(parseYaml(await readFile('./content/course.yaml', 'utf8'))).map((item, order) => ({ id: String(order), order, ...item })),
});

export const collections = { scenarios, lessons, pages, templates, glossary, course };
