// The same scenario written in ink (inkle's narrative scripting language), to measure our player
// against the ink runtime playing the same story (`npm run bench:peers`). Generated from the
// scenario's YAML at bench time, never committed. Build tooling only: nothing here ships.
//
// How the model maps onto ink (see the ink documentation, "Writing with ink"):
// - each meter and each principle's points are a global VAR; effects clamp with MIN/MAX, as the
//   engine's applyEffects does;
// - a decision is a knot whose choices divert to a knot per choice; that knot applies the
//   effects, tells the feedback and offers "Continue", after which the routes are tried in order
//   (`{ condition: -> knot }`) and the last one is taken otherwise, as the engine's nextNodeId;
// - an ending is a knot that tells its text and debrief and ends the story;
// - a text with variants is a multiline conditional (`{ - condition: … - else: … }`) over the
//   same meter variables, hidden meters included, read where the engine reads them;
// - a moment tells who it comes from and its medium's own texts (an email's subject and body, the
//   lines of a call, a chat or a meeting, each "Name: text"), then its situation; a choice with a
//   reaction tells the reaction in its medium the same way before the feedback, as our player
//   shows them, so both players carry the same texts;
// - every node knot starts with a tag naming the node (`# node: id`, `# ending: id`), so a check
//   can follow where ink went.
import { Compiler } from 'inkjs/full';
import { Story } from 'inkjs';
import { routesOf } from '../engine/graph.ts';
import { replay } from '../engine/run.ts';
import { splitParagraphs } from '../i18n/typography.ts';
import type { Condition, DecisionNode, Scenario, Step, VariableText } from '../engine/types.ts';
import { speakerOf } from '../engine/play-view.ts';

type Playable = Scenario<string>;

// Ids are lowercase letters, digits and single hyphens, so these names never collide.
const name = (id: string) => id.replace(/-/g, '_');
const nodeKnot = (id: string) => `n_${name(id)}`;
const choiceKnot = (node: string, choice: string) => `c_${name(node)}__${name(choice)}`;
const meterVar = (id: string) => `m_${name(id)}`;
const pointsVar = (id: string) => `p_${name(id)}`;

/** Text as ink reads it literally: a backslash escapes any character ink would interpret. */
export function inkText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\{}[\]|#/~<>\-*+=^]/g, '\\$&');
}

/** A structured condition as an ink expression over the meter variables. */
export function inkCondition(condition: Condition): string {
  if ('all' in condition) return `(${condition.all.map(inkCondition).join(' && ')})`;
  if ('any' in condition) return `(${condition.any.map(inkCondition).join(' || ')})`;
  return condition.below !== undefined
    ? `${meterVar(condition.meter)} < ${condition.below}`
    : `${meterVar(condition.meter)} >= ${condition.atLeast}`;
}

const lines = (text: string) => splitParagraphs(text).map(inkText);

/** A text's lines; a text with variants as an ink conditional, tried in order, its default as `else`. */
function textLines(text: VariableText<string>): string[] {
  if (typeof text === 'string') return lines(text);
  return ['{', ...text.flatMap((v) => [v.when ? `- ${inkCondition(v.when)}:` : '- else:', ...lines(v.text)]), '}'];
}

/**
 * A medium's texts as ink tells them: who it comes from, an email's subject and body, and each
 * line of a call, a chat or a meeting as "Name: text".
 */
export function mediumLines(scenario: Pick<Playable, 'people'>, medium: DecisionNode<string>['medium']): string[] {
  const out = [inkText(speakerOf(scenario, medium))];
  if ('subject' in medium) out.push(inkText(medium.subject));
  if ('body' in medium && medium.body) out.push(...lines(medium.body));
  if ('lines' in medium && medium.lines)
    for (const line of medium.lines) out.push(inkText(`${speakerOf(scenario, { from: line.by })}: ${line.text}`));
  return out;
}

/**
 * The ink source of one scenario in one locale. `continueLabel` is the player's "Continue" in
 * that locale. Throws nothing: the scenario is assumed valid (the build validated it).
 */
