import type { Choice, Condition, DecisionNode, Meters, Route, Scenario, ScenarioNode } from './types.ts';

export function findNode<S extends Scenario>(scenario: S, id: string): S['nodes'][number] | undefined {
  return scenario.nodes.find((node) => node.id === id);
}

export function findChoice(node: ScenarioNode | undefined, choiceId: string): Choice | undefined {
  return node?.type === 'decision' ? (node.choices as Choice[]).find((c) => c.id === choiceId) : undefined;
}

export function startMeters(scenario: Scenario): Meters {
  return Object.fromEntries(scenario.meters.map((m) => [m.id, m.start]));
}

/** Applies a choice's effects, clamping every meter at its bounds; unknown meters are ignored. */
export function applyEffects(scenario: Scenario, meters: Meters, effects: Meters): Meters {
  const next: Record<string, number> = { ...meters };
  for (const m of scenario.meters) {
    const delta = effects[m.id];
    if (delta !== undefined) next[m.id] = Math.min(m.max, Math.max(m.min, (next[m.id] ?? m.start) + delta));
  }
  return next;
}

export function holds(condition: Condition, meters: Meters): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(c, meters));
  if ('any' in condition) return condition.any.some((c) => holds(c, meters));
  const value = meters[condition.meter] ?? 0;
  if (condition.below !== undefined) return value < condition.below;
  return condition.atLeast !== undefined && value >= condition.atLeast;
}

export function routesOf(choice: Choice): Route[] {
  return typeof choice.next === 'string' ? [{ goto: choice.next }] : choice.next;
}

/** Where a choice leads, given the meters after its effects. */
export function nextNodeId(choice: Choice, meters: Meters): string | undefined {
  return routesOf(choice).find((r) => r.when === undefined || holds(r.when, meters))?.goto;
}

/** Where a choice leads when nothing is scored: its last, unconditional route. */
export function defaultNextId(choice: Choice): string {
  const routes = routesOf(choice);
  return routes[routes.length - 1]!.goto;
}

/** Every node a choice may lead to, whatever the meters. */
export function targetsOf(choice: Choice): string[] {
  return routesOf(choice).map((r) => r.goto);
}

export function successors(node: ScenarioNode): string[] {
  return node.type === 'decision' ? (node.choices as Choice[]).flatMap(targetsOf) : [];
}

export function isDecision(node: ScenarioNode | undefined): node is DecisionNode {
  return node?.type === 'decision';
}
