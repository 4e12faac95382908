import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { messages, translator, type Message, type Translate } from '../../src/i18n/messages.ts';
import { localize } from '../../src/engine/localize.ts';
import { playerDebrief } from '../../src/engine/play-view.ts';
import { findChoice, findNode } from '../../src/engine/graph.ts';
import { locales } from '../../src/engine/locales.ts';
import { PathReview } from '../../src/components/OutcomeParts.tsx';
import { scenarios } from '../e2e/course-data.ts';
import { allPaths } from './scenario-fixtures.ts';

/** Each language's outer quotation marks: a quotation inside one takes other marks. */
const marks = { en: ['“', '”'], ru: ['«', '»'] } as const;

/** How deep the outer marks nest in a text: 1 where no quotation sits inside one in the same marks. */
function deepest(text: string, [open, close]: readonly [string, string]): number {
  let depth = 0;
  let most = 0;
  for (const c of text) {
    if (c === open) most = Math.max(most, ++depth);
    if (c === close) depth--;
  }
  return most;
}

/** Paths checked per test. */
const batch = 1000;

/**
 * A copy of the contractor's scenario whose first decision's first choice quotes something in
 * `locale`, so the rule below is held whether or not the real content's labels quote anything.
 */
function withQuotingLabel(locale: (typeof locales)[number]) {
  const copy = structuredClone(scenarios.find((s) => s.id === 'contractor')!);
  const first = copy.nodes.find((n) => n.type === 'decision')!;
  const [open, close] = marks[locale];
  first.choices[0]!.label[locale] = `${open}Soon${close}: ${first.choices[0]!.label[locale]}`;
  return { ...copy, id: 'contractor-quoting' };
}

describe('the path review of an ending', () => {
  for (const locale of locales) {
    // The paths that pick a choice whose label quotes something, as "no position to talk about “safer”":
    // the real content's, and a copy's whose first choice quotes (only its first batch of paths).
    const quotingPaths = [...scenarios, withQuotingLabel(locale)].map((content) => {
      const quoting = allPaths(content).filter((steps) =>
        steps.some((s) => /[“«]/.test(findChoice(findNode(content, s.node), s.choice)?.label[locale] ?? '')),
      );
      return { content, quoting: content.id === 'contractor-quoting' ? quoting.slice(0, batch) : quoting };
    });
    it(`${locale}: the copy with a quoting label has paths through it`, () => {
      expect(quotingPaths.at(-1)!.quoting.length).toBeGreaterThan(0);
    });
    for (const { content, quoting } of quotingPaths.filter((p) => p.quoting.length > 0)) {
      // Every such path is checked, in batches: one test over thousands of paths would outrun a
      // test's time limit on a busy machine.
      for (let from = 0; from < quoting.length; from += batch) {
        const paths = quoting.slice(from, from + batch);
        it(`${locale}: ${content.id}: quotes a label that quotes something without doubling the marks (paths ${from + 1}-${from + paths.length} of ${quoting.length})`, () => {
          const scenario = localize(content, locale);
          const t: Translate = translator<string>(locale, messages[locale] as Record<string, Message>);
          for (const steps of paths) {
            const debrief = playerDebrief(scenario, { scenario: scenario.id, steps })!;
            const text = renderToString(h(PathReview, { debrief, t }));
            expect(deepest(text, marks[locale]), text).toBeLessThanOrEqual(1);
          }
        });
      }
    }
  }
});
