// The exact search for the best run on each principle, over the (node, meter values) states a
// run can reach, and only those. Validation uses it to prove that no path beats the recommended
// one; the browser never needs this module.
import { isDecision, routesOf } from './graph.ts';
import type { Condition, Scenario, Step } from './types.ts';

/** The most raw points a run can earn on one principle, and one run (its decisions) that earns it. */
export interface BestRun {
  points: number;
  steps: Step[];
}

/**
 * A scenario's links resolved once to places (a node's index in `nodes`), in flat arrays, so the
 * checks and searches that walk a long scenario look each id up once and allocate nothing per
 * node. Choices and routes are numbered in the order of the file.
 */
export interface Links {
  /** Each node id's place; of two nodes with one id (which validation refuses), the last. */
  index: Map<string, number>;
  /** The choices of the node at place n are numbered `choiceStart[n]` to `choiceStart[n + 1] - 1`; an ending has none. */
  choiceStart: Int32Array;
  /** The routes of choice c are numbered `routeStart[c]` to `routeStart[c + 1] - 1`. */
  routeStart: Int32Array;
  /** Per route, the place of the node it leads to; -1 when its id names no node. */
  routeTarget: Int32Array;
}

/** A scenario's links (see `Links`). */
export function linksOf(scenario: Scenario): Links {
  const nodes = scenario.nodes;
  const index = new Map<string, number>();
  for (let n = 0; n < nodes.length; n++) index.set(nodes[n]!.id, n);
  const choiceStart = new Int32Array(nodes.length + 1);
  const routeStart: number[] = [];
  const routeTarget: number[] = [];
  for (let n = 0; n < nodes.length; n++) {
    choiceStart[n] = routeStart.length;
    const node = nodes[n]!;
    if (!isDecision(node)) continue;
    for (const choice of node.choices) {
      routeStart.push(routeTarget.length);
      const next = choice.next;
      if (typeof next === 'string') routeTarget.push(index.get(next) ?? -1);
      else for (const r of next) routeTarget.push(index.get(r.goto) ?? -1);
    }
  }
  choiceStart[nodes.length] = routeStart.length;
  routeStart.push(routeTarget.length);
  return { index, choiceStart, routeStart: Int32Array.from(routeStart), routeTarget: Int32Array.from(routeTarget) };
}

/**
 * A scenario's steps compiled to integers, for the exact search: meter values travel as one
 * code (mixed radix over the meters' ranges, each offset by its minimum), so a state is a
 * (node index, code) pair. `after` applies a choice's effects with the clamping of `applyEffects`,
 * `target` picks the first route that holds as `nextNodeId` does: the same rule as the engine's
 * `step`, which a property test checks.
 */
export interface CompiledSteps {
  /** How many codes there are: the product of the meters' ranges. */
  space: number;
  /** The code of the meters at the start. */
  startCode: number;
  /** The code of some meter values (each clamped to its meter's bounds). */
  encode(meters: Readonly<Record<string, number>>): number;
  /** Per node (by index), its choices compiled; none at an ending. */
  choices: CompiledChoice[][];
  /** The links the routes were resolved with. */
  links: Links;
}

export interface CompiledChoice {
  /** Points per principle, in the order of the scenario's principles. */
  points: Int32Array;
  /** The code after this choice's effects, from the code before. */
  after(code: number): number;
  /** The index of the node the routes lead to from a code after the effects; -1 for none (or an unknown id). */
  target(code: number): number;
}

