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
 * (node index, code) pair. Choices are numbered as in `links` (the choices of the node at place n
 * from `links.choiceStart[n]`). `after` applies a choice's effects with the clamping of
 * `applyEffects`, `target` picks the first route that holds as `nextNodeId` does: the same rule as
 * the engine's `step`, which a property test checks. Both read flat arrays and allocate nothing:
 * the search calls them for every state it reaches (millions on a long scenario).
 */
export interface CompiledSteps {
  /** How many codes there are: the product of the meters' ranges. */
  space: number;
  /** The code of the meters at the start. */
  startCode: number;
  /** The code of some meter values (each clamped to its meter's bounds). */
  encode(meters: Readonly<Record<string, number>>): number;
  /** The code after choice `c`'s effects, from the code before. */
  after(c: number, code: number): number;
  /** The place of the node choice `c`'s routes lead to from a code after its effects; -1 for none (or an unknown id). */
  target(c: number, code: number): number;
  /**
   * The code of a state at the node at place n with the meters that no longer matter there set to
   * their minimum. A meter matters at a node while a condition on one of its routes, or on a route
   * of a node after it, reads it; points never depend on the meters, and a meter's effects only
   * ever move itself. So two states of a node that differ only in the others lead to the same
   * runs and points from there on, and the search meets them as one: far fewer states on a long
   * scenario, the same best runs. Needs an acyclic graph, as the search does.
   */
  canonical(n: number, code: number): number;
  /** Choice `c`'s points on principle `p` (in the order of the scenario's principles) are `points[c * P + p]`, P principles. */
  points: Int32Array;
  /** The links the routes were resolved with. */
  links: Links;
  /** Node places so that every route leads to a later one (see `topologicalOrder`). */
  order: Int32Array;
}

