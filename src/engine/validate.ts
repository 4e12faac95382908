// Checks a scenario as an author wrote it. Never throws: every problem becomes a diagnostic
// that names the file, the node or choice, and what to change.
import { z } from 'astro/zod';
import { authorIssues, authorParse, fieldPath, suggestion } from './error-map.ts';
import { isLocale, localeNames } from './locales.ts';
import { bestRuns, boundOfPoints, type Links } from './best-runs.ts';
import { isDecision, type Visit, walk } from './graph.ts';
import { markedPath, referencePoints } from './paths.ts';
import { peopleIn, type Medium } from './moment.ts';
import {
  combinations,
  condition,
  conditionUnrolled,
  localizedText,
  meterCombinations,
  scenario as strictSchema,
  scenarioSchema,
} from './schema.ts';
import { pathMarks, principleIds } from './vocabulary.ts';
import type { Condition, PathMark, Scenario, Step } from './types.ts';
import type { ScenarioContent } from './schema.ts';

export const diagnosticCodes = [
  'invalid-shape',
  'missing-translation',
  'duplicate-id',
  'unknown-principle',
  'unknown-meter',
  'unknown-person',
  'unknown-target',
  'missing-default-route',
  'missing-default-text',
  'no-choices',
  'cycle',
  'unreachable-node',
  'dead-end',
  'day-goes-back',
  'broken-counterpart',
  'invalid-path-mark',
  'recommended-earns-nothing',
  'path-beats-recommended',
] as const;

export type DiagnosticCode = (typeof diagnosticCodes)[number];

export interface Diagnostic {
  code: DiagnosticCode;
  /** The file the problem is in, as given to the validator. */
  file: string;
  /** The node the problem is in, when there is one. */
  node?: string | undefined;
  /** The choice the problem is in, when there is one. */
  choice?: string | undefined;
  /** What is wrong and how to fix it. */
  message: string;
}

export interface ScenarioSource {
  file: string;
  data: unknown;
}

export interface ValidationResult {
  diagnostics: Diagnostic[];
  /** The scenario, when it has no diagnostics. */
  scenario?: ScenarioContent;
}

const lenientSchema = scenarioSchema(z.unknown());
/**
 * The strict schema compiled by `z.compile` to one generated function, for the common case of a
 * file with no shape problem (several times faster than zod's interpreter on a long scenario).
 * `z.compile` refuses a recursive schema, so conditions, the one recursive part, are written out
 * two levels deep (authors nest one level) and only what is nested deeper is checked by the
 * condition schema itself. A file it refuses is parsed again by `strictSchema`, whose author
 * error map words each problem; a unit test holds the two to the same answers.
 */
export const compiledScenario = z.compile(
  scenarioSchema(
    localizedText,
    conditionUnrolled(
      2,
      z.custom<Condition>((value) => condition.safeParse(value).success),
    ),
  ),
  { strict: true },
);
/** The conditions of a list of text variants, whatever their texts (a malformed list is a shape problem, reported apart). */
const variantConditions = z.array(z.object({ when: condition.optional() }));

/** Validates one scenario on its own (counterparts are checked by `validateScenarios`). */
export function validateScenario(source: ScenarioSource): ValidationResult {
  const diagnostics: Diagnostic[] = [];
  const compiled = compiledScenario.safeParse(source.data);
  const strict = compiled.success ? compiled : strictSchema.safeParse(source.data, authorParse);
  if (!strict.success) diagnostics.push(...authorIssues(strict.error.issues).map((issue) => shapeDiagnostic(source, issue)));
  const lenient = strict.success ? strict : lenientSchema.safeParse(source.data);
  if (lenient.success) diagnostics.push(...checkGraph(source.file, lenient.data as Scenario, strict.success));
  return diagnostics.length === 0 && strict.success ? { diagnostics, scenario: strict.data } : { diagnostics };
}

