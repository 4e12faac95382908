// The shape of saved progress and its decoder. The decoder reads anything (storage, an imported
// file) and never throws; it keeps every well-formed part and lists what it had to drop.
import { decodeStoredRun, type StoredRun } from '../engine/stored-run.ts';
import type { Grade } from '../engine/types.ts';

export const progressVersion = 1;

export interface ScenarioResult {
  ending: string;
  grade: Grade;
  overall: number;
  principles: Record<string, { earned: number; max: number }>;
  /** When the ending was reached, as an ISO date-time. */
  at: string;
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

export const emptyProgress = (): Progress => ({ lessons: {}, scenarios: {} });

export interface Decoded {
  progress: Progress;
  /** What could not be read and was left out, in words for a log or an error message. */
  dropped: string[];
}

const grades: readonly string[] = ['best', 'good', 'mixed', 'poor'];
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isKey = (k: string) => k.length > 0 && k.length <= 100 && k !== '__proto__';
const isInt = (v: unknown): v is number => Number.isSafeInteger(v);

function decodeResult(v: unknown): ScenarioResult | undefined {
  if (!isRecord(v)) return undefined;
  const { ending, grade, overall, principles, at } = v;
  if (typeof ending !== 'string' || !isKey(ending) || typeof grade !== 'string' || !grades.includes(grade)) return undefined;
  if (!isInt(overall) || overall < 0 || overall > 100 || typeof at !== 'string' || Number.isNaN(Date.parse(at)) || !isRecord(principles))
    return undefined;
  const scores: ScenarioResult['principles'] = {};
  for (const [p, s] of Object.entries(principles)) {
    if (!isKey(p) || !isRecord(s) || !isInt(s['earned']) || !isInt(s['max']) || s['max'] < 0) return undefined;
    scores[p] = { earned: s['earned'], max: s['max'] };
  }
  return { ending, grade: grade as Grade, overall, principles: scores, at };
}

function decodeScenario(v: unknown, where: string, dropped: string[]): ScenarioProgress | undefined {
  if (!isRecord(v)) {
    dropped.push(where);
    return undefined;
  }
  const out: ScenarioProgress = {};
  for (const key of ['run', 'last', 'best'] as const) {
    if (v[key] === undefined) continue;
    const decoded = key === 'run' ? decodeStoredRun(v[key]) : decodeResult(v[key]);
    if (decoded) (out as Record<string, unknown>)[key] = decoded;
    else dropped.push(`${where}.${key}`);
  }
  return out;
}

function decodeLesson(v: unknown, where: string, dropped: string[]): LessonProgress | undefined {
  if (!isRecord(v)) {
    dropped.push(where);
    return undefined;
  }
  const out: LessonProgress = {};
  if (v['read'] !== undefined) {
    if (typeof v['read'] === 'boolean') out.read = v['read'];
    else dropped.push(`${where}.read`);
  }
  const answers = v['answers'];
  if (answers !== undefined) {
    if (isRecord(answers) && Object.entries(answers).every(([k, a]) => /^\d{1,2}$/.test(k) && isInt(a) && a >= 0 && a < 20))
      out.answers = answers as Record<string, number>;
    else dropped.push(`${where}.answers`);
  }
  const reflections = v['reflections'];
  if (reflections !== undefined) {
    if (
      isRecord(reflections) &&
      Object.entries(reflections).every(([k, r]) => /^\d{1,2}$/.test(k) && typeof r === 'string' && r.length <= 20_000)
    ) {
      out.reflections = reflections as Record<string, string>;
    } else dropped.push(`${where}.reflections`);
  }
  return out;
}

function decodeMap<T>(v: unknown, where: string, dropped: string[], decode: (x: unknown, w: string, d: string[]) => T | undefined) {
  const out: Record<string, T> = {};
  if (v === undefined) return out;
  if (!isRecord(v)) {
    dropped.push(where);
    return out;
  }
  for (const [key, value] of Object.entries(v)) {
    if (!isKey(key)) {
      dropped.push(`${where}[…]`);
      continue;
    }
    const decoded = decode(value, `${where}.${key}`, dropped);
    if (decoded) out[key] = decoded;
  }
  return out;
}

/** Reads progress in the saved format `{ v: 1, lessons, scenarios, name }`. */
export function decodeProgress(value: unknown): Decoded {
  const dropped: string[] = [];
  if (!isRecord(value)) return { progress: emptyProgress(), dropped: ['everything: not an object'] };
  if (value['v'] !== progressVersion)
    return {
      progress: emptyProgress(),
      dropped: [`everything: format version ${JSON.stringify(value['v'])}, expected ${progressVersion}`],
    };
  const progress: Progress = {
    lessons: decodeMap(value['lessons'], 'lessons', dropped, decodeLesson),
    scenarios: decodeMap(value['scenarios'], 'scenarios', dropped, decodeScenario),
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
