import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { scenario as schema, type ScenarioContent } from '../../src/engine/schema.ts';
import { isDecision } from '../../src/engine/graph.ts';
import { replay } from '../../src/engine/run.ts';
import type { Condition, Route, Scenario, Step } from '../../src/engine/types.ts';

export const fixturesDir = join(import.meta.dirname, '..', 'fixtures', 'scenarios');

export function readFixture(path: string): unknown {
  return parse(readFileSync(join(fixturesDir, path), 'utf8'));
}

export function loadValid(name: 'mini-contractor' | 'mini-client'): ScenarioContent {
  return schema.parse(readFixture(`valid/${name}.yaml`));
}

export function brokenFixtures(): string[] {
  return readdirSync(join(fixturesDir, 'broken')).filter((f) => f.endsWith('.yaml'));
}

const text = (s: string) => ({ en: s, ru: s });

export interface ChoiceSpec {
  id: string;
  points?: Record<string, number>;
  effects?: Record<string, number>;
  next: string | Route[];
  marks?: ('real' | 'recommended')[];
}

/**
 * A scenario from a compact description: decisions by id with their choices (the first id is
 * the start), endings by id; one meter, trust, when `meter` is given. Not validated: tests use
 * it for graphs validation would refuse, too.
 */
export function tinyScenario(
  decisions: Record<string, ChoiceSpec[]>,
  endings: string[],
  meter?: { start: number; max: number; hidden?: boolean },
): ScenarioContent {
  return {
    id: 'tiny',
    perspective: 'client',
    title: text('t'),
    summary: text('t'),
    principles: ['warn-first', 'agree-terms', 'reward-good'],
    meters: [
      ...(meter ? [{ id: 'trust', label: text('Trust'), min: 0, max: meter.max, start: meter.start, hidden: meter.hidden ?? false }] : []),
      { id: 'cash', label: text('Cash'), min: 0, max: 2, start: 0, hidden: false },
    ],
    people: [{ id: 'anna', name: text('Anna'), role: text('Developer') }],
    money: { meter: 'cash', amount: 1000, owed: 2, currency: 'USD' },
    calendarStart: '2025-03-03',
    start: Object.keys(decisions)[0]!,
    nodes: [
      ...Object.entries(decisions).map(([id, choices]) => ({
        id,
        type: 'decision' as const,
        title: text(id),
        day: 1,
        medium: { kind: 'note' as const, from: 'anna' },
        situation: text(id),
        notes: text(id),
        questions: [text('q'), text('q')],
        choices: choices.map((c) => ({
          label: text(c.id),
          feedback: text(c.id),
          why: text(c.id),
          points: {},
          effects: {},
          marks: [],
          ...c,
        })),
      })),
      ...endings.map((id) => ({
        id,
        type: 'ending' as const,
        day: 1,
        tone: 'steady' as const,
        title: text(id),
        text: text(id),
        debrief: text(id),
      })),
    ],
  };
}

/** Every complete path from the start to an ending, by brute force over the choices. */
export function allPaths(s: Scenario): Step[][] {
  const out: Step[][] = [];
  const walk = (steps: Step[]) => {
    const state = replay(s, steps)!;
    if (!isDecision(state.node)) return void out.push(steps);
    for (const c of state.node.choices) walk([...steps, { node: state.node.id, choice: c.id }]);
  };
  walk([]);
  return out;
}

/** The path a list of picks takes: at each decision the choice at index pick % count, until an ending. */
export function walkByPicks(s: Scenario, picks: readonly number[]): Step[] {
  const steps: Step[] = [];
  for (const pick of picks) {
    const { node } = replay(s, steps)!;
    if (!isDecision(node)) break;
    const choices = node.choices;
    steps.push({ node: node.id, choice: choices[pick % choices.length]!.id });
  }
  return steps;
}

/** The kinds of condition in a condition, nested ones included, e.g. ["all", "below", "atLeast"]. */
export const conditionKinds = (c: Condition): string[] =>
  'all' in c
    ? ['all', ...c.all.flatMap(conditionKinds)]
    : 'any' in c
      ? ['any', ...c.any.flatMap(conditionKinds)]
      : [c.below !== undefined ? 'below' : 'atLeast'];