/** Validates scenarios together, so that counterpart links between them are checked too. */
export function validateScenarios(sources: ScenarioSource[]): { diagnostics: Diagnostic[]; scenarios: ScenarioContent[] } {
  const results = sources.map((source) => ({ source, result: validateScenario(source) }));
  const diagnostics = results.flatMap((r) => r.result.diagnostics);
  const scenarios = results.flatMap((r) => (r.result.scenario ? [r.result.scenario] : []));
  const byId = new Map<string, { file: string; nodes: Set<string> }>();
  // Each file read once by the lenient schema (zod's interpreter, slow on a long scenario), for both loops below.
  const lenient = results.map(({ source }) => ({ source, parsed: lenientSchema.safeParse(source.data) }));
  for (const { source, parsed } of lenient) {
    if (!parsed.success) continue;
    if (byId.has(parsed.data.id)) {
      diagnostics.push({
        code: 'duplicate-id',
        file: source.file,
        message: `scenario id "${parsed.data.id}" is also used by ${byId.get(parsed.data.id)!.file}. Give each scenario its own id.`,
      });
      continue;
    }
    byId.set(parsed.data.id, { file: source.file, nodes: new Set(parsed.data.nodes.map((n) => n.id)) });
  }
  for (const { source, parsed } of lenient) {
    if (!parsed.success) continue;
    for (const node of parsed.data.nodes) {
      if (node.type !== 'decision' || !node.counterpart) continue;
      const { scenario, node: target } = node.counterpart;
      const other = byId.get(scenario);
      const problem = !other
        ? `its counterpart names scenario "${scenario}", which does not exist (known: ${[...byId.keys()].join(', ')}).`
        : !other.nodes.has(target)
          ? `its counterpart names node "${target}", which is not in scenario "${scenario}" (${other.file}).`
          : undefined;
      if (problem) {
        diagnostics.push({
          code: 'broken-counterpart',
          file: source.file,
          node: node.id,
          message: `${problem} Point it at an existing node of the other scenario, or remove it.`,
        });
      }
    }
  }
  return { diagnostics, scenarios: diagnostics.length === 0 ? scenarios : [] };
}

/** One line per diagnostic: `file › node › choice: [code] message`. */
export function formatDiagnostic(d: Omit<Diagnostic, 'code'> & { code: string }): string {
  const where = [d.file, d.node && `node "${d.node}"`, d.choice && `choice "${d.choice}"`].filter(Boolean).join(' › ');
  return `${where}: [${d.code}] ${d.message}`;
}

/**
 * A schema issue as a diagnostic: a missing translation, or any other shape problem, phrased by
 * the author error map. `within` is the part of the path the diagnostic already names (a node and
 * a choice), and `subject` how to call the value at its end. Content files other than scenarios share it.
 */
export function issueDiagnostic(
  file: string,
  issue: z.core.$ZodIssue,
  within: { depth: number; subject: string } = { depth: 0, subject: 'the file' },
): Pick<Diagnostic, 'file' | 'message'> & { code: 'missing-translation' | 'invalid-shape' } {
  const path = issue.path.slice(within.depth);
  const last = path[path.length - 1];
  const where = (keys: readonly PropertyKey[]) => (keys.length > 0 ? `\`${fieldPath(keys)}\`` : within.subject);
  const missing = issue.code === 'invalid_type' ? issue.input === undefined : issue.code === 'too_small' && issue.origin === 'string';
  if (isLocale(last) && missing) {
    return {
      code: 'missing-translation',
      file,
      message: `${where(path.slice(0, -1))} has no ${localeNames[last]} text (\`${last}\`). Write it in that language.`,
    };
  }
  const message = issue.code === 'custom' ? `${where(path)}: ${issue.message}` : `${where(path)} ${issue.message}`;
  return { code: 'invalid-shape', file, message: `${message}. See content/README.md for the format.` };
}

