// The exact search for the best run on each principle, over every (node, meter values) pair a
// run can reach. Validation uses it to prove that no path beats the recommended one; the browser
// never needs this module.
import { isDecision, routesOf } from './graph.ts';
import type { Condition, Scenario, Step } from './types.ts';

/** The most raw points a run can earn on one principle, and one run (its decisions) that earns it. */
export interface BestRun {
  points: number;
  steps: Step[];
}

const cache = new WeakMap<Scenario, Record<string, BestRun>>();

/**
 * Per principle the scenario scores, the most raw points (the sum of the choices' points, which
 * may be negative) any complete run can earn, and the first such run in the authored order of
 * choices. Exact: it follows the meters, so a branch the meters can never open does not count.
 * Each principle's best run may be a different one. Undefined points are 0.
 */
export function bestRuns(scenario: Scenario): Record<string, BestRun> {
  const cached = cache.get(scenario);
  if (cached) return cached;
  const result = search(scenario);
  cache.set(scenario, result);
  return result;
}

function search(scenario: Scenario): Record<string, BestRun> {
  const principles = scenario.principles;
  const meters = scenario.meters;
  const index = new Map(scenario.nodes.map((n, i) => [n.id, i]));
  const radix = meters.map((m) => m.max - m.min + 1);
  const mult = radix.map((_, i) => radix.slice(0, i).reduce((a, b) => a * b, 1));
  const space = radix.reduce((a, b) => a * b, 1);
  const P = principles.length;

  // Meter values travel as one integer (mixed radix over the meters' ranges, offset by each
  // minimum), so a state is a (node, code) pair and every table is a flat typed array.
  const digit = (code: number, i: number) => Math.floor(code / mult[i]!) % radix[i]!;
  const meterIndex = new Map(meters.map((m, i) => [m.id, i]));
  const compileCondition = (c: Condition): ((code: number) => boolean) => {
    if ('all' in c) {
      const parts = c.all.map(compileCondition);
      return (code) => parts.every((p) => p(code));
    }
    if ('any' in c) {
      const parts = c.any.map(compileCondition);
      return (code) => parts.some((p) => p(code));
    }
    const i = meterIndex.get(c.meter);
    const read = (code: number) => (i === undefined ? 0 : meters[i]!.min + digit(code, i));
    return c.below !== undefined ? (code) => read(code) < c.below! : (code) => c.atLeast !== undefined && read(code) >= c.atLeast;
  };
  const choicesOf = scenario.nodes.map((node) =>
    isDecision(node)
      ? node.choices.map((choice) => ({
          points: principles.map((p) => choice.points[p] ?? 0),
          deltas: meters.map((m) => choice.effects[m.id] ?? 0),
          routes: routesOf(choice).map((r) => ({ holds: r.when ? compileCondition(r.when) : undefined, target: index.get(r.goto) ?? -1 })),
        }))
      : [],
  );
  const apply = (code: number, deltas: number[]) => {
    let next = 0;
    for (let i = 0; i < deltas.length; i++) next += Math.min(radix[i]! - 1, Math.max(0, digit(code, i) + deltas[i]!)) * mult[i]!;
    return next;
  };
  const targetOf = (routes: { holds: ((code: number) => boolean) | undefined; target: number }[], code: number) => {
    for (const r of routes) if (!r.holds || r.holds(code)) return r.target;
    return -1;
  };

  const start = index.get(scenario.start);
  if (start === undefined) return Object.fromEntries(principles.map((p) => [p, { points: 0, steps: [] }]));
  const order = topologicalOrder(scenario, index);
  const startCode = meters.reduce((code, m, i) => code + (m.start - m.min) * mult[i]!, 0);

  // Forward: which (node, meters) states a run can reach.
  const reached = new Uint8Array(scenario.nodes.length * space);
  reached[start * space + startCode] = 1;
  for (const n of order) {
    for (let code = 0; code < space; code++) {
      if (!reached[n * space + code]) continue;
      for (const c of choicesOf[n]!) {
        const after = apply(code, c.deltas);
        const t = targetOf(c.routes, after);
        if (t >= 0) reached[t * space + after] = 1;
      }
    }
  }

  // Backward: the best each principle can still earn from every reached state, and the choice
  // (its index in the node) that earns it.
  const best = new Float64Array(scenario.nodes.length * space * P);
  const bestChoice = new Int16Array(scenario.nodes.length * space * P);
  for (let k = order.length - 1; k >= 0; k--) {
    const n = order[k]!;
    if (choicesOf[n]!.length === 0) continue;
    for (let code = 0; code < space; code++) {
      if (!reached[n * space + code]) continue;
      const at = (n * space + code) * P;
      best.fill(Number.NEGATIVE_INFINITY, at, at + P);
      choicesOf[n]!.forEach((c, ci) => {
        const after = apply(code, c.deltas);
        const t = targetOf(c.routes, after);
        if (t < 0) return;
        const from = (t * space + after) * P;
        for (let p = 0; p < P; p++) {
          const value = c.points[p]! + best[from + p]!;
          if (value > best[at + p]!) {
            best[at + p] = value;
            bestChoice[at + p] = ci;
          }
        }
      });
    }
  }

  const runFor = (p: number): BestRun => {
    const steps: Step[] = [];
    let n = start;
    let code = startCode;
    while (choicesOf[n]!.length > 0) {
      const ci = bestChoice[(n * space + code) * P + p]!;
      const node = scenario.nodes[n]! as Extract<Scenario['nodes'][number], { type: 'decision' }>;
      steps.push({ node: node.id, choice: node.choices[ci]!.id });
      const c = choicesOf[n]![ci]!;
      code = apply(code, c.deltas);
      n = targetOf(c.routes, code);
      if (n < 0) break;
    }
    return { points: best[(start * space + startCode) * P + p]!, steps };
  };
  return Object.fromEntries(principles.map((p, i) => [p, runFor(i)]));
}

/** Node indices so that every choice leads to a later one (the graph is acyclic). */
function topologicalOrder(scenario: Scenario, index: Map<string, number>): number[] {
  const order: number[] = [];
  const state = new Uint8Array(scenario.nodes.length);
  const visit = (i: number) => {
    if (state[i]) return;
    state[i] = 1;
    const node = scenario.nodes[i]!;
    if (isDecision(node)) {
      for (const choice of node.choices)
        for (const r of routesOf(choice)) {
          const t = index.get(r.goto);
          if (t !== undefined) visit(t);
        }
    }
    order.push(i);
  };
  for (let i = 0; i < scenario.nodes.length; i++) visit(i);
  return order.reverse();
}
