// The content format of a scenario. Build time only: nothing shipped to the browser imports
// this module at run time (the browser gets validated data and the types below).
import { z } from 'astro/zod';
import { locales } from '../i18n/locales.ts';

export const principleIds = ['warn-first', 'agree-terms', 'reward-good'] as const;
export const perspectives = ['contractor', 'client'] as const;
export const grades = ['best', 'good', 'mixed', 'poor'] as const;
export const pathMarks = ['real', 'recommended'] as const;

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and single hyphens, e.g. "month-unpaid"');

/** A text in every locale, e.g. `{ en: "Trust", ru: "Доверие" }`. */
export const localizedText = z.strictObject(
  Object.fromEntries(locales.map((locale) => [locale, z.string().trim().min(1)])) as Record<(typeof locales)[number], z.ZodString>,
);

export interface MeterCondition {
  /** The meter this condition reads. */
  meter: string;
  /** True when the meter is strictly below this value. */
  below?: number | undefined;
  /** True when the meter is at this value or above. */
  atLeast?: number | undefined;
}
export interface AllCondition {
  /** True when every condition holds. */
  all: Condition[];
}
export interface AnyCondition {
  /** True when at least one condition holds. */
  any: Condition[];
}
export type Condition = MeterCondition | AllCondition | AnyCondition;

/** A structured condition on meters: `{ meter, below }`, `{ meter, atLeast }`, `{ all: [...] }` or `{ any: [...] }`. */
export const condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z
      .strictObject({
        /** The meter this condition reads. */
        meter: id,
        /** True when the meter is strictly below this value. */
        below: z.int().optional(),
        /** True when the meter is at this value or above. */
        atLeast: z.int().optional(),
      })
      .refine((c) => (c.below === undefined) !== (c.atLeast === undefined), {
        message: 'a meter condition takes exactly one of "below" or "atLeast"',
      }),
    z.strictObject({ /** True when every condition holds. */ all: z.array(condition).min(1) }),
    z.strictObject({ /** True when at least one condition holds. */ any: z.array(condition).min(1) }),
  ]),
);

/** One way out of a choice: taken when `when` holds (or always, when it has none). */
export const route = z.strictObject({
  /** The condition on meters under which this route is taken; the last route has none. */
  when: condition.optional(),
  /** The id of the node this route leads to. */
  goto: id,
});

/**
 * Builds the scenario schema around a text schema: the strict one for authors and editors, a
 * lenient one so the graph can still be checked while some translations are missing.
 */
export function scenarioSchema<T extends z.ZodType>(text: T) {
  const choice = z.strictObject({
    /** Stable id, unique within its node, e.g. "remind-gently". */
    id,
    /** What the player clicks. */
    label: text,
    /** What the player reads after choosing: why this choice helps or hurts, tied to a principle. */
    feedback: text,
    /** Points per principle id, integers, negative where the choice undermines one. */
    points: z.record(id, z.int()).default({}),
    /** Changes to meters, clamped at each meter's bounds. */
    effects: z.record(id, z.int()).default({}),
    /** The next node: an id, or routes tried in order ending with one that has no `when`. */
    next: z.union([id, z.array(route).min(1)]),
    /** Whether this choice lies on the real case's path and/or the recommended path. */
    marks: z.array(z.enum(pathMarks)).default([]),
  });

  const decisionNode = z.strictObject({
    /** Stable id, unique within the scenario, e.g. "month-unpaid". */
    id,
    type: z.literal('decision'),
    /** A short name for this moment, for the map and the debrief, e.g. "The client's request". */
    title: text,
    /** Who is talking in this moment, if anyone. */
    speaker: text.optional(),
    /** What the player sees and has to decide about. */
    situation: text,
    /** For the facilitator only: what a room usually says, what to draw out. */
    notes: text,
    /** For the facilitator only: questions to open the discussion. */
    questions: z.array(text).min(2, 'give at least two discussion questions'),
    /** The same moment seen from the other perspective, shown read-only. */
    counterpart: z.strictObject({ /** The other scenario's id. */ scenario: id, /** A node id in it. */ node: id }).optional(),
    /** The options the player chooses from. */
    choices: z.array(choice).default([]),
  });

  const endingNode = z.strictObject({
    /** Stable id, unique within the scenario. */
    id,
    type: z.literal('ending'),
    /** How good this outcome is. */
    grade: z.enum(grades),
    /** The ending's title. */
    title: text,
    /** What happened. */
    text: text,
    /** The principles at play, and what would have changed the outcome. */
    debrief: text,
  });

  const meter = z
    .strictObject({
      /** Stable id, e.g. "trust". */
      id,
      /** The meter's name as shown to players. */
      label: text,
      /** The lowest value; effects clamp here. */
      min: z.int(),
      /** The highest value; effects clamp here. */
      max: z.int(),
      /** The value at the start of a run. */
      start: z.int(),
    })
    .refine((m) => m.min < m.max && m.start >= m.min && m.start <= m.max && m.max - m.min <= 10, {
      message: 'a meter needs min < max, a range of at most 10, and a start value within it',
    });

  const scenario = z.strictObject({
    /** Stable id, used in addresses: /en/scenarios/{id}/. */
    id,
    /** Whose side the player takes. */
    perspective: z.enum(perspectives),
    /** The scenario's title. */
    title: text,
    /** Two sentences for the course outline and the catalogue. */
    summary: text,
    /** The principles this scenario scores: warn-first, agree-terms, reward-good. */
    principles: z.array(id).min(1),
    /**
     * Small integer ranges that carry consequences, e.g. trust. At most four: the exact maxima
     * are computed over every combination of meter values, which grows with each meter.
     */
    meters: z.array(meter).max(4, 'a scenario has at most 4 meters').default([]),
    /** The id of the first node. */
    start: id,
    /** Decision and ending nodes. */
    nodes: z.array(z.discriminatedUnion('type', [decisionNode, endingNode])).min(1),
  });

  return scenario;
}

/** The scenario as authors write it: every text in every locale. */
export const scenario = scenarioSchema(localizedText);

export type LocalizedText = z.infer<typeof localizedText>;
export type PrincipleId = (typeof principleIds)[number];
export type Perspective = (typeof perspectives)[number];
export type Grade = (typeof grades)[number];
export type PathMark = (typeof pathMarks)[number];
export type Route = z.infer<typeof route>;
export type ScenarioContent = z.infer<typeof scenario>;
