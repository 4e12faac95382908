// Random valid scenarios from a seed, for property tests and the benchmark. Not shipped.
import { applyEffects, findNode, isDecision, nextNodeId, startMeters } from './graph.ts';
import type { ScenarioContent } from './schema.ts';
import type { PathMark, Route } from './types.ts';

type ContentChoice = Extract<ScenarioContent['nodes'][number], { type: 'decision' }>['choices'][number];

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
  /** Share of choices whose next node depends on a meter. */
  conditional?: number;
  /** Share of nodes that are endings (the last node always is). */
  endings?: number;
}

const text = (s: string) => ({ en: s, ru: s });

export function randomScenario(seed: number, options: RandomScenarioOptions): ScenarioContent {
  const random = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const { nodes: count, choices: [fewest, most] = [2, 4], meters = 3, meterMax = 5, conditional = 0.1, endings = 0.15 } = options;
  const n = Math.max(2, count);
  // No two endings in a row before the last node, so a decision always has a later node to reach.
  const isEnding: boolean[] = [];
  for (let i = 0; i < n; i++) isEnding.push(i === n - 1 || (i > 0 && !isEnding[i - 1] && random() < endings));
  const id = (i: number) => `n${i}`;
  const meterIds = Array.from({ length: meters }, (_, i) => `m${i}`);
  const principles = ['warn-first', 'agree-terms', 'reward-good'];

  const nodes = Array.from({ length: n }, (_, i): ScenarioContent['nodes'][number] => {
    if (isEnding[i]) {
      return {
        id: id(i),
        type: 'ending',
        grade: (['best', 'good', 'mixed', 'poor'] as const)[int(0, 3)]!,
        title: text('End'),
        text: text('End'),
        debrief: text('End'),
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
      if (meters > 0 && random() < conditional) {
        const meter = meterIds[int(0, meters - 1)]!;
        next = [{ when: { meter, below: int(1, meterMax) }, goto: id(int(i + 1, n - 1)) }, { goto: id(target) }];
      }
      return { id: `c${c}`, label: text('Choice'), feedback: text('Feedback'), points, effects, next, marks: [] };
    });
    return {
      id: id(i),
      type: 'decision',
      title: text(`Moment ${i}`),
      situation: text('Situation'),
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
    meters: meterIds.map((m) => ({ id: m, label: text(m), min: 0, max: meterMax, start: int(0, meterMax) })),
    start: id(0),
    nodes,
  };
  markPath(scenario, 'real', () => 0);
  markPath(scenario, 'recommended', (k) => int(0, k - 1));
  return scenario;
}

function markPath(scenario: ScenarioContent, mark: PathMark, pick: (choices: number) => number) {
  let meters = startMeters(scenario);
  let node = findNode(scenario, scenario.start);
  while (isDecision(node)) {
    const choice = node.choices[pick(node.choices.length)]!;
    choice.marks.push(mark);
    meters = applyEffects(scenario, meters, choice.effects);
    node = findNode(scenario, nextNodeId(choice, meters) ?? '');
  }
}
