// The course's own content and engine, read the way the build reads them, so a test asserts what
// the engine computes rather than numbers copied into the test.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { scenario as schema, type ScenarioContent } from '../../src/engine/schema.ts';
import { applyEffects, defaultNextId, findNode, isDecision, nextNodeId, startMeters } from '../../src/engine/graph.ts';
import type { Step } from '../../src/engine/types.ts';
import { markedPath } from '../../src/engine/paths.ts';
import { outcome } from '../../src/engine/scoring.ts';
import en from '../../src/i18n/en.json' with { type: 'json' };
import ru from '../../src/i18n/ru.json' with { type: 'json' };
import type { Locale } from '../../src/engine/locales.ts';
import { translator, type Message, type Vars } from '../../src/i18n/messages.ts';
import { template, type Template } from '../../src/course/schemas.ts';

export const ui = { en, ru } as const;

/** A UI string with its {placeholders} filled in, by the course's own translator. */
export const fill = (text: Message, vars: Vars, locale: Locale = 'en') => translator(locale, { text })('text', vars);

/** A plural UI string for a count, in the locale's plural form, by the course's own translator. */
export const plural = (forms: Message, count: number, locale: Locale) => fill(forms, { count }, locale);

type Decision = Extract<ScenarioContent['nodes'][number], { type: 'decision' }>;

/** A scenario's decision by id; throws when it is missing or an ending, so no expectation built on it can hold vacuously. */
export function decisionAt(s: ScenarioContent, id: string): Decision {
  const node = findNode(s, id);
  if (!isDecision(node)) throw new Error(`${s.id} has no decision "${id}"`);
  return node;
}

const dir = join(import.meta.dirname, '..', '..', 'content', 'scenarios');

export const scenarios: ScenarioContent[] = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => schema.parse(parse(readFileSync(join(dir, f), 'utf8'))));

const templatesDir = join(import.meta.dirname, '..', '..', 'content', 'templates');

/** The copyable templates as the content folder holds them, in page order. */
export const templates: Template[] = readdirSync(templatesDir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => template.parse(parse(readFileSync(join(templatesDir, f), 'utf8'))))
  .sort((a, b) => a.order - b.order);

/**
 * The one path every report is checked on (the outcome view, the embed's complete event, the
 * SCORM record, the cmi5 statements and the workshop export): the contractor's real case. It
 * leaves the recommended path and loses points on a principle, so the grade, each reference and
 * the clamp at zero all show; each report must carry what the engine computes for it.
 */
export const reported = (() => {
  const scenario = scenarios.find((s) => s.id === 'contractor')!;
  const steps = markedPath(scenario, 'real');
  return { scenario, steps, outcome: outcome(scenario, steps)! };
})();

/** The shortest list of decisions that reaches each ending, found over (node, meters) states. */
export function shortestPathsToEndings(s: ScenarioContent): Map<string, Step[]> {
  return new Map([...shortestPathsToNodes(s)].filter(([id]) => findNode(s, id)?.type === 'ending'));
}

/**
 * For each kind of medium, the first decision of that kind (in scenario and file order) and the
 * shortest list of decisions that reaches it: what the media tests and screenshots open.
 */
export function momentOfEachMedium(): { kind: string; scenario: ScenarioContent; node: string; steps: Step[] }[] {
  const out = new Map<string, { kind: string; scenario: ScenarioContent; node: string; steps: Step[] }>();
  for (const s of scenarios) {
    const paths = shortestPathsToNodes(s);
    for (const node of s.nodes) {
      if (isDecision(node) && !out.has(node.medium.kind) && paths.has(node.id)) {
        out.set(node.medium.kind, { kind: node.medium.kind, scenario: s, node: node.id, steps: paths.get(node.id)! });
      }
    }
  }
  return [...out.values()];
}

/** The shortest list of decisions that reaches each node, found over (node, meters) states. */
export function shortestPathsToNodes(s: ScenarioContent): Map<string, Step[]> {
  const found = new Map<string, Step[]>();
  const queue = [{ node: s.start, meters: startMeters(s), steps: [] as Step[] }];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const { node: id, meters, steps } = queue.shift()!;
    const key = `${id}|${JSON.stringify(meters)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!found.has(id)) found.set(id, steps);
    const node = findNode(s, id);
    if (!node || !isDecision(node)) continue;
    for (const c of node.choices) {
      const after = applyEffects(s, meters, c.effects);
      const next = nextNodeId(c, after);
      if (next) queue.push({ node: next, meters: after, steps: [...steps, { node: id, choice: c.id }] });
    }
  }
  return found;
}

/** The shortest way to an ending when every choice follows its default route, as without JavaScript. */
export function defaultRoutePath(s: ScenarioContent): { ending: string; steps: Step[] } {
  const queue = [{ node: s.start, steps: [] as Step[] }];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const { node: id, steps } = queue.shift()!;
    const node = findNode(s, id);
    if (!node || seen.has(id)) continue;
    seen.add(id);
    if (!isDecision(node)) return { ending: id, steps };
    for (const c of node.choices) queue.push({ node: defaultNextId(c), steps: [...steps, { node: id, choice: c.id }] });
  }
  throw new Error(`${s.id}: no ending by default routes`);
}

export function choiceLabel(s: ScenarioContent, step: Step, locale: Locale): string {
  const node = findNode(s, step.node);
  const choice = isDecision(node) ? node.choices.find((c) => c.id === step.choice) : undefined;
  if (!choice) throw new Error(`no choice ${step.node}/${step.choice}`);
  return choice.label[locale];
}