function shapeDiagnostic(source: ScenarioSource, issue: z.core.$ZodIssue): Diagnostic {
  const at = locate(source.data, issue.path);
  const within = at.choice
    ? { depth: 4, subject: 'this choice' }
    : at.node
      ? { depth: 2, subject: 'this node' }
      : { depth: 0, subject: 'the scenario' };
  return { ...issueDiagnostic(source.file, issue, within), ...at };
}

/** Finds the node and choice ids a path into the raw data points into. */
function locate(data: unknown, path: readonly PropertyKey[]): { node: string | undefined; choice: string | undefined } {
  const nodeIndex = path[0] === 'nodes' ? path[1] : undefined;
  const node = typeof nodeIndex === 'number' ? idAt(data, ['nodes', nodeIndex]) : undefined;
  const choiceIndex = path[2] === 'choices' ? path[3] : undefined;
  const choice = typeof choiceIndex === 'number' ? idAt(data, ['nodes', nodeIndex!, 'choices', choiceIndex]) : undefined;
  return { node, choice };
}

function idAt(data: unknown, path: readonly PropertyKey[]): string | undefined {
  let value: unknown = data;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

/**
 * The graph's problems. `shaped` says the strict schema accepted the file, so its text variants
 * have their shape already; otherwise (texts unchecked by the lenient schema) each list of
 * variants is parsed here before its conditions are read.
 *
 * One pass over the nodes and their choices runs every check that looks at a node or a choice
 * (a long scenario's nodes are read once, not once per check); its diagnostics wait in one list
 * per check, so the file still reads them check by check, in the order of the file within each.
 */
function checkGraph(file: string, scenario: Scenario, shaped: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  type Report = (code: DiagnosticCode, message: string, node?: string, choice?: string) => void;
  const reporter =
    (list: Diagnostic[]): Report =>
    (code, message, node, choice) =>
      list.push({ code, file, node, choice, message });
  const report = reporter(out);
  // The meters a condition reads (on a route, a text variant, when the money shows), gathered by the checks below.
  const read = new Set<string>();

  const meterIds = new Set<string>();
  const meterDuplicates: Diagnostic[] = [];
  for (const m of scenario.meters) {
    if (meterIds.has(m.id)) reporter(meterDuplicates)('duplicate-id', `meter id "${m.id}" is used twice. Rename one of them.`);
    meterIds.add(m.id);
  }
  const personIds = new Set<string>();
  const personDuplicates: Diagnostic[] = [];
  for (const p of scenario.people) {
    if (personIds.has(p.id))
      reporter(personDuplicates)('duplicate-id', `person id "${p.id}" is used twice under people. Rename one of them.`);
    personIds.add(p.id);
  }
  const principles = new Set(scenario.principles);
  const declared = () => `Add it under meters, or use one of: ${[...meterIds].join(', ') || '(none declared)'}.`;

  // Every person a medium names is declared once under people.
  const checkPeople = (report: Report, medium: Medium, where: string, node: string, choice?: string) => {
    for (const person of peopleIn(medium)) {
      if (!personIds.has(person)) {
        report(
          'unknown-person',
          `${where} names person "${person}", who is not declared. Add them under people, or use one of: ${[...personIds].join(', ') || '(none declared)'}.`,
          node,
          choice,
        );
      }
    }
  };
  // Texts with variants: conditions name declared meters, and the list ends with its default.
  const checkText = (report: Report, field: string, value: unknown, node: string, choice?: string) => {
    // One text without variants has nothing to check here.
    if (!Array.isArray(value)) return;
    let variants = value as { when?: Condition | undefined }[];
    if (!shaped) {
      const parsed = variantConditions.safeParse(value);
      if (!parsed.success) return;
      variants = parsed.data;
    }
    const meters: string[] = [];
    // The variants without a condition: how many, the first and the last.
    let defaults = 0;
    let firstDefault = -1;
    let lastDefault = -1;
    for (let i = 0; i < variants.length; i++) {
      const when = variants[i]!.when;
      if (when) {
        metersOf(when, meters);
        continue;
      }
      defaults++;
      if (firstDefault < 0) firstDefault = i;
      lastDefault = i;
    }
    for (let k = 0; k < meters.length; k++) {
      const m = meters[k]!;
      // Each meter once, where the variants first read it.
      if (meters.indexOf(m) < k) continue;
      read.add(m);
      if (!meterIds.has(m)) {
        report(
          'unknown-meter',
          `a variant of "${field}" reads meter "${m}", which is not declared${suggestion(m, meterIds)}. ${declared()}`,
          node,
          choice,
        );
      }
    }
    if (defaults !== 1 || firstDefault !== variants.length - 1) {
      report(
        'missing-default-text',
        defaults === 0 || lastDefault !== variants.length - 1
          ? `the variants of "${field}" end with one that has a condition, so some meter values show no text. End the list with a variant that has only "text".`
          : `a variant of "${field}" without a condition stands before the last one, so the variants after it never show. Give it a "when", or move it to the end.`,
        node,
        choice,
      );
    }
  };

  const nodes = scenario.nodes;
  // Each node id's place (of two nodes with one id, the last), and each node's day, before the
  // pass: a route may lead to a node further down the file.
  const nodeIds = new Map<string, number>();
  const days = new Float64Array(nodes.length);
  for (let n = 0; n < nodes.length; n++) {
    const node = nodes[n]!;
    nodeIds.set(node.id, n);
    days[n] = node.day;
  }
  // The scenario's links (see `Links`), filled by the pass below: every route's target is looked
  // up once, and the bound on points reads the same places.
  const choiceStart = new Int32Array(nodes.length + 1);
  const routeStart: number[] = [];
  const routeTarget: number[] = [];
  // The principles' places, and per choice its points on each (see `boundOfPoints`), read in the pass.
  const P = scenario.principles.length;
  const principlePlace = new Map<string, number>();
  for (let p = P - 1; p >= 0; p--) principlePlace.set(scenario.principles[p]!, p);
  const choicePoints: number[] = [];
  const decisions = new Uint8Array(nodes.length);
  // Fewer ids than nodes: some id is used twice. Only then is each node's id checked against those before it.
  const seen = nodeIds.size < nodes.length ? new Set<string>() : undefined;
  // The pass's diagnostics, one list per check, in the order the file reads them (see below).
  const idDuplicates: Diagnostic[] = [];
  const people: Diagnostic[] = [];
  const texts: Diagnostic[] = [];
  const choices: Diagnostic[] = [];
  // Reported after the graph's own problems, where authors have always found them.
  const daysBack: Diagnostic[] = [];
  const reportId = reporter(idDuplicates);
  const reportPerson = reporter(people);
  const reportText = reporter(texts);
  const reportChoice = reporter(choices);
  // Each node's successors, as places, for the reachability, loop and dead-end checks below: the
  // places its routes lead to, in the order of the file. Of two nodes with one id (reported
  // above) the last counts, as it does when the story runs; the other leads nowhere here.
  const edgeStart = new Int32Array(nodes.length + 1);
  const edges: number[] = [];
  // The choices that carry a mark, for the marked paths' check.
  const marked: Visit[] = [];
  // The meters one route's condition reads, reused from route to route.
  const meters: string[] = [];
  // The undeclared meters one choice names, reused from choice to choice.
  const unknownMeters: string[] = [];
  for (let i = 0; i < nodes.length; i++) {
    edgeStart[i] = edges.length;
    choiceStart[i] = routeStart.length;
    const node = nodes[i]!;
    if (seen?.has(node.id)) reportId('duplicate-id', `node id "${node.id}" is used twice. Rename one of them.`, node.id);
    seen?.add(node.id);
    if (!isDecision(node)) {
      checkText(reportText, 'text', node.text, node.id);
      checkText(reportText, 'debrief', node.debrief, node.id);
      continue;
    }
    decisions[i] = 1;
    const day = days[i]!;
    checkPeople(reportPerson, node.medium, 'the medium', node.id);
    checkText(reportText, 'situation', node.situation, node.id);
    const counts = seen === undefined || nodeIds.get(node.id) === i;
    if (node.choices.length === 0) {
      reportChoice('no-choices', 'this decision has no choices. Add at least one, or make it an ending (type: ending).', node.id);
    }
    // Pairs of nodes whose days go back, each named once, at the first choice that joins them.
    let reportedDays: Set<number> | undefined;
    for (let j = 0; j < node.choices.length; j++) {
      const c = node.choices[j]!;
      routeStart.push(routeTarget.length);
      // A node has a handful of choices: comparing each with those before it beats a set per node.
      for (let k = 0; k < j; k++) {
        if (node.choices[k]!.id !== c.id) continue;
        reportId('duplicate-id', `choice id "${c.id}" is used twice in this node. Rename one of them.`, node.id, c.id);
        break;
      }
      if (c.reaction) checkPeople(reportPerson, c.reaction, 'the reaction', node.id, c.id);
      checkText(reportText, 'feedback', c.feedback, node.id, c.id);
      if (c.marks.length > 0) marked.push({ node, choice: c });
      const pointsAt = choicePoints.length;
      for (let p = 0; p < P; p++) choicePoints.push(0);
      for (const p in c.points) {
        const place = principlePlace.get(p);
        if (place !== undefined) choicePoints[pointsAt + place] = c.points[p]!;
        else {
          reportChoice(
            'unknown-principle',
            `points name principle "${p}", which this scenario does not score${suggestion(p, principles)}. Use one of: ${[...principles].join(', ')}.`,
            node.id,
            c.id,
          );
        }
      }
      const routes = typeof c.next === 'string' ? undefined : c.next;
      // The undeclared meters the choice names, each once: in its effects, then on its routes.
      unknownMeters.length = 0;
      for (const m in c.effects) if (!meterIds.has(m)) unknownMeters.push(m);
      if (routes) {
        for (const r of routes) {
          if (!r.when) continue;
          meters.length = 0;
          for (const m of metersOf(r.when, meters)) {
            read.add(m);
            if (!meterIds.has(m) && !unknownMeters.includes(m)) unknownMeters.push(m);
          }
        }
      }
      for (const m of unknownMeters) {
        reportChoice('unknown-meter', `meter "${m}" is not declared${suggestion(m, meterIds)}. ${declared()}`, node.id, c.id);
      }
      if (routes && routes[routes.length - 1]!.when !== undefined) {
        reportChoice(
          'missing-default-route',
          'the last route of "next" has a condition, so some meter values lead nowhere. End the list with a route that has only "goto".',
          node.id,
          c.id,
        );
      }
      const routeCount = routes ? routes.length : 1;
      const arrives = day + (c.arrivesAfter ?? 0);
      for (let r = 0; r < routeCount; r++) {
        const goto = routes ? routes[r]!.goto : (c.next as string);
        const t = nodeIds.get(goto) ?? -1;
        routeTarget.push(t);
        if (t < 0) {
          reportChoice(
            'unknown-target',
            `leads to "${goto}", which is not a node in this scenario${suggestion(goto, nodeIds.keys())}. Fix the id, or add a node with id "${goto}".`,
            node.id,
            c.id,
          );
          continue;
        }
        if (counts) edges.push(t);
        // The story's clock only moves forward: every choice leads to a day no earlier than its own.
        const laterDay = days[t]!;
        if (laterDay < day && !reportedDays?.has(t)) {
          const later = nodes[t]!;
          reportedDays ??= new Set();
          reportedDays.add(t);
          daysBack.push({
            code: 'day-goes-back',
            file,
            node: node.id,
            choice: c.id,
            message: `leads from day ${node.day} to "${later.id}" on day ${later.day}, so the story's clock would run backwards. Give "${later.id}" day ${node.day} or later, or this node an earlier day.`,
          });
        }
        // Money on its way is in hand by the next moment: the strip there counts it as received.
        if (laterDay >= day && arrives > laterDay) {
          const later = nodes[t]!;
          daysBack.push({
            code: 'day-goes-back',
            file,
            node: node.id,
            choice: c.id,
            message: `moves money that arrives on day ${arrives}, after "${later.id}" on day ${later.day}, where the strip would already count it. Give "${later.id}" day ${arrives} or later, or "arrivesAfter" ${later.day - node.day} or less.`,
          });
        }
      }
    }
  }
  edgeStart[nodes.length] = edges.length;
  const graph: Edges = { start: edgeStart, to: Int32Array.from(edges) };
  choiceStart[nodes.length] = routeStart.length;
  routeStart.push(routeTarget.length);
  const links: Links = { index: nodeIds, choiceStart, routeStart: Int32Array.from(routeStart), routeTarget: Int32Array.from(routeTarget) };

  out.push(...idDuplicates, ...meterDuplicates, ...personDuplicates);
  if (!meterIds.has(scenario.money.meter)) {
    report('unknown-meter', `money counts meter "${scenario.money.meter}", which is not declared. ${declared()}`);
  }
  const { extra } = scenario.money;
  if (extra && (!meterIds.has(extra.meter) || extra.meter === scenario.money.meter)) {
    report(
      'unknown-meter',
      extra.meter === scenario.money.meter
        ? `money counts meter "${extra.meter}" for both the money owed and the extra payments, so a payment would count twice. Give the extra payments a meter of their own.`
        : `money counts extra payments in meter "${extra.meter}", which is not declared${suggestion(extra.meter, meterIds)}. ${declared()}`,
    );
  }
  for (const m of new Set(scenario.money.shownWhen ? metersOf(scenario.money.shownWhen, []) : [])) {
    read.add(m);
    if (!meterIds.has(m)) {
      report('unknown-meter', `money is shown when meter "${m}" says so, which is not declared${suggestion(m, meterIds)}. ${declared()}`);
    }
  }
  out.push(...people);
  if (principles.size < scenario.principles.length) {
    report('duplicate-id', `principles list one principle twice (${scenario.principles.join(', ')}). List each once.`);
  }
  for (const p of scenario.principles) {
    if (!(principleIds as readonly string[]).includes(p)) {
      report(
        'unknown-principle',
        `principle "${p}" is not one the course scores${suggestion(p, principleIds)}. Use ${principleIds.join(', ')}.`,
      );
    }
  }
  out.push(...texts);
  if (!nodeIds.has(scenario.start)) {
    report(
      'unknown-target',
      `start names "${scenario.start}", which is not a node${suggestion(scenario.start, nodeIds.keys())}. Set start to the id of the first node.`,
    );
  }
  out.push(...choices);

  // The place whose routes count for a node: its own, unless a later node has its id.
  const placeOf = (n: number) => (seen === undefined ? n : nodeIds.get(nodes[n]!.id)!);
  const start = nodeIds.get(scenario.start);
  if (start !== undefined) {
    const reachable = new Uint8Array(nodes.length);
    const stack = [start];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (reachable[n]) continue;
      reachable[n] = 1;
      for (let e = edgeStart[n]!; e < edgeStart[n + 1]!; e++) if (!reachable[edges[e]!]) stack.push(edges[e]!);
    }
    for (let n = 0; n < nodes.length; n++) {
      if (!reachable[placeOf(n)])
        report('unreachable-node', 'no choice leads here from the start. Link a choice to it, or delete it.', nodes[n]!.id);
    }
  }

  // A loop with a way out is a cycle; nodes with no way out at all are dead ends, loop or not.
  const endsReachable = canReachEnding(nodes, graph);
  const isDeadEnd = (n: number) => {
    const node = nodes[n]!;
    return !endsReachable[n] && (node.type !== 'decision' || node.choices.length > 0);
  };
  for (const cycle of findCycles(graph)) {
    if (cycle.every(isDeadEnd)) continue;
    const ids = cycle.map((n) => nodes[n]!.id);
    report(
      'cycle',
      `the story loops: ${ids.join(' → ')}. The graph must only move forward; learners go back with undo. Point one of these choices at a new node.`,
      ids[0],
    );
  }
  for (let n = 0; n < nodes.length; n++) {
    if (isDeadEnd(placeOf(n))) {
      report(
        'dead-end',
        'no ending can be reached from here: every choice leads back or on to nodes that never end. Make sure some choice leads on to an ending.',
        nodes[n]!.id,
      );
    }
  }

  // The exact search tells apart only the meters a condition reads: only those are capped.
  if (combinations(scenario.meters.filter((m) => read.has(m.id))) > meterCombinations) {
    report(
      'invalid-shape',
      `\`meters\`: the meters conditions read allow more than ${meterCombinations.toLocaleString('en')} combinations of values (four meters of range 10). Use fewer meters, or narrower ones.`,
    );
  }
  out.push(...daysBack);
  if (out.length === 0) {
    for (const mark of pathMarks) out.push(...checkMarkedPath(file, scenario, mark, marked));
  }
  if (out.length === 0)
    out.push(...checkReference(file, scenario, boundOfPoints(scenario.principles, links, { points: choicePoints, decisions }, start)));
  return out;
}

