// The content format of a scenario. Build time only: nothing shipped to the browser imports
// this module at run time (the browser gets validated data and the types below).
import { z } from 'astro/zod';
import { localeNames, locales } from './locales.ts';
import { currencies, expressions, idPattern, type mediumKinds, pathMarks, perspectives, tones } from './vocabulary.ts';

// The author error map (error-map.ts) words what an id must look like.
const id = z.string().regex(idPattern);

/** A text in every locale, e.g. `{ en: "Trust", ru: "Доверие" }`. */
export const localizedText = z
  .strictObject(
    Object.fromEntries(
      locales.map((locale) => [locale, z.string().trim().min(1).describe(`The text in ${localeNames[locale]} (${locale}).`)]),
    ) as Record<(typeof locales)[number], z.ZodString>,
  )
  .describe('A text in every language, e.g. { en: "Trust", ru: "Доверие" }.');

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

/** True when one meter is below a value, or at a value or above. */
const meterCondition = z
  .strictObject({
    meter: id.describe('The id of the meter this condition reads, e.g. "trust".'),
    below: z.int().optional().describe('True when the meter is strictly below this value.'),
    atLeast: z.int().optional().describe('True when the meter is at this value or above.'),
  })
  .refine((c) => (c.below === undefined) !== (c.atLeast === undefined), {
    message: 'a meter condition takes exactly one of "below" or "atLeast"',
  })
  .describe('True when one meter is below a value, or at a value or above, e.g. { meter: trust, below: 2 }.');

/** The three forms of a condition, with `inner` for the conditions listed in `all` and `any`. */
const conditionForms = (inner: z.ZodType<Condition>) =>
  z.union([
    meterCondition,
    z.strictObject({ all: z.array(inner).min(1).describe('True when every condition in the list holds.') }),
    z.strictObject({ any: z.array(inner).min(1).describe('True when at least one condition in the list holds.') }),
  ]);

/** A structured condition on meters: `{ meter, below }`, `{ meter, atLeast }`, `{ all: [...] }` or `{ any: [...] }`. */
export const condition: z.ZodType<Condition> = z.lazy(() => conditionForms(condition));

/**
 * The condition schema with its first `depth` levels written out, without the recursion that
 * `z.compile` refuses; the conditions listed deeper inside `all` and `any` are checked by
 * `nested`. With `condition` as `nested` it accepts what `condition` accepts, each value the same way.
 */
export function conditionUnrolled(depth: number, nested: z.ZodType<Condition>): z.ZodType<Condition> {
  return depth === 0 ? nested : conditionForms(conditionUnrolled(depth - 1, nested));
}

/** One way out of a choice: taken when `when` holds (or always, when it has none). */
const routeSchema = (when: z.ZodType<Condition>) =>
  z.strictObject({
    when: when.optional().describe('The condition on meters under which this route is taken; the last route has none.'),
    goto: id.describe('The id of the node this route leads to.'),
  });
export const route = routeSchema(condition);

/**
 * The most combinations of meter values a scenario's conditions may tell apart (as many as four
 * meters of range 10): the exact search for the best runs visits every (node, meter values) state
 * a run can reach, over the meters a condition reads. A meter no condition reads (one only the
 * money in view counts, say) makes no state of its own, and does not count. Validation checks it
 * (engine/validate.ts), where it walks the conditions anyway.
 */
export const meterCombinations = 11 ** 4;

/** How many combinations of values these meters can hold between them. */
export const combinations = (meters: readonly { min: number; max: number }[]) =>
  meters.reduce((n, m) => n * Math.max(1, m.max - m.min + 1), 1);

/**
 * Builds the scenario schema around a text schema: the strict one for authors and editors, a
 * lenient one so the graph can still be checked while some translations are missing.
 */
