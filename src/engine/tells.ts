// Finds the tells in a scenario's choices: patterns that let a learner pick the best option
// without reading the situation (the longest label, the same position, a word that sounds good).
// They are warnings, not errors: a scenario with a tell still plays, it just teaches less.
import { locales, type Locale } from './locales.ts';
import type { LocalizedText } from './schema.ts';
import type { Diagnostic } from './validate.ts';

export const tellCodes = ['tell-longest-label', 'tell-best-position', 'tell-longest-is-best', 'tell-word'] as const;

export type TellCode = (typeof tellCodes)[number];

/** A tell found in a scenario: a validation diagnostic in all but its code, so it prints the same way. */
export interface TellWarning extends Omit<Diagnostic, 'code'> {
  code: TellCode;
}

/** Words per locale that make an option sound right whatever it says (`content/tell-words.yaml`). */
export type TellWords = Readonly<Record<Locale, readonly string[]>>;

/**
 * The limits, per 25 decision nodes as the issue that set them counted (scaled to the scenario's
 * own count): the best choice may stand in one position at up to 10 nodes, and be the longest
 * label at up to 8. Below `minNodes` decisions a pattern across nodes means nothing.
 */
export const tellLimits = { perNodes: 25, samePosition: 10, longestIsBest: 8, minNodes: 5 } as const;

/** Words in a label: runs of letters or digits, so punctuation and dashes do not count. */
export function wordCount(label: string): number {
  return label.match(/[\p{L}\p{N}’'-]+/gu)?.filter((w) => /[\p{L}\p{N}]/u.test(w)).length ?? 0;
}

/**
 * Whether two word counts are "about as long": the shorter is at least two thirds of the longer
 * (the longer exceeds it by no more than a third of its own words).
 */
export function withinAThird(a: number, b: number): boolean {
  const [long, short] = a >= b ? [a, b] : [b, a];
  return long - short <= long / 3;
}

/**
 * What the tells read of a scenario: its decisions, their choices' labels and points. A whole
 * `ScenarioContent` is one; so is any older or newer scenario shape with these fields.
 */
export interface TellInput {
  readonly nodes: readonly (
    | { readonly type: 'ending' }
    | {
        readonly type: 'decision';
        readonly id: string;
        readonly choices: readonly {
          readonly id: string;
          readonly label: LocalizedText;
          readonly points?: Readonly<Record<string, number>> | undefined;
        }[];
      }
  )[];
}

interface NodeShape {
  node: string;
  /** Index of the choice with the highest total points, when exactly one has it. */
  best?: number | undefined;
  /** Per locale, the index of the one longest label, when exactly one is longest. */
  longest: Partial<Record<Locale, number>>;
  counts: Record<Locale, number[]>;
  labels: Record<Locale, string[]>;
  ids: string[];
}

function total(points: Readonly<Record<string, number>> | undefined): number {
  return Object.values(points ?? {}).reduce((sum, p) => sum + p, 0);
}

/** The index of the single largest value, or undefined on a tie. */
function uniqueMax(values: readonly number[]): number | undefined {
  const max = Math.max(...values);
  const at = values.flatMap((v, i) => (v === max ? [i] : []));
  return at.length === 1 ? at[0] : undefined;
}

function shapes(scenario: TellInput): NodeShape[] {
  return scenario.nodes.flatMap((node) => {
    if (node.type !== 'decision' || node.choices.length < 2) return [];
    const counts = Object.fromEntries(locales.map((l) => [l, node.choices.map((c) => wordCount(c.label[l]))])) as Record<Locale, number[]>;
    return [
      {
        node: node.id,
        best: uniqueMax(node.choices.map((c) => total(c.points))),
        longest: Object.fromEntries(locales.map((l) => [l, uniqueMax(counts[l])])),
        counts,
        labels: Object.fromEntries(locales.map((l) => [l, node.choices.map((c) => c.label[l])])) as Record<Locale, string[]>,
        ids: node.choices.map((c) => c.id),
      },
    ];
  });
}

const ordinal = (i: number) => ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'][i] ?? `number ${i + 1}`;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The tells in one scenario, in the order an author would fix them: per node (a best choice
 * longer than the rest by more than a third; a tell-word in a label), then the patterns across
 * the scenario (one position holding the best choice, or the longest label being the best, more
 * often than `tellLimits` allow for its number of decision nodes). The best choice is the one
 * with the highest total points; a node where several tie has none, and counts for no pattern.
 */
export function findTells(scenario: TellInput, file: string, words: TellWords): TellWarning[] {
  const out: TellWarning[] = [];
  const nodes = shapes(scenario);
  const matchers = Object.fromEntries(
    locales.map((l) => [
      l,
      words[l].map((w) => ({ word: w, re: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(w)}(?![\\p{L}\\p{N}])`, 'iu') })),
    ]),
  ) as Record<Locale, { word: string; re: RegExp }[]>;

  for (const shape of nodes) {
    if (shape.best !== undefined) {
      for (const locale of locales) {
        const counts = shape.counts[locale];
        const best = counts[shape.best]!;
        const others = counts.filter((_, i) => i !== shape.best);
        const next = Math.max(...others);
        if (best > next && !withinAThird(best, next)) {
          out.push({
            code: 'tell-longest-label',
            file,
            node: shape.node,
            choice: shape.ids[shape.best],
            message: `the best choice is the longest label in ${locale} (${best} words against at most ${next}), so length gives it away. Move detail into its feedback, or give the other options as much to say, until every label is within a third of the longest.`,
          });
        }
      }
    }
    for (const [i, choice] of shape.ids.entries()) {
      for (const locale of locales) {
        const found = matchers[locale].find((m) => m.re.test(shape.labels[locale][i]!));
        if (found) {
          out.push({
            code: 'tell-word',
            file,
            node: shape.node,
            choice,
            message: `the ${locale} label says "${found.word}", a word that makes an option sound right whatever it does. Say what the option does and leave how it sounds to the feedback.`,
          });
        }
      }
    }
  }

  const decided = nodes.filter((s) => s.best !== undefined);
  if (nodes.length < tellLimits.minNodes) return out;
  const scale = nodes.length / tellLimits.perNodes;
  const positionLimit = tellLimits.samePosition * scale;
  const byPosition = new Map<number, string[]>();
  for (const s of decided) byPosition.set(s.best!, [...(byPosition.get(s.best!) ?? []), s.node]);
  for (const [position, at] of [...byPosition].sort((a, b) => a[0] - b[0])) {
    if (at.length > positionLimit) {
      out.push({
        code: 'tell-best-position',
        file,
        message: `the best choice is the ${ordinal(position)} option at ${at.length} of ${nodes.length} decisions (at most ${Math.floor(positionLimit)} for this many): ${at.join(', ')}. Vary the authored order so no position stands out.`,
      });
    }
  }
  const longestLimit = tellLimits.longestIsBest * scale;
  for (const locale of locales) {
    const at = decided.filter((s) => s.longest[locale] === s.best).map((s) => s.node);
    if (at.length > longestLimit) {
      out.push({
        code: 'tell-longest-is-best',
        file,
        message: `in ${locale} the longest label is the best choice at ${at.length} of ${nodes.length} decisions (at most ${Math.floor(longestLimit)} for this many): ${at.join(', ')}. Shorten those best choices or lengthen a weaker option at each.`,
      });
    }
  }
  return out;
}
