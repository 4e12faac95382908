// Shapes the engine works on. Types only: importing them costs the browser nothing.
import type { Condition, LocalizedText, ScenarioContent } from './schema.ts';

export type { Condition, LocalizedText, Route } from './schema.ts';
export type { Grade, PathMark, Perspective, PrincipleId, Tone } from './vocabulary.ts';

/** A content shape with every localized text replaced by `Text`. */
export type WithText<T, Text> = T extends LocalizedText
  ? Text
  : T extends readonly (infer U)[]
    ? WithText<U, Text>[]
    : T extends object
      ? { [K in keyof T]: WithText<T[K], Text> }
      : T;

/** A content shape with every localized text replaced by the text of one locale. */
export type Localized<T> = WithText<T, string>;

/**
 * A scenario whose texts are of type `Text`: `LocalizedText` as authored, `string` as shipped to
 * a page in one locale, and `unknown` (the default) for code that reads no text, which then
 * takes either.
 */
export type Scenario<Text = unknown> = WithText<ScenarioContent, Text>;
export type ScenarioNode<Text = unknown> = Scenario<Text>['nodes'][number];
export type DecisionNode<Text = unknown> = Extract<ScenarioNode<Text>, { type: 'decision' }>;
export type EndingNode<Text = unknown> = Extract<ScenarioNode<Text>, { type: 'ending' }>;
export type Choice<Text = unknown> = DecisionNode<Text>['choices'][number];

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
