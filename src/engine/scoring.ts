// One scoring model for every view, event and report: the recommended path defines 100.
import { startMeters } from './graph.ts';
import { referencePoints } from './paths.ts';
import { replay, type PlayedStep } from './run.ts';
import type { EndingNode, Grade, Meters, Scenario, Step } from './types.ts';
import { gradeBands, grades, tones } from './vocabulary.ts';

export interface PrincipleScore {
  principle: string;
  /** The raw points: the sum of the choices' points on this principle, which may be negative. */
  earned: number;
  /** What counts: `earned` clamped to [0, max]. */
  counted: number;
  /** The reference: what the recommended path earns on this principle. */
  max: number;
}

export interface Score {
  principles: PrincipleScore[];
  /** 0-100, the same number in every view and report. */
  overall: number;
  /** The learner's grade, from `overall` by `gradeBands`. */
  grade: Grade;
}

/**
 * The points of a principle that count: the raw points clamped to [0, reference]. On valid
 * content no path earns more than the reference (validation proves it), so the upper bound is a
 * safety net; points below zero count as 0.
 */
export function countedPoints(earned: number, reference: number): number {
  return Math.min(Math.max(0, reference), Math.max(0, earned));
}

/**
 * The score of raw points against the references (both by principle): each principle counted by
 * `countedPoints`, overall = round(100 × Σ counted / Σ reference) (0 when the references add up
 * to 0), and the grade by `gradeBands`. The one function every view, event, LMS record and export
 * takes its numbers from.
 */
export function scoreOf(principles: readonly { principle: string; earned: number; max: number }[]): Score {
  const scored = principles.map(({ principle, earned, max }) => ({ principle, earned, counted: countedPoints(earned, max), max }));
  const total = scored.reduce((sum, p) => sum + p.max, 0);
  const overall = total <= 0 ? 0 : Math.round((100 * scored.reduce((sum, p) => sum + p.counted, 0)) / total);
  return { principles: scored, overall, grade: gradeOf(overall, scored) };
}

/**
 * The grade of an overall score (0-100): the first of `gradeBands` it reaches whose per-principle
 * condition holds (each principle's counted points at least that share of its reference). A score
 * of 90 or more with a principle below half its reference is therefore "good".
 */
export function gradeOf(overall: number, principles: readonly Pick<PrincipleScore, 'counted' | 'max'>[]): Grade {
  const band = gradeBands.find(
    (b) => overall >= b.from && (b.everyPrinciple === undefined || principles.every((p) => p.counted >= b.everyPrinciple! * p.max)),
  );
  return band?.grade ?? 'poor';
}

/** How the ending's tone compares with the learner's grade: the story ended better, worse, or as the play earned. */
export function storyAgainstGrade(tone: EndingNode['tone'], grade: Grade): 'better' | 'worse' | 'same' {
  const difference = grades.indexOf(grade) - tones.indexOf(tone);
  return difference > 0 ? 'better' : difference < 0 ? 'worse' : 'same';
}

/** The score of a list of decisions (complete or not); undefined when the decisions do not fit. */
export function scoreSteps(scenario: Scenario, steps: readonly Step[]): Score | undefined {
  const state = replay(scenario, steps);
  if (!state) return undefined;
  const reference = referencePoints(scenario);
  return scoreOf(scenario.principles.map((p) => ({ principle: p, earned: state.points[p] ?? 0, max: reference[p] ?? 0 })));
}

export interface Outcome<S extends Scenario = Scenario> extends Score {
  ending: Extract<S['nodes'][number], { type: 'ending' }>;
  played: readonly PlayedStep[];
  /** Meter values at the start and after each decision. */
  meterHistory: Meters[];
}

/** The outcome of a finished run; undefined while the run has not reached an ending. */
export function outcome<S extends Scenario>(scenario: S, steps: readonly Step[]): Outcome<S> | undefined {
  const state = replay(scenario, steps);
  const score = scoreSteps(scenario, steps);
  if (!state || !score || state.node.type !== 'ending') return undefined;
  return {
    ...score,
    ending: state.node as Outcome<S>['ending'],
    played: state.played,
    meterHistory: [startMeters(scenario), ...state.played.map((p) => p.metersAfter)],
  };
}