/** `node › choice, node › choice, …`: a path as an author finds it in the file. */
const pathText = (steps: readonly Step[]) => steps.map((s) => `${s.node} › ${s.choice}`).join(', ');

/**
 * The recommended path defines 100: on every principle it must earn more than 0, and no path
 * (found by the exact search over reachable states) may earn more than it. When the recommended
 * path earns at least what a run could earn with every route open (`bound`, per principle, from
 * `boundOfPoints`), no path can beat it and the exact search is not needed for that principle.
 */
function checkReference(file: string, scenario: Scenario, bound: Record<string, number>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const reference = referencePoints(scenario);
  const recommended = markedPath(scenario, 'recommended');
  for (const p of scenario.principles) {
    const earned = reference[p] ?? 0;
    if (earned <= 0) {
      out.push({
        code: 'recommended-earns-nothing',
        file,
        message: `the recommended path (${pathText(recommended)}) earns ${earned} points on "${p}", so there is nothing to measure that principle against. Give its choices points on "${p}", or take "${p}" out of principles.`,
      });
      continue;
    }
    if (bound[p]! <= earned) continue;
    const better = bestRuns(scenario)[p]!;
    if (better.points <= earned) continue;
    const parted = better.steps.findIndex((s, i) => s.node !== recommended[i]?.node || s.choice !== recommended[i]?.choice);
    const where = better.steps[parted];
    out.push({
      code: 'path-beats-recommended',
      file,
      node: where?.node,
      choice: where?.choice,
      message: `on "${p}" the path ${pathText(better.steps)} earns ${better.points} points, more than the recommended path's ${earned} (${pathText(recommended)}). The recommended path must earn the most on every principle: give its choices more points on "${p}" (never fewer to the real case's choices), or fewer to this path's.`,
    });
  }
  return out;
}