/** Compiles a scenario's steps to integers (see `CompiledSteps`). */
export function compileSteps(scenario: Scenario): CompiledSteps {
  const meters = scenario.meters;
  const count = meters.length;
  const top = Int32Array.from(meters, (m) => m.max - m.min);
  const mult = new Int32Array(count);
  let space = 1;
  for (let i = 0; i < count; i++) {
    mult[i] = space;
    space *= top[i]! + 1;
  }
  // Each code's digits, looked up instead of divided out: the search reads them millions of times.
  const digits = new Uint8Array(space * count);
  for (let code = 0; code < space; code++)
    for (let i = 0; i < count; i++) digits[code * count + i] = Math.floor(code / mult[i]!) % (top[i]! + 1);
  const meterIndex = new Map(meters.map((m, i) => [m.id, i]));
  const links = linksOf(scenario);
  const { choiceStart, routeStart, routeTarget } = links;
  const choiceCount = choiceStart[choiceStart.length - 1]!;

  // Loops, not every()/some() with a callback: a callback made per call would be garbage the
  // search makes millions of times.
  const compileCondition = (c: Condition): ((code: number) => boolean) => {
    if ('all' in c) {
      const parts = c.all.map(compileCondition);
      return (code) => {
        for (const part of parts) if (!part(code)) return false;
        return true;
      };
    }
    if ('any' in c) {
      const parts = c.any.map(compileCondition);
      return (code) => {
        for (const part of parts) if (part(code)) return true;
        return false;
      };
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

  /** The meters a condition reads, one bit each (by their place in `meters`); an undeclared one reads none. */
  const read = (c: Condition): number => {
    if ('all' in c) return c.all.reduce((mask, part) => mask | read(part), 0);
    if ('any' in c) return c.any.reduce((mask, part) => mask | read(part), 0);
    const i = meterIndex.get(c.meter);
    return i === undefined || i > 30 ? 0 : 1 << i;
  };

  const encode = (values: Readonly<Record<string, number>>) =>
    meters.reduce((code, m, i) => code + (Math.min(m.max, Math.max(m.min, values[m.id] ?? m.start)) - m.min) * mult[i]!, 0);

  // Per choice: the meters its effects move (flat, from moveStart[c]), its points, and where its
  // routes lead; a choice whose first route has no condition leads there whatever the meters
  // (`fixed`), the others ask their routes' conditions in order (`routed`).
  const P = scenario.principles.length;
  const points = new Int32Array(choiceCount * P);
  const moveStart = new Int32Array(choiceCount + 1);
  const moveMeter: number[] = [];
  const moveDelta: number[] = [];
  const unfixed = -2;
  const fixed = new Int32Array(choiceCount);
  const routed: { holds: ((code: number) => boolean) | undefined; reads: number; to: number }[][] = [];
  scenario.nodes.forEach((node, n) => {
    if (!isDecision(node)) return;
    node.choices.forEach((choice, j) => {
      const c = choiceStart[n]! + j;
      moveStart[c] = moveMeter.length;
      meters.forEach((m, i) => {
        const delta = choice.effects[m.id];
        if (delta) {
          moveMeter.push(i);
          moveDelta.push(delta);
        }
      });
      scenario.principles.forEach((p, k) => {
        points[c * P + k] = choice.points[p] ?? 0;
      });
      const routes = routesOf(choice).map((r, k) => ({
        holds: r.when && compileCondition(r.when),
        reads: r.when ? read(r.when) : 0,
        to: routeTarget[routeStart[c]! + k]!,
      }));
      fixed[c] = routes[0]!.holds ? unfixed : routes[0]!.to;
      routed[c] = routes;
    });
  });
  moveStart[choiceCount] = moveMeter.length;
  const movedMeter = Int32Array.from(moveMeter);
  const movedDelta = Int32Array.from(moveDelta);

  // Per node, the meters that matter there (see `canonical`), one bit each, filled from the
  // endings back; the digits of the others are dropped from its codes. With more meters than
  // bits (only meters of a single value can be that many), every meter is kept.
  const matters = new Int32Array(scenario.nodes.length);
  const order = topologicalOrder(links);
  for (let k = order.length - 1; k >= 0; k--) {
    const n = order[k]!;
    let mask = count > 31 ? -1 : 0;
    for (let c = choiceStart[n]!; c < choiceStart[n + 1]!; c++) {
      for (const r of routed[c]!) mask |= r.reads;
      for (let r = routeStart[c]!; r < routeStart[c + 1]!; r++) if (routeTarget[r]! >= 0) mask |= matters[routeTarget[r]!]!;
    }
    matters[n] = mask;
  }
  const everyMeter = count > 31 ? -1 : 2 ** count - 1;

  return {
    space,
    startCode: encode({}),
    encode,
    after(c, code) {
      let next = code;
      for (let k = moveStart[c]!, end = moveStart[c + 1]!; k < end; k++) {
        const i = movedMeter[k]!;
        const digit = digits[code * count + i]!;
        const moved = digit + movedDelta[k]!;
        next += (Math.min(top[i]!, Math.max(0, moved)) - digit) * mult[i]!;
      }
      return next;
    },
    target(c, code) {
      const to = fixed[c]!;
      if (to !== unfixed) return to;
      for (const r of routed[c]!) if (!r.holds || r.holds(code)) return r.to;
      return -1;
    },
    canonical(n, code) {
      const mask = matters[n]!;
      if (mask === everyMeter) return code;
      let kept = code;
      for (let i = 0; i < count; i++) if (!(mask & (1 << i))) kept -= digits[code * count + i]! * mult[i]!;
      return kept;
    },
    points,
    links,
    order,
  };
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
  const points = new Float64Array(links.choiceStart[nodes.length]! * P);
  const decisions = new Uint8Array(nodes.length);
  for (let n = 0; n < nodes.length; n++) {
    const node = nodes[n];
    if (!isDecision(node)) continue;
    decisions[n] = 1;
    for (let j = 0; j < node.choices.length; j++) {
      const c = links.choiceStart[n]! + j;
      for (let p = 0; p < P; p++) points[c * P + p] = node.choices[j]!.points[principles[p]!] ?? 0;
    }
  }
  return boundOfPoints(principles, links, { points, decisions }, links.index.get(scenario.start));
}

/**
 * `pointsBound` from the choices' points already read: choice c's points on the p-th of
 * `principles` are `points[c * P + p]` (P principles, choices numbered as in `links`, 0 where a
 * choice names none), `decisions[n]` is 1 when the node at place n is a decision (0 at an
 * ending), and `start` is the place of the start node (undefined when no node has its id). For
 * validation, which reads every choice's points in its one pass over the choices.
 */
export function boundOfPoints(
  principles: readonly string[],
  links: Links,
  { points, decisions }: { points: ArrayLike<number>; decisions: ArrayLike<number> },
  start: number | undefined,
): Record<string, number> {
  const P = principles.length;
  const { choiceStart, routeStart, routeTarget } = links;
  const count = choiceStart.length - 1;
  // Per node and principle; an ending's stays 0.
  const bound = new Float64Array(count * P);
  const order = topologicalOrder(links);
  for (let k = order.length - 1; k >= 0; k--) {
    const n = order[k]!;
    if (!decisions[n]) continue;
    bound.fill(-Infinity, n * P, n * P + P);
    for (let c = choiceStart[n]!; c < choiceStart[n + 1]!; c++) {
      for (let p = 0; p < P; p++) {
        let later = -Infinity;
        for (let r = routeStart[c]!; r < routeStart[c + 1]!; r++) {
          const t = routeTarget[r]!;
          if (t >= 0) later = Math.max(later, bound[t * P + p]!);
        }
        bound[n * P + p] = Math.max(bound[n * P + p]!, points[c * P + p]! + later);
      }
    }
  }
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
  const { space, startCode, after, target, canonical, points, links, order } = compileSteps(scenario);
  const { choiceStart } = links;

  // Forward: which states a run reaches, one bit each. The states reached are usually a small
  // share of all (node, code) pairs, so only they get a value below. The loops over a node's
  // reached codes are written out (lowest bit first), not passed a callback: they run millions
  // of times.
  const words = Math.ceil(space / 32);
  const reached = new Uint32Array(scenario.nodes.length * words);
  const startState = canonical(start, startCode);
  reached[start * words + (startState >>> 5)] = 1 << (startState & 31);
  for (const n of order) {
    const first = choiceStart[n]!;
    const last = choiceStart[n + 1]!;
    if (first === last) continue;
    for (let w = n * words, end = w + words, base = 0; w < end; w++, base += 32) {
      for (let bits = reached[w]!; bits !== 0; bits &= bits - 1) {
        const code = base + 31 - Math.clz32(bits & -bits);
        for (let c = first; c < last; c++) {
          let next = after(c, code);
          const t = target(c, next);
          if (t < 0) continue;
          next = canonical(t, next);
          reached[t * words + (next >>> 5)]! |= 1 << (next & 31);
        }
      }
    }
  }

  // Each reached state's place in the value table: the reached states before it, counted per
  // word. A node's reached states are visited in the order of their places.
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
  let bound = 0;
  for (let n = 0; n < scenario.nodes.length; n++) {
    let most = 0;
    for (let i = choiceStart[n]! * P; i < choiceStart[n + 1]! * P; i++) most = Math.max(most, Math.abs(points[i]!));
    bound += most;
  }
  const narrow = bound < 2 ** 15 - 1;
  const unset = narrow ? -(2 ** 15) : -(2 ** 31);
  // An ending's states keep 0; a decision's start unset, filled node by node below.
  const best = narrow ? new Int16Array(total * P) : new Int32Array(total * P);
  for (let k = order.length - 1; k >= 0; k--) {
    const n = order[k]!;
    const first = choiceStart[n]!;
    const last = choiceStart[n + 1]!;
    if (first === last) continue;
    let at = rank[n * words]! * P;
    best.fill(unset, at, (n + 1) * words < rank.length ? rank[(n + 1) * words]! * P : total * P);
    for (let w = n * words, end = w + words, base = 0; w < end; w++, base += 32) {
      for (let bits = reached[w]!; bits !== 0; bits &= bits - 1, at += P) {
        const code = base + 31 - Math.clz32(bits & -bits);
        for (let c = first; c < last; c++) {
          const next = after(c, code);
          const t = target(c, next);
          if (t < 0) continue;
          const from = slot(t, canonical(t, next)) * P;
          for (let p = 0; p < P; p++) {
            const later = best[from + p]!;
            const sum = points[c * P + p]! + later;
            if (later !== unset && sum > best[at + p]!) best[at + p] = sum;
          }
        }
      }
    }
  }

  // The run itself: from the start, the first choice in authored order that earns the best.
  const runFor = (p: number): BestRun => {
    const steps: Step[] = [];
    let n = start;
    let code = startState;
    for (let node = scenario.nodes[n]; isDecision(node); node = scenario.nodes[n]) {
      const wanted = best[slot(n, code) * P + p]!;
      const first = choiceStart[n]!;
      let next = -1;
      for (let c = first; c < choiceStart[n + 1]! && next < 0; c++) {
        const t = target(c, after(c, code));
        if (t < 0) continue;
        const state = canonical(t, after(c, code));
        if (points[c * P + p]! + best[slot(t, state) * P + p]! !== wanted) continue;
        steps.push({ node: node.id, choice: node.choices[c - first]!.id });
        next = t;
        code = state;
      }
      if (next < 0) break;
      n = next;
    }
    return { points: best[slot(start, startState) * P + p]!, steps };
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