export function inkSource(scenario: Playable, continueLabel: string): string {
  const out: string[] = [];
  for (const m of scenario.meters) out.push(`VAR ${meterVar(m.id)} = ${m.start}`);
  for (const p of scenario.principles) out.push(`VAR ${pointsVar(p)} = 0`);
  out.push(`-> ${nodeKnot(scenario.start)}`, '');
  for (const node of scenario.nodes) {
    out.push(`=== ${nodeKnot(node.id)} ===`);
    if (node.type === 'ending') {
      out.push(`# ending: ${node.id}`, inkText(node.title), ...textLines(node.text), ...textLines(node.debrief), '-> END', '');
      continue;
    }
    out.push(`# node: ${node.id}`, inkText(node.title));
    out.push(...mediumLines(scenario, node.medium), ...textLines(node.situation));
    for (const c of node.choices) out.push(`+ [${inkText(c.label)}] -> ${choiceKnot(node.id, c.id)}`);
    out.push('');
    for (const c of node.choices) {
      out.push(`=== ${choiceKnot(node.id, c.id)} ===`);
      for (const m of scenario.meters) {
        const delta = c.effects[m.id];
        if (delta) out.push(`~ ${meterVar(m.id)} = MIN(MAX(${meterVar(m.id)} + ${delta}, ${m.min}), ${m.max})`);
      }
      for (const [p, value] of Object.entries(c.points)) if (value) out.push(`~ ${pointsVar(p)} = ${pointsVar(p)} + ${value}`);
      if (c.reaction) out.push(...mediumLines(scenario, c.reaction));
      out.push(...textLines(c.feedback), `+ [${inkText(continueLabel)}]`);
      const routes = routesOf(c);
      for (const r of routes.slice(0, -1)) out.push(`  { ${inkCondition(r.when!)}: -> ${nodeKnot(r.goto)} }`);
      out.push(`  -> ${nodeKnot(routes[routes.length - 1]!.goto)}`, '');
    }
  }
  return out.join('\n');
}

/** Compiles ink source with inkjs's own compiler to the JSON its runtime plays; throws with the compiler's errors. */
export function compileInk(source: string): string {
  const errors: string[] = [];
  const compiler = new Compiler(source, undefined);
  let json: string | undefined;
  try {
    json = compiler.Compile().ToJson() ?? undefined;
  } catch (error) {
    errors.push(error instanceof Error ? error.message : String(error));
  }
  errors.push(...compiler.errors);
  if (!json || errors.length > 0) throw new Error(`ink did not compile:\n${errors.join('\n')}`);
  return json;
}

export interface InkPathCheck {
  /** How many complete paths (start to an ending) were played in both. */
  paths: number;
  /** Paths where ink and the engine disagree, with what differed. */
  mismatches: string[];
}

/** Reads the story's output up to its next choice; returns the node or ending its tags name. */
function continueToChoice(story: Story): { node?: string; ending?: string } {
  const found: { node?: string; ending?: string } = {};
  while (story.canContinue) {
    story.Continue();
    for (const tag of story.currentTags ?? []) {
      const [key, value] = tag.split(':').map((s) => s.trim());
      if (key === 'node') found.node = value!;
      if (key === 'ending') found.ending = value!;
    }
  }
  return found;
}

/**
 * Plays every path of the scenario (each choice at each decision, start to an ending) in the
 * engine and in the compiled ink, and compares where each arrives: the decision at every step,
 * the ending, and the meters and points there. Paths that meet in the same decision with the
 * same meters go on alike in both (routes read nothing else), so what follows such a meeting
 * point is played once, after the first path to reach it, and its paths are counted.
 */
export function checkInkPaths(scenario: Playable, json: string): InkPathCheck {
  const story = new Story(json);
  const result: InkPathCheck = { paths: 0, mismatches: [] };
  const first = continueToChoice(story);
  if (first.node !== scenario.start) result.mismatches.push(`ink starts at ${first.node}, the scenario at ${scenario.start}`);
  const pathsFrom = new Map<string, number>();
  const walk = (steps: Step[], saved: string): number => {
    const state = replay(scenario, steps)!;
    const key = JSON.stringify([state.node.id, state.meters]);
    const known = pathsFrom.get(key);
    if (known !== undefined) return known;
    let paths = 0;
    const choices = state.node.type === 'decision' ? state.node.choices : [];
    choices.forEach((choice, index) => {
      story.state.LoadJson(saved);
      const path = [...steps, { node: state.node.id, choice: choice.id }];
      const label = path.map((s) => `${s.node}/${s.choice}`).join(' → ');
      story.ChooseChoiceIndex(index);
      continueToChoice(story);
      story.ChooseChoiceIndex(0);
      const reached = continueToChoice(story);
      const expected = replay(scenario, path)!;
      if (expected.ended) {
        paths++;
        const meters = Object.fromEntries(scenario.meters.map((m) => [m.id, story.variablesState[meterVar(m.id)]]));
        const points = Object.fromEntries(scenario.principles.map((p) => [p, story.variablesState[pointsVar(p)]]));
        const want = { ending: expected.node.id, meters: expected.meters, points: expected.points };
        const got = { ending: reached.ending, meters, points };
        if (JSON.stringify(got) !== JSON.stringify(want))
          result.mismatches.push(`${label}: ink ${JSON.stringify(got)}, engine ${JSON.stringify(want)}`);
      } else if (reached.node !== expected.node.id) {
        result.mismatches.push(`${label}: ink at ${reached.node}, engine at ${expected.node.id}`);
      } else paths += walk(path, story.state.ToJson());
    });
    pathsFrom.set(key, paths);
    return paths;
  };
  result.paths = walk([], story.state.ToJson());
  return result;
}