/** Compiles a scenario's steps to integers (see `CompiledSteps`). */
export function compileSteps(scenario: Scenario): CompiledSteps {
  const meters = scenario.meters;
  const radix = meters.map((m) => m.max - m.min + 1);
  const mult = radix.map((_, i) => radix.slice(0, i).reduce((a, b) => a * b, 1));
  const space = radix.reduce((a, b) => a * b, 1);
  const count = meters.length;
  // Each code's digits, looked up instead of divided out: the search reads them millions of times.
  const digits = new Uint8Array(space * count);
  for (let code = 0; code < space; code++)
    for (let i = 0; i < count; i++) digits[code * count + i] = Math.floor(code / mult[i]!) % radix[i]!;
  const meterIndex = new Map(meters.map((m, i) => [m.id, i]));
  const links = linksOf(scenario);

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
    // An undeclared meter reads 0, as `holds` reads it (validation reports the name apart).
    const read = i === undefined ? () => 0 : (code: number) => meters[i]!.min + digits[code * count + i]!;
    if (c.below !== undefined) {
      const below = c.below;
      return (code) => read(code) < below;
    }
    const atLeast = c.atLeast;
    return atLeast === undefined ? () => false : (code) => read(code) >= atLeast;
  };

  const encode = (values: Readonly<Record<string, number>>) =>
    meters.reduce((code, m, i) => code + (Math.min(m.max, Math.max(m.min, values[m.id] ?? m.start)) - m.min) * mult[i]!, 0);

  const choices = scenario.nodes.map((node, n) =>
    isDecision(node)
      ? node.choices.map((choice, j): CompiledChoice => {
          const moved = meters.flatMap((m, i) => (choice.effects[m.id] ? [{ i, delta: choice.effects[m.id]! }] : []));
          const first = links.routeStart[links.choiceStart[n]! + j]!;
          const routes = routesOf(choice).map((r, k) => ({
            holds: r.when ? compileCondition(r.when) : undefined,
            to: links.routeTarget[first + k]!,
          }));
          return {
            points: Int32Array.from(scenario.principles, (p) => choice.points[p] ?? 0),
            after: (code) => {
              let next = code;
              for (const { i, delta } of moved) {
                const digit = digits[code * count + i]!;
                next += (Math.min(radix[i]! - 1, Math.max(0, digit + delta)) - digit) * mult[i]!;
              }
              return next;
            },
            target: (code) => {
              for (const r of routes) if (!r.holds || r.holds(code)) return r.to;
              return -1;
            },
          };
        })
      : [],
  );
  return { space, startCode: encode({}), encode, choices, links };
}

/**
 * Per principle the scenario scores, at most how many raw points a complete run can earn,
 * whatever the meters: every route of every choice counts as open, so the figure is never below
 * the exact best of `bestRuns`, and often equal to it. One pass over the choices in topological
 * order, no meter states, so validation proves with it first and runs the exact search only when
 * the recommended path earns less than this on some principle. `-Infinity` on every principle
 * when no run reaches an ending. Needs an acyclic graph (validation reports loops before it asks).
 * `links` are the scenario's, when the caller has them already.
 */
export function pointsBound(scenario: Scenario, links: Links = linksOf(scenario)): Record<string, number> {
  const { principles, nodes } = scenario;
  const P = principles.length;
  const { choiceStart, routeStart, routeTarget } = links;
  // Per node and principle; an ending's stays 0.
  const bound = new Float64Array(nodes.length * P);
  const order = topologicalOrder(links);
  for (let k = order.length - 1; k >= 0; k--) {
    const n = order[k]!;
    const node = nodes[n];
    if (!isDecision(node)) continue;
    bound.fill(-Infinity, n * P, n * P + P);
    for (let j = 0; j < node.choices.length; j++) {
      const points = node.choices[j]!.points;
      const c = choiceStart[n]! + j;
      for (let p = 0; p < P; p++) {
        let later = -Infinity;
        for (let r = routeStart[c]!; r < routeStart[c + 1]!; r++) {
          const t = routeTarget[r]!;
          if (t >= 0) later = Math.max(later, bound[t * P + p]!);
        }
        bound[n * P + p] = Math.max(bound[n * P + p]!, (points[principles[p]!] ?? 0) + later);
      }
    }
  }
  const start = links.index.get(scenario.start);
  return Object.fromEntries(principles.map((p, i) => [p, start === undefined ? -Infinity : bound[start * P + i]!]));
}

const cache = new WeakMap<Scenario, Record<string, BestRun>>();

