// Every state the projector screen can show, as saved workshop sessions computed from the course's
// own scenarios: each decision with its votes revealed, the feedback after each decision's longest
// consequence, each ending with the room's path, and each "meanwhile, on the other side".
import type { ScenarioContent } from '../../src/engine/schema.ts';
import { findNode, isDecision } from '../../src/engine/graph.ts';
import type { Step } from '../../src/engine/types.ts';
import { newSession, type WorkshopSession } from '../../src/workshop/session.ts';
import { shortestPathsToNodes } from './course-data.ts';

export interface ScreenState {
  name: string;
  session: WorkshopSession;
}

/** Votes that give every choice a bar: 41, 23, 12, 7, 3… */
const votes = (choices: { id: string }[]) => Object.fromEntries(choices.map((c, i) => [c.id, [41, 23, 12, 7, 3, 2][i] ?? 1]));

export function screenStates(s: ScenarioContent): ScreenState[] {
  const states: ScreenState[] = [];
  const session = (name: string, steps: Step[], change: Partial<WorkshopSession>): ScreenState => {
    // Named for the scenario too: the states of both scenarios are saved side by side.
    const base = newSession(s.id, 'Screen check', new Date('2026-03-02T10:00:00Z'), `${s.id}-screen-${states.length}`);
    const tallies = steps.map((step) => {
      const node = findNode(s, step.node);
      return node && isDecision(node) ? votes(node.choices) : {};
    });
    return { name, session: { ...base, steps, tallies: [...tallies, {}], ...change } };
  };
  for (const [id, steps] of shortestPathsToNodes(s)) {
    const node = findNode(s, id)!;
    if (!isDecision(node)) {
      states.push(session(`${s.id} ending ${id}`, steps, {}));
      continue;
    }
    const decided = session(`${s.id} decision ${id} revealed`, steps, { revealed: true });
    decided.session.tallies[decided.session.tallies.length - 1] = votes(node.choices);
    states.push(decided);
    if (node.counterpart) states.push(session(`${s.id} other side of ${id}`, steps, { counterpart: true }));
    // A feedback with variants counts as its longest one.
    const length = (c: (typeof node.choices)[number]) =>
      Math.max(...(Array.isArray(c.feedback) ? c.feedback.map((v) => v.text) : [c.feedback]).map((t) => t.en.length + t.ru.length));
    const longest = [...node.choices].sort((a, b) => length(b) - length(a))[0]!;
    states.push(session(`${s.id} feedback after ${id}`, [...steps, { node: id, choice: longest.id }], { feedback: true }));
  }
  return states;
}
