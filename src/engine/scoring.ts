// One scoring model for every view, event and report.
import { startMeters } from './graph.ts';
import { replay, type PlayedStep } from './run.ts';
import type { Meters, Points, Scenario, Step } from './types.ts';

export interface PrincipleScore {
  principle: string;
  earned: number;
  /** The most a run can earn on this principle. */
  max: number;
}

export interface Score {
  principles: PrincipleScore[];
  /** 0-100, the same number in every view and report. */
  overall: number;
}

export interface Outcome<S extends Scenario = Scenario> extends Score {
  ending: Extract<S['nodes'][number], { type: 'ending' }>;
  played: readonly PlayedStep[];
  /** Meter values at the start and after each decision. */
  meterHistory: Meters[];
}

/** round(100 × Σ clamp(earned, 0, max) / Σ max); 0 when nothing can be earned. */
export function overallScore(principles: readonly PrincipleScore[]): number {
  const total = principles.reduce((sum, p) => sum + p.max, 0);
  if (total === 0) return 0;
  const earned = principles.reduce((sum, p) => sum + Math.min(p.max, Math.max(0, p.earned)), 0);
  return Math.round((100 * earned) / total);
}

/**
 * The score of a list of decisions (complete or not) against the scenario's maxima (from
 * `maxima()`); undefined when the decisions do not fit.
 */
export function scoreSteps(scenario: Scenario, steps: readonly Step[], top: Points): Score | undefined {
  const state = replay(scenario, steps);
  if (!state) return undefined;
  const principles = scenario.principles.map((p) => ({ principle: p, earned: state.points[p] ?? 0, max: top[p] ?? 0 }));
  return { principles, overall: overallScore(principles) };
}

/** The outcome of a finished run; undefined while the run has not reached an ending. */
export function outcome<S extends Scenario>(scenario: S, steps: readonly Step[], top: Points): Outcome<S> | undefined {
  const state = replay(scenario, steps);
  const score = scoreSteps(scenario, steps, top);
  if (!state || !score || state.node.type !== 'ending') return undefined;
  return {
    ...score,
    ending: state.node as Outcome<S>['ending'],
    played: state.played,
    meterHistory: [startMeters(scenario), ...state.played.map((p) => p.metersAfter)],
  };
}
