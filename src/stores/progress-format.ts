// The shape of saved progress and its format. The decoder reads anything (storage, an imported
// file) and never throws; it keeps every well-formed part and lists what it had to drop. It reads
// the earlier format too, migrated (see `fromVersion1`); nothing is wiped for being old.
import { decodeSteps, decodeStoredRun, type StoredRun } from '../engine/stored-run.ts';
import type { Grade } from '../engine/types.ts';
import { isId, isInt, isRecord } from '../engine/guards.ts';
import { grades } from '../engine/vocabulary.ts';
import { decodeVersioned, type Format, type Kept } from './persisted.ts';

/**
 * The format saved progress is written in. Version 2 (the scores measured against the recommended
 * path): every result keeps its steps, so it can be re-scored by replaying them; a result saved by
 * version 1 is marked `earlierRules` until it is.
 */
export const progressVersion = 2;

export interface ScenarioResult {
  ending: string;
  grade: Grade;
  overall: number;
  principles: Record<string, { earned: number; max: number }>;
  /** When the ending was reached, as an ISO date-time. */
  at: string;
  /** The decisions that reached the ending, as [node id, choice id] pairs: what re-scores the result. */
  steps?: [string, string][];
  /**
   * Scored under the earlier rules (saved by format version 1) and not re-scored yet: shown with
   * that label and left out of the certificate. Such a result may carry the steps of the run
   * version 1 kept, to be replayed where the scenario is at hand; every other result has steps.
   */
  earlierRules?: true;
}

export interface ScenarioProgress {
  /** The run in progress, or the finished one. */
  run?: StoredRun;
  last?: ScenarioResult;
  best?: ScenarioResult;
}

export interface LessonProgress {
  read?: boolean;
  /** The option chosen, by question index. */
  answers?: Record<string, number>;
  /** Reflection text, by prompt index. */
  reflections?: Record<string, string>;
}

export interface Progress {
  lessons: Record<string, LessonProgress>;
  scenarios: Record<string, ScenarioProgress>;
  /** The name for the certificate. */
  name?: string;
}

/** Whether a result counts under the current rules (the certificate takes only those). */
export const isCurrent = (result: ScenarioResult | undefined): result is ScenarioResult => result !== undefined && !result.earlierRules;

/** The result a scenario counts with: its best under the current rules (the last, when the best is still labelled). */
export const countedResult = (saved: ScenarioProgress | undefined): ScenarioResult | undefined =>
  [saved?.best, saved?.last].filter(isCurrent).sort((a, b) => b.overall - a.overall)[0];

export const emptyProgress = (): Progress => ({ lessons: {}, scenarios: {} });

/** Whether progress holds nothing: as a reset leaves it (or storage cleared), and as it starts. */
export const isEmptyProgress = (p: Progress): boolean => !p.name && Object.keys(p.lessons).length + Object.keys(p.scenarios).length === 0;

export interface Decoded {
  progress: Progress;
  /** What could not be read and was left out, in words for a log or an error message. */
  dropped: string[];
  /**
   * Why none of it was read, where it was saved in a format version this code cannot read (a
   * newer one, or none it knows): what is saved must then be kept as it is, never written over.
   */
  kept?: Kept;
}

function decodeResult(v: unknown): ScenarioResult | undefined {
  if (!isRecord(v)) return undefined;
  const { ending, grade, overall, principles, at } = v;
  if (!isId(ending) || !(grades as readonly unknown[]).includes(grade)) return undefined;
  if (!isInt(overall) || overall < 0 || overall > 100 || typeof at !== 'string' || Number.isNaN(Date.parse(at)) || !isRecord(principles))
    return undefined;
  const scores: ScenarioResult['principles'] = {};
  for (const [p, s] of Object.entries(principles)) {
    if (!isId(p) || !isRecord(s) || !isInt(s['earned']) || !isInt(s['max']) || s['max'] < 0) return undefined;
    scores[p] = { earned: s['earned'], max: s['max'] };
  }
  const result: ScenarioResult = { ending, grade: grade as Grade, overall, principles: scores, at };
  const earlier = v['earlierRules'];
  if (earlier !== undefined && earlier !== true) return undefined;
  // A result reached an ending, so its path has at least one decision.
  const steps = decodeSteps(v['steps']);
  if (steps && steps.length > 0) return { ...result, steps, ...(earlier && { earlierRules: true }) };
  // Without a path that can be replayed (missing, malformed or empty), the result cannot be
  // re-scored: it is kept as version 1's are, labelled and out of the certificate, not lost.
  return { ...result, earlierRules: true };
}

/**
 * Version 1 to 2. Version 1's results keep no steps and were scored under the earlier rules: each
 * is marked so. Version 1 kept the run until the next one started, so a stored run may be the path
 * of the last result: its steps go with that result (and with the best, when it is the same
 * result, reached at the same moment), still marked, for `rescoreScenario` to replay; if the run
 * turns out not to reach that ending, the result stays labelled.
 */
