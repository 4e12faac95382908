// Random valid scenarios from a seed, for property tests and the benchmark. Not shipped.
import { isDecision, targetsOf, walk } from './graph.ts';
import type { MediumContent, ScenarioContent } from './schema.ts';
import type { Condition, PathMark, Route } from './types.ts';
import { principleIds, tones } from './vocabulary.ts';

type ContentChoice = Extract<ScenarioContent['nodes'][number], { type: 'decision' }>['choices'][number];
type ContentText = ScenarioContent['title'];

/** A small, fast, seeded generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RandomScenarioOptions {
  nodes: number;
  /** Fewest and most choices per decision. */
  choices?: [number, number];
  meters?: number;
  /** Largest meter value; meters run from 0. */
  meterMax?: number;
  /** Share of choices whose next node depends on the meters (and of texts with variants). */
  conditional?: number;
  /** Share of nodes that are endings (the last node always is). */
  endings?: number;
}

const text = (s: string): ContentText => ({ en: s, ru: s });

/** Each kind of medium in turn, between the two people every random scenario declares. */
function randomMedium(i: number): MediumContent {
  const line = { by: 'mark', text: text('Line') };
  const media: MediumContent[] = [
    { kind: 'email', from: 'mark', to: ['anna'], subject: text('Subject') },
    { kind: 'call', from: 'mark', to: ['anna'], lines: [line] },
    { kind: 'chat', from: 'mark', to: ['anna'] },
    { kind: 'meeting', from: 'mark', to: ['anna'], lines: [line] },
    { kind: 'note', from: 'anna' },
  ];
  return media[i % media.length]!;
}

/**
 * A random scenario that passes validation, built without retrying: every node reachable, an
 * ending reachable from everywhere, no loops, both marked paths, routes and text variants on
 * every kind of condition (`below`, `atLeast`, `all`, `any`), some hidden meters, and the
 * recommended path strengthened until it earns the most on every principle (and more than 0).
 */
export function randomScenario(seed: number, options: RandomScenarioOptions): ScenarioContent {
  const random = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const { nodes: count, choices: [fewest, most] = [2, 4], meterMax = 5, conditional = 0.1, endings = 0.15 } = options;
  // The money in view is counted on a meter, so there is always one.
  const meters = Math.max(1, options.meters ?? 3);
  const n = Math.max(2, count);
  // No two endings in a row before the last node, so a decision always has a later node to reach.
  const isEnding: boolean[] = [];
  for (let i = 0; i < n; i++) isEnding.push(i === n - 1 || (i > 0 && !isEnding[i - 1] && random() < endings));
  const id = (i: number) => `n${i}`;
  const meterIds = Array.from({ length: meters }, (_, i) => `m${i}`);
  const principles = [...principleIds];

  const meterCondition = (): Condition => {
    const meter = meterIds[int(0, meters - 1)]!;
    return random() < 0.5 ? { meter, below: int(1, meterMax) } : { meter, atLeast: int(1, meterMax) };
  };
  const randomCondition = (): Condition => {
    const kind = int(0, 3);
    if (kind === 2) return { all: [meterCondition(), meterCondition()] };
    if (kind === 3) return { any: [meterCondition(), meterCondition()] };
    return meterCondition();
  };
  const variableText = (s: string) =>
    meters > 0 && random() < conditional ? [{ when: randomCondition(), text: text(`${s}, varied`) }, { text: text(s) }] : text(s);

  const nodes = Array.from({ length: n }, (_, i): ScenarioContent['nodes'][number] => {
    if (isEnding[i]) {
      return {
        id: id(i),
        type: 'ending',
        day: i + 1,
        tone: tones[int(0, tones.length - 1)]!,
        title: text('End'),
        text: variableText('End'),
        debrief: variableText('Debrief'),
      };
    }
    // The first choice keeps every later node reachable: it steps to the next node, and past an
    // ending to the node after it.
    const chain = [i + 1, ...(isEnding[i + 1] && i + 2 < n ? [i + 2] : [])];
    const targets = [...chain];
    const want = int(fewest, most);
    while (targets.length < want) targets.push(int(i + 1, n - 1));
    const choices: ContentChoice[] = targets.map((target, c) => {
      const points = Object.fromEntries(principles.filter(() => random() < 0.6).map((p) => [p, int(-2, 3)]));
      const effects = Object.fromEntries(meterIds.filter(() => random() < 0.4).map((m) => [m, int(-1, 1)]));
      let next: string | Route[] = id(target);
      if (meters > 0 && random() < conditional) next = [{ when: randomCondition(), goto: id(int(i + 1, n - 1)) }, { goto: id(target) }];
      return {
        id: `c${c}`,
        label: text('Choice'),
        feedback: variableText('Feedback'),
        why: text('Why'),
        points,
        effects,
        next,
        marks: [],
      };
    });
    return {
      id: id(i),
      type: 'decision',
      title: text(`Moment ${i}`),
      // Every choice leads to a later node, so numbering days by position never goes back.
      day: i + 1,
      medium: randomMedium(i),
      situation: variableText('Situation'),
      notes: text('Notes'),
      questions: [text('Q1'), text('Q2')],
      choices,
    };
  });

  const scenario: ScenarioContent = {
    id: `random-${seed >>> 0}`,
    perspective: 'contractor',
    title: text('Random'),
    summary: text('Random'),
    principles,
    meters: meterIds.map((m) => ({ id: m, label: text(m), min: 0, max: meterMax, start: int(0, meterMax), hidden: random() < 0.25 })),
    people: [
      { id: 'anna', name: text('Anna'), role: text('Developer') },
      { id: 'mark', name: text('Mark'), role: text('Client') },
    ],
    money: { meter: meterIds[0]!, amount: 1000, owed: meterMax, currency: 'USD' },
    calendarStart: '2025-03-03',
    start: id(0),
    nodes,
  };
  markPath(scenario, 'real', () => 0);
  markPath(scenario, 'recommended', (k) => int(0, k - 1));
  strengthenRecommended(scenario);
  return scenario;
}