export function scenarioSchema<T extends z.ZodType>(text: T, when: z.ZodType<Condition> = condition) {
  /**
   * A text that may follow the path: one text, or variants tried in order, each taken when its
   * `when` holds, the last one (the default) without `when`.
   */
  const variableText = z.union([
    z
      .array(
        z.strictObject({
          when: when.optional().describe('The condition on meters under which this variant is shown; the last variant has none.'),
          text: text.describe('The text of this variant.'),
        }),
      )
      .min(1)
      .describe('Variants tried in order, each shown when its `when` holds; the last one, the default, has no `when`.'),
    text,
  ]);

  /** One line of a call, a chat or a meeting: who says it, and what. */
  const line = z.strictObject({
    by: id.describe('The id of the person who says it, declared under `people`.'),
    text: text.describe('What they say.'),
  });
  const lines = z.array(line).min(1);
  // The scene's own word on the sender's face, where its tone is not what trust alone would show.
  const expression = z
    .enum(expressions)
    .optional()
    .describe(
      'The face of the one the moment comes from, e.g. annoyed for a curt email: neutral, pleased, worried or annoyed. Without it, a decision’s face follows the trust meter’s level and a reaction’s shows how its choice moved trust.',
    );

  // The moment's own text (the situation, or a reaction's feedback) is the body unless the
  // medium brings its own `body` or `lines`; then that text is the narration around them.
  const medium = z
    .discriminatedUnion('kind', [
      z.strictObject({
        kind: z.literal('email').describe('An email, shown as a mail client shows it.'),
        from: id.describe('Who sent it, e.g. "mark".'),
        expression,
        to: z.array(id).min(1).describe('Who it is addressed to, e.g. ["anna"].'),
        subject: text.describe('The subject line.'),
        body: text.optional().describe("The message, when the moment's text is the narration around it; its date is the node's day."),
      }),
      z.strictObject({
        kind: z.literal('call').describe('A phone call, with its transcript.'),
        from: id.describe('Who phones, e.g. "mark".'),
        expression,
        to: z.array(id).min(1).describe('Who picks up, e.g. ["anna"].'),
        lines: lines.optional().describe("The transcript, line by line, when the moment's text is the narration around it."),
      }),
      z.strictObject({
        kind: z.literal('chat').describe('A chat message, shown as bubbles.'),
        from: id.describe('Who writes, e.g. "dana".'),
        expression,
        to: z.array(id).min(1).describe('Who the chat is with, e.g. ["mark"].'),
        lines: lines.optional().describe("The messages, bubble by bubble, when the moment's text is the narration around them."),
      }),
      z.strictObject({
        kind: z.literal('meeting').describe('A meeting, in person or on video, shown as dialogue.'),
        from: id.describe('Who leads the meeting or speaks first, e.g. "dana".'),
        expression,
        to: z.array(id).min(1).describe('Who else sits at the table, e.g. ["mark"].'),
        lines: lines.optional().describe("The dialogue, line by line, when the moment's text is the narration around it."),
      }),
      z.strictObject({
        kind: z.literal('note').describe('A note to self: the player’s own thoughts.'),
        from: id.describe('Whose own thoughts these are, e.g. "anna".'),
        expression,
      }),
    ])
    .describe(
      'How a moment reaches the player, named by the ids declared under `people`: an email, a phone call, a chat, a meeting or a note to self. The moment’s text is the body unless the medium brings its own `body` or `lines`; then that text frames them.',
    );
  // Keeps the kinds in the schema and the vocabulary the browser uses as one list.
  medium.options.map((o) => o.shape.kind.value) satisfies (typeof mediumKinds)[number][];

  const choice = z.strictObject({
    id: id.describe('Stable id, unique within its node, e.g. "remind-gently".'),
    label: text.describe('What the player clicks.'),
    feedback: variableText.describe(
      'What the player reads after choosing: what happens, then why it helps or hurts; may follow the meters after the choice.',
    ),
    why: text.describe(
      'One short line on why this choice earns or costs what it does, for the debrief, e.g. "A date gives them time to fix it".',
    ),
    points: z.record(id, z.int()).default({}).describe('Points per principle id, integers, negative where the choice undermines one.'),
    effects: z.record(id, z.int()).default({}).describe("Changes to meters, clamped at each meter's bounds."),
    arrivesAfter: z
      .int()
      .min(1)
      .optional()
      .describe(
        'How many days after this moment the money the choice moves reaches its payee, e.g. 9 for checks sent by mail; until then the strip says it is on its way. Without it, the same day. It must arrive by the next moment’s day.',
      ),
    next: z
      .union([id, z.array(routeSchema(when)).min(1)])
      .describe('The next node: an id, or routes tried in order ending with one that has no `when`.'),
    marks: z.array(z.enum(pathMarks)).default([]).describe("Whether this choice lies on the real case's path and/or the recommended path."),
    reaction: medium.optional().describe('How the other side answers, in its medium, shown before the feedback, e.g. Mark phones at once.'),
  });

  const decisionNode = z.strictObject({
    id: id.describe('Stable id, unique within the scenario, e.g. "month-unpaid"; saved progress refers to it.'),
    type: z.literal('decision').describe('A moment where the player chooses.'),
    title: text.describe('A short name for this moment, for the map and the debrief, e.g. "The client\'s request".'),
    day: z
      .int()
      .min(1)
      .describe('The day of the story this moment happens on, counted from 1; never smaller than the day of a moment before it.'),
    medium: medium.describe(
      'How this moment reaches the player: an email, a call, a chat, a meeting or a note to self, with who it is from and to.',
    ),
    situation: variableText.describe('What the player sees and has to decide about; may follow the meters on arrival.'),
    notes: text.describe('For the facilitator only: what a room usually says, what to draw out.'),
    questions: z.array(text).min(2).describe('For the facilitator only: questions to open the discussion.'),
    counterpart: z
      .strictObject({ scenario: id.describe("The other scenario's id."), node: id.describe('A node id in it.') })
      .optional()
      .describe('The same moment seen from the other perspective, shown read-only.'),
    choices: z.array(choice).default([]).describe('The options the player chooses from.'),
  });

  const endingNode = z.strictObject({
    id: id.describe('Stable id, unique within the scenario, e.g. "paid-in-full".'),
    type: z.literal('ending').describe('Where the story stops and the outcome is shown.'),
    day: z.int().min(1).describe('The day of the story the ending is told on; never smaller than the day of a moment before it.'),
    tone: z.enum(tones).describe('How the story ended, whatever the play that led here: thriving, steady, strained or broken.'),
    title: text.describe("The ending's title."),
    text: variableText.describe('What happened; may follow the meters, so it says only what is true on the path taken.'),
    debrief: variableText.describe('The principles at play, and what would have changed the outcome; may follow the meters.'),
  });

  const person = z
    .strictObject({
      id: id.describe('Stable id that media name, e.g. "mark".'),
      name: text.describe('The name as shown, e.g. "Mark Ellis".'),
      role: text.describe('Who they are in the story, e.g. "the client".'),
    })
    .describe('A person of the story, declared once and named by id wherever they appear.');

  const meter = z
    .strictObject({
      id: id.describe('Stable id, e.g. "trust"; conditions and effects name it.'),
      label: text.describe("The meter's name as shown to players."),
      min: z.int().describe('The lowest value; effects clamp here.'),
      max: z.int().describe('The highest value; effects clamp here.'),
      start: z.int().describe('The value at the start of a run.'),
      hidden: z.boolean().default(false).describe('Never shown to the player: a fact the story remembers for conditions, e.g. "warned".'),
    })
    .refine((m) => m.min < m.max && m.start >= m.min && m.start <= m.max && m.max - m.min <= 10, {
      error: (issue) => {
        const m = issue.input as { min: number; max: number; start: number };
        return `a meter needs min < max, a range of at most 10, and a start value within it; found min ${m.min}, max ${m.max}, start ${m.start}`;
      },
    });

  const scenario = z.strictObject({
    id: id.describe('Stable id, used in addresses: /en/scenarios/{id}/.'),
    perspective: z.enum(perspectives).describe('Whose side the player takes.'),
    title: text.describe("The scenario's title."),
    summary: text.describe('Two sentences for the course outline and the catalogue.'),
    principles: z.array(id).min(1).describe('The principles this scenario scores: warn-first, agree-terms, reward-good.'),
    meters: z
      .array(meter)
      .default([])
      .describe(
        'Small integer ranges that carry consequences, e.g. trust, and hidden facts, e.g. warned; at most four meters of range 10 between those a condition reads.',
      ),
    people: z
      .array(person)
      .min(1)
      .describe(
        'The people of the story, e.g. { id: mark, name: { en: Mark Ellis, ru: Марк Эллис }, role: { en: the client, ru: клиент } }.',
      ),
    money: z
      .strictObject({
        meter: id.describe('The id of the meter that counts the payments, e.g. "cash".'),
        amount: z.int().positive().describe('What one step of the meter is worth, in whole units of the currency, e.g. 1500.'),
        owed: z.int().min(0).describe('How many steps of the meter are owed when the story starts, e.g. 2 for two unpaid invoices.'),
        currency: z.enum(currencies).describe('The ISO 4217 code of the currency, e.g. "USD".'),
        extra: z
          .strictObject({
            meter: id.describe('The id of the meter that counts them, e.g. "paid-since".'),
            amount: z.int().positive().describe('What one step of that meter is worth, in whole units of the currency, e.g. 1500.'),
          })
          .optional()
          .describe(
            'Payments beyond the money owed, e.g. a new invoice or a deposit, counted in a meter of their own: they add to received and never to outstanding, so a path that pays the owed money twice over cannot count it twice.',
          ),
        shownWhen: when
          .optional()
          .describe(
            'When the strip shows the money, e.g. { meter: knows-unpaid, atLeast: 1 }: from the chair of someone who believes the money arrived, the sums would give the story away before they learn it. Without it, always.',
          ),
      })
      .describe(
        'The money in view: received is the meter’s value times `amount`, plus any `extra` payments; outstanding is what is left of `owed` steps.',
      ),
    calendarStart: z.iso.date().describe('The date of day 1 of the story (YYYY-MM-DD), from which emails are dated.'),
    start: id.describe('The id of the first node.'),
    nodes: z
      .array(z.discriminatedUnion('type', [decisionNode, endingNode]))
      .min(1)
      .describe('Decision and ending nodes.'),
  });

  return scenario;
}

/** The scenario as authors write it: every text in every locale. */
export const scenario = scenarioSchema(localizedText);

export type LocalizedText = z.infer<typeof localizedText>;
export type Route = z.infer<typeof route>;
export type MediumContent = Extract<ScenarioContent['nodes'][number], { type: 'decision' }>['medium'];
export type ScenarioContent = z.infer<typeof scenario>;
