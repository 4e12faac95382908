import { describe, expect, it } from 'vitest';
import { closest, describeFound, fieldPath } from './error-map.ts';
import { formatDiagnostic, validateScenario } from './validate.ts';
import { readFixture } from '../../tests/unit/scenario-fixtures.ts';

type Data = {
  meters: { max: number }[];
  nodes: { type: string; tone?: string; questions?: unknown[]; choices: Record<string, unknown>[] }[];
};

/** The messages an author reads for the mini contractor scenario after one edit, as check:content prints them. */
function messagesAfter(edit: (data: Data) => void): string[] {
  const data = readFixture('valid/mini-contractor.yaml') as Data;
  edit(data);
  return validateScenario({ file: 'mini.yaml', data }).diagnostics.map(formatDiagnostic);
}

const route = (data: Data) => (data.nodes[1]!.choices[1]!['next'] as Record<string, unknown>[])[0]!;

// The most common authoring mistakes first; each message names the file, the node, the choice,
// the field, what it must be and what was found.
describe('what an author reads for a shape mistake', () => {
  it('a typo in a `next` id suggests the node meant', () => {
    expect(
      messagesAfter((d) => {
        d.nodes[0]!.choices[0]!['next'] = 'aks';
      }),
    ).toMatchInlineSnapshot(`
      [
        "mini.yaml › node "unpaid" › choice "remind": [unknown-target] leads to "aks", which is not a node in this scenario (did you mean "ask"?). Fix the id, or add a node with id "aks".",
      ]
    `);
  });

  it('`next` of the wrong kind says it takes a node id or a list of routes', () => {
    expect(
      messagesAfter((d) => {
        d.nodes[0]!.choices[0]!['next'] = 3;
      }),
    ).toMatchInlineSnapshot(`
      [
        "mini.yaml › node "unpaid" › choice "remind": [invalid-shape] \`next\` must be a node id or a list of routes; found the number 3. See content/README.md for the format.",
      ]
    `);
  });

  it('a misspelt `when` in a route names the field it meant', () => {
    expect(
      messagesAfter((d) => {
        const r = route(d);
        r['wen'] = r['when'];
        delete r['when'];
      }),
    ).toMatchInlineSnapshot(`
      [
        "mini.yaml › node "ask" › choice "blunt": [invalid-shape] \`next[0]\` has an unknown field \`wen\` (did you mean "when"?); the fields it takes are \`when\`, \`goto\`. See content/README.md for the format.",
      ]
    `);
  });

  it('a misspelt comparison inside a condition, even nested in `all`, names the one meant', () => {
    expect(
      messagesAfter((d) => {
        route(d)['when'] = { all: [{ meter: 'trust', bellow: 2 }] };
      }),
    ).toMatchInlineSnapshot(`
      [
        "mini.yaml › node "ask" › choice "blunt": [invalid-shape] \`next[0].when.all[0]\` has an unknown field \`bellow\` (did you mean "below"?); the fields it takes are \`meter\`, \`below\`, \`atLeast\`. See content/README.md for the format.",
      ]
    `);
  });

  it('a condition of the wrong kind says what a condition looks like', () => {
    expect(
      messagesAfter((d) => {
        route(d)['when'] = 'trust < 2';
      }),
    ).toMatchInlineSnapshot(`
      [
        "mini.yaml › node "ask" › choice "blunt": [invalid-shape] \`next[0].when\` must be a condition such as \`{ meter: trust, below: 2 }\`, \`{ all: [...] }\` or \`{ any: [...] }\`; found "trust < 2". See content/README.md for the format.",
      ]
    `);
  });

  it('a missing locale names the text and the language', () => {
    expect(
      messagesAfter((d) => {
        d.nodes[0]!.choices[0]!['label'] = { en: 'Send a friendly reminder' };
        d.nodes[0]!.choices[0]!['feedback'] = { en: 'A reminder.', ru: ' ' };
      }),
    ).toMatchInlineSnapshot(`
      [
        "mini.yaml › node "unpaid" › choice "remind": [missing-translation] \`label\` has no Russian text (\`ru\`). Write it in that language.",
        "mini.yaml › node "unpaid" › choice "remind": [missing-translation] \`feedback\` has no Russian text (\`ru\`). Write it in that language.",
      ]
    `);
  });

  it('a wrong meter name suggests the declared meter meant', () => {
    expect(
      messagesAfter((d) => {
        d.nodes[0]!.choices[0]!['effects'] = { trsut: 1 };
      }),
    ).toMatchInlineSnapshot(`
      [
        "mini.yaml › node "unpaid" › choice "remind": [unknown-meter] meter "trsut" is not declared (did you mean "trust"?). Add it under meters, or use one of: cash, trust.",
      ]
    `);
  });

  it('a text written in one language only asks for every language', () => {
    expect(
      messagesAfter((d) => {
        d.nodes[0]!.choices[0]!['label'] = 'Send a friendly reminder';
      }),
    ).toMatchInlineSnapshot(`
      [
        "mini.yaml › node "unpaid" › choice "remind": [invalid-shape] \`label\` must be a text in every language, { en: …, ru: … }; found "Send a friendly reminder". See content/README.md for the format.",
      ]
    `);
  });

  it('a misspelt node type, tone or mark lists the words allowed and the one meant', () => {
    expect(
      messagesAfter((d) => {
        d.nodes[0]!.type = 'decison';
        d.nodes[5]!.tone = 'stedy';
        d.nodes[1]!.choices[0]!['marks'] = ['recomended'];
      }),
    ).toMatchInlineSnapshot(`
      [
        "mini.yaml › node "unpaid": [invalid-shape] \`type\` must be "decision" or "ending"; found "decison" (did you mean "decision"?). See content/README.md for the format.",
        "mini.yaml › node "ask" › choice "warn": [invalid-shape] \`marks[0]\` must be "real" or "recommended"; found "recomended" (did you mean "recommended"?). See content/README.md for the format.",
        "mini.yaml › node "replaced": [invalid-shape] \`tone\` must be "thriving", "steady", "strained" or "broken"; found "stedy" (did you mean "steady"?). See content/README.md for the format.",
      ]
    `);
  });

  it('an unknown field of a choice, an id out of format and too few questions', () => {
    expect(
      messagesAfter((d) => {
        d.nodes[0]!.choices[0]!['nxt'] = 'ask';
        d.nodes[0]!.choices[1]!['id'] = 'Say Nothing';
        d.nodes[1]!.questions = d.nodes[1]!.questions!.slice(0, 1);
      }),
    ).toMatchInlineSnapshot(`
      [
        "mini.yaml › node "unpaid" › choice "remind": [invalid-shape] this choice has an unknown field \`nxt\` (did you mean "next"?); the fields it takes are \`id\`, \`label\`, \`feedback\`, \`why\`, \`points\`, \`effects\`, \`arrivesAfter\`, \`next\`, \`marks\`, \`reaction\`. See content/README.md for the format.",
        "mini.yaml › node "unpaid" › choice "Say Nothing": [invalid-shape] \`id\` must be an id of lowercase letters, digits and single hyphens, e.g. "month-unpaid"; found "Say Nothing" (did you mean "say-nothing"?). See content/README.md for the format.",
        "mini.yaml › node "ask": [invalid-shape] \`questions\` must list at least 2 items; found a list of 1. See content/README.md for the format.",
      ]
    `);
  });

  it('a meter out of its bounds and a missing start, at the scenario level', () => {
    expect(
      messagesAfter((d) => {
        d.meters[0]!.max = 20;
        delete (d as { start?: string }).start;
      }),
    ).toMatchInlineSnapshot(`
      [
        "mini.yaml: [invalid-shape] \`meters[0]\`: a meter needs min < max, a range of at most 10, and a start value within it; found min 0, max 20, start 0. See content/README.md for the format.",
        "mini.yaml: [invalid-shape] \`start\` is missing: give the id of a node. See content/README.md for the format.",
      ]
    `);
  });
});

describe('the pieces of a message', () => {
  it('writes paths as an author finds them in YAML', () => {
    expect(fieldPath(['next', 0, 'when', 'all', 1])).toBe('next[0].when.all[1]');
    expect(fieldPath([2, 'definition'])).toBe('[2].definition');
  });

  it('names what was found in words', () => {
    expect([undefined, null, '', 'yes', 3, true, [], [1, 2], {}, { en: 'a' }].map(describeFound)).toEqual([
      'nothing',
      'an empty value',
      'an empty text',
      '"yes"',
      'the number 3',
      'true',
      'an empty list',
      'a list of 2',
      'an empty set of fields',
      'fields `en`',
    ]);
  });

  it('suggests only a near word: a swap, a missing or an extra letter, never a different word', () => {
    expect(closest('aks', ['ask', 'terms'])).toBe('ask');
    expect(closest('trsut', ['trust', 'patience'])).toBe('trust');
    expect(closest('warnfirst', ['warn-first', 'agree-terms'])).toBe('warn-first');
    expect(closest('end', ['ask', 'terms'])).toBeUndefined();
    expect(closest('ask', ['ask'])).toBeUndefined();
  });
});
