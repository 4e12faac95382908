// Texts that follow the path: a situation, a feedback or an ending's text may have variants,
// chosen by the same structured conditions as routes.
import { holds } from './graph.ts';
import type { LocalizedText, Meters, TextVariant, VariableText } from './types.ts';

type Variants = readonly TextVariant<string | LocalizedText>[];

/**
 * The text to show for these meters: the first variant whose `when` holds, else the default
 * (the last variant, which validation requires to have no `when`). A plain text is itself.
 */
export function textFor(text: VariableText<string>, meters: Meters): string;
export function textFor(text: VariableText<LocalizedText>, meters: Meters): LocalizedText;
export function textFor(text: VariableText<string | LocalizedText>, meters: Meters): string | LocalizedText {
  if (!Array.isArray(text)) return text as string | LocalizedText;
  const variants = text as Variants;
  return (variants.find((v) => v.when === undefined || holds(v.when, meters)) ?? variants[variants.length - 1]!).text;
}

/** The default text, for views that follow no path (the no-JavaScript version, the other side's moment). */
export function defaultText(text: VariableText<string>): string;
export function defaultText(text: VariableText<LocalizedText>): LocalizedText;
export function defaultText(text: VariableText<string | LocalizedText>): string | LocalizedText {
  if (!Array.isArray(text)) return text as string | LocalizedText;
  const variants = text as Variants;
  return variants[variants.length - 1]!.text;
}