function markPath(scenario: ScenarioContent, mark: PathMark, pick: (choices: number) => number) {
  walk(scenario, (node) => {
    const choice = node.choices[pick(node.choices.length)]!;
    choice.marks.push(mark);
    return choice;
  });
}

/**
 * Raises the points of the recommended choices until the recommended path earns the most on
 * every principle, and more than 0. One pass over the nodes, the last first: at each node it keeps
 * an upper bound of what any run can still earn from there (the best choice towards the best of
 * all its routes' targets, whatever the meters), and at a decision of the recommended path it
 * raises the recommended choice until the path from there earns at least what any other choice
 * there could. By induction the path then earns the most from each of its own states, so the
 * exact search of validation finds no better run.
 */
function strengthenRecommended(scenario: ScenarioContent) {
  const principles = scenario.principles;
  const path = new Map(
    walk(scenario, (node) => node.choices.find((c) => c.marks.includes('recommended'))).map((v) => [v.node.id, v.choice]),
  );
  const bound = new Map<string, number[]>();
  // Node ids are n0, n1, … in an order where every choice leads to a later node.
  const byIndex = (id: string) => Number(id.slice(1));
  const nodes = [...scenario.nodes].sort((a, b) => byIndex(b.id) - byIndex(a.id));
  // What the recommended path earns from its node on, filled as the pass goes back along it.
  let rest = principles.map(() => 0);
  for (const node of nodes) {
    if (!isDecision(node)) {
      bound.set(
        node.id,
        principles.map(() => 0),
      );
      continue;
    }
    const reach = (choice: ContentChoice) =>
      principles.map((p, i) => (choice.points[p] ?? 0) + Math.max(...targetsOf(choice).map((t) => bound.get(t)![i]!)));
    const recommended = path.get(node.id);
    if (recommended) {
      const others = node.choices.filter((c) => c !== recommended).map(reach);
      principles.forEach((p, i) => {
        const needed = Math.max(0, ...others.map((o) => o[i]!)) - rest[i]!;
        if ((recommended.points[p] ?? 0) < needed) recommended.points[p] = needed;
      });
      rest = principles.map((p, i) => (recommended.points[p] ?? 0) + rest[i]!);
    }
    const reached = node.choices.map(reach);
    bound.set(
      node.id,
      principles.map((_, i) => Math.max(...reached.map((r) => r[i]!))),
    );
  }
  const first = path.get(scenario.start)!;
  principles.forEach((p, i) => {
    if (rest[i]! <= 0) first.points[p] = (first.points[p] ?? 0) + 1 - rest[i]!;
  });
}