/** Adds the meters a condition reads to `into`, in the order it names them (a meter it names twice, twice); returns `into`. */
function metersOf(condition: Condition, into: string[]): string[] {
  if ('all' in condition) for (const part of condition.all) metersOf(part, into);
  else if ('any' in condition) for (const part of condition.any) metersOf(part, into);
  else into.push(condition.meter);
  return into;
}

/** Per node place n, the places it leads to are `to[start[n]]` to `to[start[n + 1] - 1]`. */
interface Edges {
  start: Int32Array;
  to: Int32Array;
}

/**
 * Each cycle once, as the list of node places around it, closed with its first. Without
 * recursion: a long scenario's paths are deeper than the stack.
 */
function findCycles({ start, to }: Edges): number[][] {
  const count = start.length - 1;
  // 0 unvisited, 1 on the current trail, 2 done.
  const state = new Uint8Array(count);
  const cycles: number[][] = [];
  const trail: number[] = [];
  // Per step of the trail, the next of its node's edges to follow.
  const next: number[] = [];
  for (let root = 0; root < count; root++) {
    if (state[root]) continue;
    state[root] = 1;
    trail.push(root);
    next.push(start[root]!);
    while (trail.length > 0) {
      const top = trail.length - 1;
      const n = trail[top]!;
      const e = next[top]!++;
      if (e === start[n + 1]) {
        state[n] = 2;
        trail.pop();
        next.pop();
        continue;
      }
      const t = to[e]!;
      if (state[t] === 1) {
        cycles.push([...trail.slice(trail.indexOf(t)), t]);
      } else if (state[t] === 0) {
        state[t] = 1;
        trail.push(t);
        next.push(start[t]!);
      }
    }
  }
  return cycles;
}

