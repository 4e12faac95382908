// Shapes the engine works on. Types only: importing them costs the browser nothing.
import type { Condition, LocalizedText, ScenarioContent } from './schema.ts';

export type { Condition, LocalizedText, Route } from './schema.ts';
export type { Grade, PathMark, Perspective, PrincipleId, Tone } from './vocabulary.ts';

/** A content shape with every localized text replaced by the text of one locale. */
export type Localized<T> = T extends LocalizedText
  ? string
  : T extends readonly (infer U)[]
    ? Localized<U>[]
    : T extends object
      ? { [K in keyof T]: Localized<T[K]> }
      : T;

/** A scenario as authored (every locale) or as shipped to a page (one locale). */
export type Scenario = ScenarioContent | Localized<ScenarioContent>;
export type ScenarioNode = Scenario['nodes'][number];
export type DecisionNode = Extract<ScenarioNode, { type: 'decision' }>;
export type EndingNode = Extract<ScenarioNode, { type: 'ending' }>;
export type Choice = DecisionNode['choices'][number];

/** Meter values by meter id. */
export type Meters = Readonly<Record<string, number>>;

/** Points per principle id. */
export type Points = Readonly<Record<string, number>>;

/** One decision taken in a run. */
export interface Step {
  readonly node: string;
  readonly choice: string;
}

/** One variant of a text: shown when `when` holds; the last variant, the default, has no `when`. */
export interface TextVariant<T = string> {
  readonly when?: Condition | undefined;
  readonly text: T;
}

/** A text that may follow the path: one text, or variants tried in order. */
export type VariableText<T = string> = T | readonly TextVariant<T>[];