function fromVersion1(saved: Record<string, unknown>): Record<string, unknown> {
  const { scenarios } = saved;
  if (!isRecord(scenarios)) return saved;
  const mark = (r: unknown) => (isRecord(r) ? { ...r, earlierRules: true, steps: undefined } : r);
  const migrated: Record<string, unknown> = {};
  for (const [id, s] of Object.entries(scenarios)) {
    if (!isRecord(s)) {
      migrated[id] = s;
      continue;
    }
    const steps = decodeStoredRun(s['run'])?.steps;
    let last = mark(s['last']);
    let best = mark(s['best']);
    if (steps && steps.length > 0 && isRecord(last)) {
      if (isRecord(best) && best['at'] === last['at']) best = { ...best, steps };
      last = { ...last, steps };
    }
    migrated[id] = { ...s, last, best };
  }
  return { ...saved, scenarios: migrated };
}

/**
 * Decodes a record field by field with `fields` (each gives the decoded value, or undefined when
 * the value is unreadable); an unreadable field is dropped and named in `dropped` as
 * `where.field`, and a value that is not a record at all as `where`.
 */
function decodeFields<T>(v: unknown, where: string, dropped: string[], fields: Record<string, (x: unknown) => unknown>): T | undefined {
  if (!isRecord(v)) {
    dropped.push(where);
    return undefined;
  }
  const out: Record<string, unknown> = {};
  for (const [key, decode] of Object.entries(fields)) {
    if (v[key] === undefined) continue;
    const decoded = decode(v[key]);
    if (decoded === undefined) dropped.push(`${where}.${key}`);
    else out[key] = decoded;
  }
  return out as T;
}

const decodeScenario = (v: unknown, where: string, dropped: string[]) =>
  decodeFields<ScenarioProgress>(v, where, dropped, { run: decodeStoredRun, last: decodeResult, best: decodeResult });

/** `v` when `valid` says so: a lesson's field is kept as saved. */
const kept = (valid: (v: unknown) => boolean) => (v: unknown) => (valid(v) ? v : undefined);

/** A record keyed by small indices (a question's, a prompt's), every value passing `valid`. */
const isIndexed = (v: unknown, valid: (x: unknown) => boolean) =>
  isRecord(v) && Object.entries(v).every(([k, x]) => /^\d{1,2}$/.test(k) && valid(x));

/** What each field of a lesson's progress must hold: an option index under 20, a reflection of at most 20,000 characters. */
const lessonFields: Record<keyof LessonProgress, (v: unknown) => unknown> = {
  read: kept((v) => typeof v === 'boolean'),
  answers: kept((v) => isIndexed(v, (a) => isInt(a) && a >= 0 && a < 20)),
  reflections: kept((v) => isIndexed(v, (r) => typeof r === 'string' && r.length <= 20_000)),
};

const decodeLesson = (v: unknown, where: string, dropped: string[]) => decodeFields<LessonProgress>(v, where, dropped, lessonFields);

function decodeMap<T>(v: unknown, where: string, dropped: string[], decode: (x: unknown, w: string, d: string[]) => T | undefined) {
  const out: Record<string, T> = {};
  if (v === undefined) return out;
  if (!isRecord(v)) {
    dropped.push(where);
    return out;
  }
  for (const [key, value] of Object.entries(v)) {
    if (!isId(key)) {
      dropped.push(`${where}[…]`);
      continue;
    }
    const decoded = decode(value, `${where}.${key}`, dropped);
    if (decoded) out[key] = decoded;
  }
  return out;
}

/**
 * Saved progress: `{ v: 2, lessons, scenarios, name }`; version 1's is migrated (see
 * `fromVersion1`).
 */
export const progressFormat: Format<Progress> = {
  version: progressVersion,
  up: { 1: fromVersion1 },
  decode(saved) {
    const dropped: string[] = [];
    const progress: Progress = {
      lessons: decodeMap(saved['lessons'], 'lessons', dropped, decodeLesson),
      scenarios: decodeMap(saved['scenarios'], 'scenarios', dropped, decodeScenario),
    };
    if (saved['name'] !== undefined) {
      if (typeof saved['name'] === 'string' && saved['name'].length <= 200) progress.name = saved['name'];
      else dropped.push('name');
    }
    return { value: progress, dropped };
  },
  encode: (progress) => progress,
  empty: emptyProgress,
};

/**
 * Reads progress saved by any version (see `progressFormat`, `decodeVersioned`): what is
 * well-formed, what had to be dropped, and why it is kept as saved where this code cannot read it.
 */
export function decodeProgress(value: unknown): Decoded {
  const { value: progress, dropped, kept } = decodeVersioned(value, progressFormat);
  return { progress, dropped, ...(kept && { kept }) };
}

/** Whether some result of a scenario's progress waits to be re-scored by replaying its steps (see `rescoreScenario` in results.ts). */
export const awaitsReplay = (saved: ScenarioProgress | undefined): boolean =>
  [saved?.last, saved?.best].some((r) => r?.earlierRules === true && r.steps !== undefined);
