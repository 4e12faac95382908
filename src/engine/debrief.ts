// The debrief about the learner's own path: the moments where a stronger choice was on the
// table, the near misses where a meter was one step from sending the story elsewhere, and where
// the path parted from the recommended and the real case's paths.
import { comparePath, type PathComparison } from './compare.ts';
import { findNode, isDecision, nextNodeId, routesOf } from './graph.ts';
import { replay } from './run.ts';
import type { Choice, DecisionNode, Scenario, Step } from './types.ts';

/** The total points of a choice over the principles the scenario scores. */
const totalPoints = (scenario: Scenario, choice: Choice) => scenario.principles.reduce((sum, p) => sum + (choice.points[p] ?? 0), 0);

/**
 * The strongest choice at a decision: the one with the most points in total over the
 * principles. Among equals the recommended one, else the first authored.
 */
export function strongestChoice(scenario: Scenario, node: DecisionNode): Choice {
  const choices = node.choices;
  const most = Math.max(...choices.map((c) => totalPoints(scenario, c)));
  const best = choices.filter((c) => totalPoints(scenario, c) === most);
  return best.find((c) => c.marks.includes('recommended')) ?? best[0]!;
}

/** A decision where the learner's choice earned less in total than the strongest choice there. */
export interface WeakerMoment {
  /** The decision's index on the path (0 = the first). */
  step: number;
  node: string;
  /** The learner's choice. */
  choice: string;
  /** The strongest choice there (see `strongestChoice`). */
  stronger: string;
  /** The principles on which the stronger choice earns more, with the points of each choice. */
  principles: { principle: string; mine: number; stronger: number }[];
}

/** Every decision on the path where the learner's choice earned less in total than the strongest one there. */
export function weakerMoments(scenario: Scenario, steps: readonly Step[]): WeakerMoment[] {
  return steps.flatMap((step, i): WeakerMoment[] => {
    const node = findNode(scenario, step.node);
    if (!isDecision(node)) return [];
    const mine = node.choices.find((c) => c.id === step.choice);
    const stronger = strongestChoice(scenario, node);
    if (!mine || totalPoints(scenario, mine) >= totalPoints(scenario, stronger)) return [];
    const principles = scenario.principles
      .map((p) => ({ principle: p, mine: mine.points[p] ?? 0, stronger: stronger.points[p] ?? 0 }))
      .filter((p) => p.stronger > p.mine);
    return [{ step: i, node: node.id, choice: mine.id, stronger: stronger.id, principles }];
  });
}

/** A decision after which one meter, one step higher or lower, would have sent the story elsewhere. */
export interface NearMiss {
  /** The decision's index on the path. */
  step: number;
  node: string;
  choice: string;
  /** A meter the player sees (hidden meters are never named). */
  meter: string;
  /** The meter one step lower (−1) or higher (+1) than it was after the choice. */
  delta: -1 | 1;
  /** Where the story went. */
  went: string;
  /** Where it would have gone. */
  would: string;
}

/**
 * Every near miss on the path: after each decision whose next node depends on the meters, each
 * visible meter moved one step down and up (within its bounds) with the others as they were;
 * wherever that picks another route, whatever kind of condition decides it, that is a near miss.
 */
export function nearMisses(scenario: Scenario, steps: readonly Step[]): NearMiss[] {
  const played = replay(scenario, steps)?.played ?? [];
  return played.flatMap((step, i) => {
    if (routesOf(step.taken).length < 2) return [];
    const went = nextNodeId(step.taken, step.metersAfter);
    return scenario.meters.flatMap((m) => {
      if (m.hidden) return [];
      return ([-1, 1] as const).flatMap((delta): NearMiss[] => {
        const value = step.metersAfter[m.id]! + delta;
        if (value < m.min || value > m.max) return [];
        const would = nextNodeId(step.taken, { ...step.metersAfter, [m.id]: value });
        return would === undefined || would === went || went === undefined
          ? []
          : [{ step: i, node: step.node, choice: step.choice, meter: m.id, delta, went, would }];
      });
    });
  });
}

/** The moments a debrief speaks of, on one path (see `debriefMoments`). */
export interface DebriefMoments {
  /** The moments below the strongest choice, in the order played. */
  weaker: WeakerMoment[];
  /**
   * Per principle the scenario scores, the moments that lost most on it: each weaker moment once,
   * under the principle where the stronger choice's lead is largest (the first in the scenario's
   * order among equals), so a moment that lost on two principles is not told twice.
   */
  byPrinciple: { principle: string; moments: WeakerMoment[] }[];
  nearMisses: NearMiss[];
}

export interface PathDebrief extends DebriefMoments {
  /** Where the path left the recommended one (its first moment), and that path's score. */
  recommended: PathComparison;
  /** Where the path left the real case's, and how the real case ended. */
  real: PathComparison;
}

/** The principle on which a weaker moment lost most (its principles are in the scenario's order). */
const mainPrinciple = (m: Pick<WeakerMoment, 'principles'>) =>
  m.principles.reduce((a, b) => (b.stronger - b.mine > a.stronger - a.mine ? b : a), m.principles[0]!).principle;

/**
 * The weaker moments of a path under the principle each lost most on (see `PathDebrief.byPrinciple`);
 * a moment may carry more than its principles (a view's names for it), which it keeps.
 */
export function weakerByPrinciple<M extends Pick<WeakerMoment, 'principles'>>(
  scenario: Scenario,
  weaker: readonly M[],
): { principle: string; moments: M[] }[] {
  return scenario.principles.map((principle) => ({
    principle,
    moments: weaker.filter((m) => mainPrinciple(m) === principle),
  }));
}

/** The moments the debrief of a path speaks of (its weaker moments, by principle, and its near misses), from the decisions alone. */
export function debriefMoments(scenario: Scenario, steps: readonly Step[]): DebriefMoments {
  const weaker = weakerMoments(scenario, steps);
  return { weaker, byPrinciple: weakerByPrinciple(scenario, weaker), nearMisses: nearMisses(scenario, steps) };
}

/** The debrief of a learner's path (usually a finished one), computed from the decisions alone. */
export function debriefPath(scenario: Scenario, steps: readonly Step[]): PathDebrief {
  return {
    ...debriefMoments(scenario, steps),
    recommended: comparePath(scenario, steps, 'recommended'),
    real: comparePath(scenario, steps, 'real'),
  };
}
