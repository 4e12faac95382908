// The shape of saved progress and its decoder. The decoder reads anything (storage, an imported
// file) and never throws; it keeps every well-formed part and lists what it had to drop. It reads
// the earlier format too, and migrates it (see `fromVersion1`); nothing is wiped for being old.
import { decodeSteps, decodeStoredRun, type StoredRun } from '../engine/stored-run.ts';
import type { Grade } from '../engine/types.ts';
import { isId, isInt, isRecord } from '../engine/guards.ts';

/**
 * The format saved progress is written in. Version 2 (the scores measured against the recommended
 * path): every result keeps its steps, so it can be re-scored by replaying them; a result saved by
 * version 1 is marked `earlierRules` until it is.
 */
export const progressVersion = 2;

/** The formats the decoder reads: the current one, and version 1, which it migrates. */
export const readableVersions: readonly number[] = [1, progressVersion];

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

export interface Decoded {
  progress: Progress;
  /** What could not be read and was left out, in words for a log or an error message. */
  dropped: string[];
  /**
   * The format version, when the progress was saved by a newer version of the course than this
   * one (which reads none of it): what is saved must then be kept as it is, never written over.
   */
  newer?: number;
}

const grades: readonly string[] = ['best', 'good', 'mixed', 'poor'];

function decodeResult(v: unknown, version: number): ScenarioResult | undefined {
  if (!isRecord(v)) return undefined;
  const { ending, grade, overall, principles, at } = v;
  if (!isId(ending) || typeof grade !== 'string' || !grades.includes(grade)) return undefined;
  if (!isInt(overall) || overall < 0 || overall > 100 || typeof at !== 'string' || Number.isNaN(Date.parse(at)) || !isRecord(principles))
    return undefined;
  const scores: ScenarioResult['principles'] = {};
  for (const [p, s] of Object.entries(principles)) {
    if (!isId(p) || !isRecord(s) || !isInt(s['earned']) || !isInt(s['max']) || s['max'] < 0) return undefined;
    scores[p] = { earned: s['earned'], max: s['max'] };
  }
  const result: ScenarioResult = { ending, grade: grade as Grade, overall, principles: scores, at };
  // Version 1 kept no steps: its results were scored under the earlier rules.
  if (version === 1) return { ...result, earlierRules: true };
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
 * Migrates a scenario's progress saved by version 1, whose results keep no steps. Version 1 kept
 * the run until the next one started, so a stored run may be the path of the last result: its
 * steps go with that result (and with the best, when it is the same result, reached at the same
 * moment), still marked `earlierRules`, for `rescoreScenario` to replay; if the run turns out not
 * to reach that ending, the result stays labelled.
 */
function fromVersion1(saved: ScenarioProgress): ScenarioProgress {
  const steps = saved.run?.steps;
  if (!steps || steps.length === 0 || !saved.last) return saved;
  const last = { ...saved.last, steps };
  return { ...saved, last, ...(saved.best && { best: saved.best.at === saved.last.at ? last : saved.best }) };
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

function decodeScenario(v: unknown, where: string, dropped: string[], version: number): ScenarioProgress | undefined {
  const result = (x: unknown) => decodeResult(x, version);
  const out = decodeFields<ScenarioProgress>(v, where, dropped, { run: decodeStoredRun, last: result, best: result });
  return out && version === 1 ? fromVersion1(out) : out;
}

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
 * Reads progress in the saved format `{ v: 2, lessons, scenarios, name }`, or in version 1's,
 * migrated (see `fromVersion1`). Another version is not read, and says so; a newer one is
 * marked `newer`, for the caller to keep it.
 */
export function decodeProgress(value: unknown): Decoded {
  const dropped: string[] = [];
  if (!isRecord(value)) return { progress: emptyProgress(), dropped: ['everything: not an object'] };
  const version = value['v'];
  if (typeof version !== 'number' || !readableVersions.includes(version))
    return {
      progress: emptyProgress(),
      dropped: [`everything: format version ${JSON.stringify(version)}, expected ${readableVersions.join(' or ')}`],
      ...(Number.isSafeInteger(version) && (version as number) > progressVersion && { newer: version as number }),
    };
  const progress: Progress = {
    lessons: decodeMap(value['lessons'], 'lessons', dropped, decodeLesson),
    scenarios: decodeMap(value['scenarios'], 'scenarios', dropped, (v, where, d) => decodeScenario(v, where, d, version)),
  };
  if (value['name'] !== undefined) {
    if (typeof value['name'] === 'string' && value['name'].length <= 200) progress.name = value['name'];
    else dropped.push('name');
  }
  return { progress, dropped };
}

export function encodeProgress(progress: Progress): string {
  return JSON.stringify({ v: progressVersion, ...progress });
}
