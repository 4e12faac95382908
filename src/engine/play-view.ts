// What a player shows after a decision and at an ending, computed by the engine: shared by the
// course player, the facilitator console and the projector screen.
import {
  comparePath,
  debriefMoments,
  findChoice,
  findNode,
  outcome,
  replay,
  storyAgainstGrade,
  textFor,
  type Outcome,
  type PathComparison,
  type Run,
  type WeakerMoment,
} from './index.ts';
import type { Choice, Meters, PathMark, Scenario, Step } from './types.ts';
import { moneyMeters, type Medium } from './moment.ts';

export type PlayableScenario = Scenario<string>;

/** A meter a choice moved: its id and label, its value before and after, and which way it went. */
export interface Change {
  id: string;
  label: string;
  from: number;
  to: number;
  direction: 'up' | 'down';
}

export interface Feedback {
  /** The moment the choice was made at. */
  node: PlayableScenario['nodes'][number];
  choice: Choice<string>;
  /** What happened, as the feedback reads after this choice's effects. */
  text: string;
  /** Points the decision earned or cost, per principle it touched, and which way (`up`: earned). */
  points: { principle: string; change: number; direction: Change['direction'] }[];
  meters: Change[];
  /**
   * Money the choice sent that is not in hand yet: where its money arrives days later (the
   * choice's `arrivesAfter`: a check mailed today) and the choice moved any, the strip shows the
   * money at `meters` (the meters before the choice) until day `by`, the day it is expected.
   * Absent when the money arrives the same day, or the choice moved none (on a road already paid).
   */
  pending?: { meters: Meters; by: number };
}

/** A marked path set beside a run, with the titles its sentences name. */
export interface TitledComparison extends PathComparison {
  /** The title of the moment where the run left the marked path; null when it never did. */
  partedTitle: string | null;
  /** The title of the marked path's ending. */
  endingTitle: string;
}

/** An outcome as every view shows it: the scores, the texts as they read on this path, and the marked paths beside it. */
export interface Debrief extends Outcome<PlayableScenario> {
  /** The ending's text and debrief as they read on this path. */
  text: string;
  debrief: string;
  /** Where the path left the recommended one, and that path's score. */
  recommended: TitledComparison;
  /** Where the path left the real case's, and how the real case ended. */
  real: TitledComparison;
  /** How the ending's tone compares with the grade (see `storyAgainstGrade`): the outcome notes a story that ended better or worse than the play earned. */
  story: 'better' | 'worse' | 'same';
}

/** A run set beside a marked path, with the titles of the moment they parted at and of its ending. */
function titledComparison(scenario: PlayableScenario, steps: readonly Step[], mark: PathMark): TitledComparison {
  const compared = comparePath(scenario, steps, mark);
  return {
    ...compared,
    partedTitle: compared.partedNode === null ? null : nodeTitle(scenario, compared.partedNode),
    endingTitle: nodeTitle(scenario, compared.ending),
  };
}

/**
 * The feedback on a run's last choice, as every view shows it; undefined for a run without
 * steps, or one that does not fit the scenario.
 */
export function feedbackFor(scenario: PlayableScenario, run: Run): Feedback | undefined {
  const before = replay(scenario, run.steps.slice(0, -1));
  const after = replay(scenario, run.steps);
  const last = after?.played[after.played.length - 1];
  if (!before || !after || !last) return undefined;
  const choice = findChoice(before.node, last.choice);
  if (!choice) return undefined;
  return {
    node: before.node,
    choice,
    text: textFor(choice.feedback, last.metersAfter),
    points: scenario.principles.flatMap((p) => {
      const change = choice.points[p] ?? 0;
      return change === 0 ? [] : [{ principle: p, change, direction: change > 0 ? ('up' as const) : ('down' as const) }];
    }),
    // Hidden meters are facts the story remembers, never shown.
    meters: scenario.meters
      .filter((m) => !m.hidden)
      .flatMap((m) => {
        const from = before.meters[m.id]!;
        const to = after.meters[m.id]!;
        return from === to ? [] : [{ id: m.id, label: m.label, from, to, direction: to > from ? ('up' as const) : ('down' as const) }];
      }),
    ...(choice.arrivesAfter &&
      moneyMeters(scenario).some((id) => before.meters[id] !== after.meters[id]) && {
        pending: { meters: before.meters, by: before.node.day + choice.arrivesAfter },
      }),
  };
}

/**
 * The outcome of a run as every view shows it: its scores, the ending's text and debrief as they
 * read with the meters at the end, and the recommended and real paths beside it, titled; undefined
 * for a run that has not ended, or does not fit the scenario.
 */
