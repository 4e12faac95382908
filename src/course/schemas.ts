// Schemas of the course's other content (the scenario schema lives with the engine).
import { z } from 'astro/zod';
import { localizedText } from '../engine/schema.ts';
import { locales, type Locale } from '../engine/locales.ts';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and single hyphens');

/** A knowledge-check question with feedback on every option. */
export const checkQuestion = z
  .strictObject({
    /** The question. */
    question: z.string().min(1),
    /** The options; exactly one is correct. */
    options: z
      .array(
        z.strictObject({
          /** The option as the learner reads it. */
          text: z.string().min(1),
          /** Whether this is the right answer. */
          correct: z.boolean().default(false),
          /** Why this option is right or wrong. */
          feedback: z.string().min(1),
        }),
      )
      .min(2),
  })
  .refine((q) => q.options.filter((o) => o.correct).length === 1, { message: 'mark exactly one option "correct: true"' });

/** The frontmatter of a lesson or page. */
export const lessonFrontmatter = z.strictObject({
  /** The lesson's title. */
  title: z.string().min(1),
  /** One sentence for the outline and the page description; it must not give away how the case ended. */
  description: z.string().min(1),
  /** This lesson tells how the case ended: the outline must list it after every scenario. */
  afterScenarios: z.boolean().default(false),
  /** An optional knowledge check, 3-5 questions. */
  check: z.array(checkQuestion).min(3).max(5).optional(),
  /** Optional prompts the learner answers in a text box. */
  reflections: z.array(z.string().min(1)).max(3).optional(),
});

/** A copyable message template. */
export const template = z.strictObject({
  /** Where it stands in the list. */
  order: z.int(),
  /** The template's name. */
  title: localizedText,
  /** One line on when to use it. */
  when: localizedText,
  /** The text to copy; placeholders in square brackets. */
  body: localizedText,
  /** Drafting notes for the reader, shown beside the text and never copied with it. */
  notes: z.array(localizedText).optional(),
});

/** Words per locale that make a choice label sound right whatever it says (`content/tell-words.yaml`). */
export const tellWords = z.strictObject(
  Object.fromEntries(locales.map((locale) => [locale, z.array(z.string().trim().min(1))])) as Record<Locale, z.ZodArray<z.ZodString>>,
);

/** A glossary term. */
export const glossaryTerm = z.strictObject({
  /** Stable id, used in links: /en/glossary/#net-30. */
  id: slug,
  /** The term as written in each language. */
  term: localizedText,
  /** What it means. */
  definition: localizedText,
});

/** One item of the course outline: a lesson or a scenario. */
export const outlineItem = z.union([
  z.strictObject({ /** A lesson's slug. */ lesson: slug }),
  z.strictObject({ /** A scenario's id. */ scenario: slug }),
]);

export const outline = z.array(outlineItem).min(1);

export type LessonFrontmatter = z.infer<typeof lessonFrontmatter>;
export type Template = z.infer<typeof template>;
export type GlossaryTerm = z.infer<typeof glossaryTerm>;
export type OutlineItem = z.infer<typeof outlineItem>;
