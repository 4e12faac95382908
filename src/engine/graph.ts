import type { Choice, Condition, DecisionNode, Meters, Route, Scenario, ScenarioNode } from './types.ts';

export function findNode<S extends Scenario>(scenario: S, id: string): S['nodes'][number] | undefined {
  return scenario.nodes.find((node) => node.id === id);
}

/** A decision's choice by id, with the node's kind of text; undefined at an ending or for an unknown id. */
export function findChoice<C extends Choice>(
  node: { readonly type: string; readonly choices?: readonly C[] } | undefined,
  choiceId: string,
): C | undefined {
  return node?.choices?.find((c) => c.id === choiceId);
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

/** What one decision does: the meters after the choice's effects, and the node they lead to. */
export interface Consequence {
  readonly meters: Meters;
  /** The next node's id; undefined when no route holds (validation refuses such a choice). */
  readonly next: string | undefined;
}

/**
 * The one rule of moving through a scenario: a choice's effects change the meters (clamped at
 * each meter's bounds), then the first of its routes whose condition holds on the new meters
 * names the next node. Running, the marked paths, validation and the generator all step with it;
 * the exact search compiles the same rule to integers (`compileSteps`) and a property test holds
 * the two together.
 */
export function step(scenario: Scenario, meters: Meters, choice: Choice): Consequence {
  const after = applyEffects(scenario, meters, choice.effects);
  return { meters: after, next: nextNodeId(choice, after) };
}

/** One decision on a walk: where it was taken, and the choice. */
export interface Visit {
  readonly node: DecisionNode;
  readonly choice: Choice;
}

/**
 * Walks from the start, taking at each decision the choice `pick` names, until an ending or a
 * decision where `pick` names none; a loop (which validation reports apart) ends the walk once it
 * has taken as many decisions as there are nodes.
 */
export function walk(scenario: Scenario, pick: (node: DecisionNode) => Choice | undefined): Visit[] {
  const visits: Visit[] = [];
  let meters = startMeters(scenario);
  let node = findNode(scenario, scenario.start);
  while (isDecision(node) && visits.length < scenario.nodes.length) {
    const choice = pick(node);
    if (!choice) break;
    visits.push({ node, choice });
    const next = step(scenario, meters, choice);
    meters = next.meters;
    node = findNode(scenario, next.next ?? '');
  }
  return visits;
}

/** Every node a choice may lead to, whatever the meters. */
export function targetsOf(choice: Choice): string[] {
  return routesOf(choice).map((r) => r.goto);
}

/** Whether a node is a decision; keeps the node's kind of text. */
export function isDecision<N extends ScenarioNode>(node: N | undefined): node is Extract<N, { type: 'decision' }> {
  return node?.type === 'decision';
}