export function debriefFor(scenario: PlayableScenario, run: Run): Debrief | undefined {
  const result = outcome(scenario, run.steps);
  if (!result) return undefined;
  const meters = result.meterHistory[result.meterHistory.length - 1]!;
  return {
    ...result,
    recommended: titledComparison(scenario, run.steps, 'recommended'),
    real: titledComparison(scenario, run.steps, 'real'),
    text: textFor(result.ending.text, meters),
    debrief: textFor(result.ending.debrief, meters),
    story: storyAgainstGrade(result.ending.tone, result.grade),
  };
}

/** A moment below the strongest choice, named as the debrief's sentence names it. */
export type ReviewedMoment = {
  /** The moment's title. */
  moment: string;
  /** The label of the learner's choice there. */
  choice: string;
  /** The label of the strongest choice there, and its why. */
  better: string;
  why: string;
  /** The principles on which the stronger choice earns more, with the points of each choice. */
  principles: WeakerMoment['principles'];
};

/**
 * A near miss, named: after moment `moment` (a title), with meter `meter` (its label) one step
 * lower (`delta` −1) or higher (+1), the story would have gone to moment `would` (a title).
 */
export type ReviewedNearMiss = { moment: string; meter: string; would: string; delta: -1 | 1 };

/**
 * The debrief about a learner's own path (`debriefPath`) with every moment, choice and meter it
 * speaks of resolved to the title or label the page shows, so a view only words and lays it out.
 */
export interface ReviewedPath {
  /**
   * Where the path left the recommended one: the decision's number as the learner counts them (1 =
   * the first), its moment's title, the labels of the learner's choice and the recommended one
   * there; null when it never did.
   */
  left: { n: number; moment: string; mine: string; theirs: string } | null;
  /** Whether every choice on the path was the strongest at its moment. */
  allStrongest: boolean;
  /** Per principle the scenario scores, the moments that lost most on it (see `weakerByPrinciple`). */
  byPrinciple: { principle: string; moments: ReviewedMoment[] }[];
  nearMisses: ReviewedNearMiss[];
}

/**
 * The debrief about the path of an outcome (`debriefFor`), named (see `ReviewedPath`). Every
 * step, choice and meter it names is the scenario's own: the outcome was replayed from it.
 */
export function reviewPath(scenario: PlayableScenario, { played, recommended }: Debrief): ReviewedPath {
  const { weaker, byPrinciple, nearMisses } = debriefMoments(scenario, played);
  const choice = (step: Step) => choiceOf(scenario, step.node, step.choice)!;
  const at = recommended.partedAt;
  return {
    // Both paths reach an ending, so where they part each has a decision.
    left:
      at === null
        ? null
        : { n: at + 1, moment: recommended.partedTitle!, mine: choice(played[at]!).label, theirs: choice(recommended.steps[at]!).label },
    allStrongest: weaker.length === 0,
    byPrinciple: byPrinciple.map(({ principle, moments }) => ({
      principle,
      moments: moments.map((m): ReviewedMoment => {
        // The strongest choice there (`strongestChoice`).
        const better = choice({ node: m.node, choice: m.stronger });
        return {
          moment: nodeTitle(scenario, m.node),
          choice: choice(m).label,
          better: better.label,
          why: better.why,
          principles: m.principles,
        };
      }),
    })),
    nearMisses: nearMisses.map((n) => ({
      moment: nodeTitle(scenario, n.node),
      meter: scenario.meters.find((m) => m.id === n.meter)!.label,
      would: nodeTitle(scenario, n.would),
      delta: n.delta,
    })),
  };
}

/** The outcome as the player shows it, with the debrief about the learner's own path, named. */
export type PlayerDebrief = Debrief & ReviewedPath;

/** The outcome of a run as the player shows it; undefined for a run that has not ended or does not fit the scenario. */
export function playerDebrief(scenario: PlayableScenario, run: Run): PlayerDebrief | undefined {
  const debrief = debriefFor(scenario, run);
  return debrief && { ...reviewPath(scenario, debrief), ...debrief };
}

/** The name of the person a medium comes from (the sender, the caller, the writer); the id when undeclared. */
export function speakerOf(scenario: Pick<PlayableScenario, 'people'>, medium: Pick<Medium, 'from'>): string {
  return scenario.people.find((p) => p.id === medium.from)?.name ?? medium.from;
}

/** A moment's title, for the debrief and exports; the id when there is no such node. */
export function nodeTitle(scenario: PlayableScenario, id: string): string {
  return findNode(scenario, id)?.title ?? id;
}

/** A decision's choice, as the page has it; undefined when there is no such choice. */
function choiceOf(scenario: PlayableScenario, node: string, choice: string): Choice<string> | undefined {
  return findChoice(findNode(scenario, node), choice);
}