/**
 * Per principle the scenario scores, the most raw points (the sum of the choices' points, which
 * may be negative) any complete run can earn, and the first such run in the authored order of
 * choices. Exact: it follows the meters, so a branch the meters can never open does not count.
 * Each principle's best run may be a different one. Undefined points are 0. Points are summed as
 * 32-bit integers (16-bit when every run's sum fits), far above what any authored scenario earns.
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
  const P = principles.length;
  const start = scenario.nodes.findIndex((n) => n.id === scenario.start);
  if (start < 0) return Object.fromEntries(principles.map((p) => [p, { points: 0, steps: [] }]));
  const { space, startCode, choices, links } = compileSteps(scenario);
  const order = topologicalOrder(links);

  // Forward: which states a run reaches, one bit each. The states reached are usually a small
  // share of all (node, code) pairs, so only they get a value below.
  const words = Math.ceil(space / 32);
  const reached = new Uint32Array(scenario.nodes.length * words);
  const mark = (n: number, code: number) => {
    reached[n * words + (code >>> 5)]! |= 1 << (code & 31);
  };
  const eachReached = (n: number, visit: (code: number) => void) => {
    for (let w = 0; w < words; w++) {
      let bits = reached[n * words + w]!;
      while (bits !== 0) {
        const low = bits & -bits;
        visit(w * 32 + 31 - Math.clz32(low));
        bits ^= low;
      }
    }
  };
  mark(start, startCode);
  for (const n of order) {
    const here = choices[n]!;
    if (here.length === 0) continue;
    eachReached(n, (code) => {
      for (const c of here) {
        const after = c.after(code);
        const t = c.target(after);
        if (t >= 0) mark(t, after);
      }
    });
  }

  // Each reached state's place in the value table: the reached states before it, counted per word.
  const rank = new Int32Array(reached.length);
  let total = 0;
  for (let w = 0; w < reached.length; w++) {
    rank[w] = total;
    total += popcount(reached[w]!);
  }
  const slot = (n: number, code: number) => {
    const w = n * words + (code >>> 5);
    return rank[w]! + popcount(reached[w]! & ((1 << (code & 31)) - 1));
  };

  // Backward: the best each principle can still earn from every reached state (0 at an ending).
  // A run visits each node at most once, so no sum exceeds the nodes' largest points added up:
  // when that fits in 16 bits, so does the table, at half the memory.
  const bound = choices.reduce((sum, here) => sum + Math.max(0, ...here.flatMap((c) => Array.from(c.points, Math.abs))), 0);
  const narrow = bound < 2 ** 15 - 1;
  const unset = narrow ? -(2 ** 15) : -(2 ** 31);
  const best = narrow ? new Int16Array(total * P) : new Int32Array(total * P);
  for (let k = order.length - 1; k >= 0; k--) {
    const n = order[k]!;
    const here = choices[n]!;
    if (here.length === 0) continue;
    eachReached(n, (code) => {
      const at = slot(n, code) * P;
      best.fill(unset, at, at + P);
      for (const c of here) {
        const after = c.after(code);
        const t = c.target(after);
        if (t < 0) continue;
        const from = slot(t, after) * P;
        for (let p = 0; p < P; p++) {
          const later = best[from + p]!;
          if (later !== unset) best[at + p] = Math.max(best[at + p]!, c.points[p]! + later);
        }
      }
    });
  }

  // The run itself: from the start, the first choice in authored order that earns the best.
  const runFor = (p: number): BestRun => {
    const steps: Step[] = [];
    let n = start;
    let code = startCode;
    while (choices[n]!.length > 0) {
      const wanted = best[slot(n, code) * P + p]!;
      const node = scenario.nodes[n]!;
      const ci = choices[n]!.findIndex((c) => {
        const t = c.target(c.after(code));
        return t >= 0 && c.points[p]! + best[slot(t, c.after(code)) * P + p]! === wanted;
      });
      if (ci < 0 || !isDecision(node)) break;
      steps.push({ node: node.id, choice: node.choices[ci]!.id });
      const c = choices[n]![ci]!;
      code = c.after(code);
      n = c.target(code);
    }
    return { points: best[slot(start, startCode) * P + p]!, steps };
  };
  return Object.fromEntries(principles.map((p, i) => [p, runFor(i)]));
}

function popcount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Node places so that every route leads to a later one (the graph is acyclic), by a depth-first
 * search without recursion (a 5,000-node scenario has paths too long for the call stack): a
 * node is placed before everything it leads to once all of that is placed.
 */
function topologicalOrder({ choiceStart, routeStart, routeTarget }: Links): Int32Array {
  const count = choiceStart.length - 1;
  const order = new Int32Array(count);
  let placed = count;
  const seen = new Uint8Array(count);
  // The trail of the search, and per step of it the next route to follow.
  const trail = new Int32Array(count);
  const cursor = new Int32Array(count);
  for (let root = 0; root < count; root++) {
    if (seen[root]) continue;
    seen[root] = 1;
    trail[0] = root;
    cursor[0] = routeStart[choiceStart[root]!]!;
    let depth = 1;
    while (depth > 0) {
      const n = trail[depth - 1]!;
      const r = cursor[depth - 1]!;
      if (r === routeStart[choiceStart[n + 1]!]) {
        order[--placed] = n;
        depth--;
        continue;
      }
      cursor[depth - 1] = r + 1;
      const t = routeTarget[r]!;
      if (t >= 0 && !seen[t]) {
        seen[t] = 1;
        trail[depth] = t;
        cursor[depth] = routeStart[choiceStart[t]!]!;
        depth++;
      }
    }
  }
  return order;
}