/** Per node place, 1 when some ending can be reached from it. */
function canReachEnding(nodes: Scenario['nodes'], { start, to }: Edges): Uint8Array {
  // The edges backwards, grouped by the node they lead to.
  const intoStart = new Int32Array(nodes.length + 1);
  for (const t of to) intoStart[t + 1]!++;
  for (let n = 0; n < nodes.length; n++) intoStart[n + 1]! += intoStart[n]!;
  const from = new Int32Array(to.length);
  const filled = intoStart.slice(0, nodes.length);
  for (let n = 0; n < nodes.length; n++) for (let e = start[n]!; e < start[n + 1]!; e++) from[filled[to[e]!]!++] = n;
  const good = new Uint8Array(nodes.length);
  const stack: number[] = [];
  nodes.forEach((node, n) => {
    if (node.type === 'ending') stack.push(n);
  });
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (good[n]) continue;
    good[n] = 1;
    for (let e = intoStart[n]!; e < intoStart[n + 1]!; e++) if (!good[from[e]!]) stack.push(from[e]!);
  }
  return good;
}

/**
 * The marked choices must form exactly one path from the start to an ending. `marked` lists every
 * choice that carries a mark, with its node, in the order of the file.
 */
function checkMarkedPath(file: string, scenario: Scenario, mark: PathMark, marked: readonly Visit[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const label = mark === 'real' ? 'real-case' : 'recommended';
  const visits = walk(scenario, (node) => {
    const marked = node.choices.filter((c) => c.marks.includes(mark));
    if (marked.length === 1) return marked[0];
    out.push({
      code: 'invalid-path-mark',
      file,
      node: node.id,
      message:
        marked.length === 0
          ? `the ${label} path reaches this node but none of its choices is marked "${mark}". Mark the one the ${label} path takes.`
          : `${marked.length} choices here are marked "${mark}" (${marked.map((c) => c.id).join(', ')}). The ${label} path takes exactly one.`,
    });
    return undefined;
  });
  if (out.length > 0) return out;
  const onPath = new Set(visits.map((v) => `${v.node.id}/${v.choice.id}`));
  for (const { node: n, choice: c } of marked) {
    if (c.marks.includes(mark) && !onPath.has(`${n.id}/${c.id}`)) {
      out.push({
        code: 'invalid-path-mark',
        file,
        node: n.id,
        choice: c.id,
        message: `this choice is marked "${mark}" but the ${label} path from the start never takes it. Remove the mark, or mark the choices that lead here.`,
      });
    }
  }
  return out;
}
