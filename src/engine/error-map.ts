// How a content file's shape problems read to its author: what was expected, what was found,
// and where, in the words of the format (`next`, a route, a condition), never zod's. Build time
// only, like the schema it explains.
import type { z } from 'astro/zod';
import { locales } from './locales.ts';
import { idPattern } from './vocabulary.ts';

type Issue = z.core.$ZodIssue;
type RawIssue = z.core.$ZodRawIssue;

/**
 * What a field that takes more than one form must be, by its name: a union's own wording would
 * list zod types, not what an author writes.
 */
const unionExpectations: Record<string, string> = {
  next: 'a node id or a list of routes',
  when: 'a condition such as `{ meter: trust, below: 2 }`, `{ all: [...] }` or `{ any: [...] }`',
  situation: 'a text in every language or a list of variants',
  feedback: 'a text in every language or a list of variants',
  text: 'a text in every language or a list of variants',
  debrief: 'a text in every language or a list of variants',
};

/** What an id field names, by the field's name. */
const idFields: Record<string, string> = {
  id: 'an id such as "month-unpaid"',
  start: 'the id of a node',
  goto: 'the id of a node',
  node: 'the id of a node',
  scenario: 'the id of a scenario',
  meter: 'the id of a meter',
};

const typeExpectations: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of fields',
  record: 'a set of fields',
};

/** The zod error map for content: every message says what was expected and what was found. */
export const authorErrorMap: z.core.$ZodErrorMap = (issue) => {
  const field = lastField(issue.path ?? []);
  switch (issue.code) {
    case 'invalid_type': {
      const expected = expectationOf(issue, field);
      return issue.input === undefined ? `is missing: give ${expected}` : `must be ${expected}; found ${describeFound(issue.input)}`;
    }
    case 'invalid_union': {
      if (issue.note === 'No matching discriminator') {
        // Said of the discriminating field (its path ends there), so what was found is its value.
        const options = Array.isArray(issue.options) ? issue.options.map(String) : [];
        const input = issue.input;
        const found =
          typeof input === 'object' && input !== null && issue.discriminator
            ? (input as Record<string, unknown>)[issue.discriminator]
            : input;
        return `must be ${oneOf(options)}; found ${describeFound(found)}${suggestion(found, options)}`;
      }
      const expected = (field && unionExpectations[field]) ?? 'one of the forms the format allows';
      return `must be ${expected}; found ${describeFound(issue.input)}`;
    }
    case 'unrecognized_keys': {
      const known = shapeKeys(issue.inst);
      const [first] = issue.keys;
      const unknown = issue.keys.map((k) => `\`${k}\``).join(', ');
      const hint = issue.keys.length === 1 && first !== undefined ? suggestion(first, known) : '';
      return `has ${issue.keys.length === 1 ? 'an unknown field' : 'unknown fields'} ${unknown}${hint}; the fields it takes are ${known.map((k) => `\`${k}\``).join(', ')}`;
    }
    case 'invalid_value': {
      const options = issue.values.map(String);
      return `must be ${oneOf(options)}; found ${describeFound(issue.input)}${suggestion(issue.input, options)}`;
    }
    case 'invalid_format':
      if (issue.format === 'regex' && issue.pattern === String(idPattern)) {
        const slug = typeof issue.input === 'string' ? asId(issue.input) : '';
        return `must be an id of lowercase letters, digits and single hyphens, e.g. "month-unpaid"; found ${describeFound(issue.input)}${slug ? ` (did you mean "${slug}"?)` : ''}`;
      }
      return `must match ${issue.pattern ?? issue.format}; found ${describeFound(issue.input)}`;
    case 'too_small':
      if (issue.origin === 'array')
        return `must list at least ${issue.minimum} ${issue.minimum === 1 ? 'item' : 'items'}; found ${describeFound(issue.input)}`;
      if (issue.origin === 'string') return 'is empty';
      return `must be at least ${issue.minimum}; found ${describeFound(issue.input)}`;
    case 'too_big':
      if (issue.origin === 'array')
        return `must list at most ${issue.maximum} ${issue.maximum === 1 ? 'item' : 'items'}; found ${describeFound(issue.input)}`;
      return `must be at most ${issue.maximum}; found ${describeFound(issue.input)}`;
    case 'invalid_key':
      return `has a key ${describeFound(issue.input)} that is not an id (lowercase letters, digits and single hyphens, e.g. "warn-first")`;
    default:
      // Refinements carry their own message, written for authors where they are declared.
      return undefined;
  }
};

/** Options for `safeParse` that phrase every issue for authors. */
export const authorParse = { error: authorErrorMap, reportInput: true } as const;

/**
 * The issues of a failed parse as an author should read them: a union that failed in every form
 * is explained by the form the author evidently meant (the one with the fewest problems, among
 * those whose kind of value matches), with its issues at their full path; a refinement that only
 * repeats what an unknown field at the same place already says is dropped.
 */
export function authorIssues(issues: readonly Issue[]): Issue[] {
  const flat = issues.flatMap(function flatten(issue: Issue): Issue[] {
    if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
    const candidates = issue.errors.filter((branch) => !branch.some((i) => i.code === 'invalid_type' && i.path.length === 0));
    if (candidates.length === 0) return [issue];
    const best = candidates.reduce((a, b) => (weight(b) < weight(a) ? b : a));
    return best.map((i) => ({ ...i, path: [...issue.path, ...i.path] }) as Issue).flatMap(flatten);
  });
  const unknownAt = new Set(flat.filter((i) => i.code === 'unrecognized_keys').map((i) => i.path.join('.')));
  return flat.filter((i) => i.code !== 'custom' || !unknownAt.has(i.path.join('.')));
}

/** How far a union's branch is from what the author wrote: each unknown field and each problem counts. */
function weight(branch: readonly Issue[]): number {
  return branch.reduce((sum, i) => sum + (i.code === 'unrecognized_keys' ? i.keys.length : 1), 0);
}

/**
 * A path into a content file as its author finds it: `next[0].when`, `questions[1].ru`.
 * Numbers become list positions counted from 0, as YAML editors show them.
 */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`)).join('');
}

/** The closest of `candidates` to a misspelt `word` (at most two edits, and fewer than half its letters), if any. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance > 0 && distance <= Math.min(2, Math.floor(word.length / 2)) && (!best || distance < best.distance)) {
      best = { candidate, distance };
    }
  }
  return best?.candidate;
}

/** ` (did you mean "x"?)` when a near candidate exists, otherwise nothing. */
export function suggestion(found: unknown, candidates: Iterable<string>): string {
  const near = typeof found === 'string' ? closest(found, candidates) : undefined;
  return near ? ` (did you mean "${near}"?)` : '';
}

/**
 * The optimal string alignment distance (Damerau-Levenshtein without repeated edits of one
 * substring): an insertion, a deletion, a substitution or two neighbours swapped each count one,
 * since a swap ("aks" for "ask") is the commonest slip of typing.
 */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** A value as an author would name it in their file: `the number 3`, `"Remind"`, `a list of 2`. */
export function describeFound(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'an empty value';
  if (typeof input === 'string') return input.trim() === '' ? 'an empty text' : `"${input.length > 40 ? `${input.slice(0, 39)}…` : input}"`;
  if (typeof input === 'number') return `the number ${input}`;
  if (typeof input === 'boolean') return String(input);
  if (Array.isArray(input)) return input.length === 0 ? 'an empty list' : `a list of ${input.length}`;
  if (typeof input === 'object') {
    const keys = Object.keys(input);
    return keys.length === 0 ? 'an empty set of fields' : `fields ${keys.map((k) => `\`${k}\``).join(', ')}`;
  }
  return typeof input;
}

function expectationOf(issue: Extract<RawIssue, { code: 'invalid_type' }>, field: string | undefined): string {
  if (issue.expected === 'string' && field && idFields[field]) return idFields[field]!;
  const keys = shapeKeys(issue.inst);
  if (issue.expected === 'object' && keys.length === locales.length && locales.every((l) => keys.includes(l))) {
    return `a text in every language, { ${locales.map((l) => `${l}: …`).join(', ')} }`;
  }
  return typeExpectations[issue.expected] ?? issue.expected;
}

function oneOf(options: readonly string[]): string {
  const quoted = options.map((o) => `"${o}"`);
  return quoted.length <= 1 ? (quoted[0] ?? 'nothing') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

function lastField(path: readonly PropertyKey[]): string | undefined {
  const key = path.findLast((k) => typeof k === 'string');
  return typeof key === 'string' ? key : undefined;
}

/** The fields an object schema declares, in the order it declares them. */
function shapeKeys(schema: unknown): string[] {
  const shape = (schema as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
  return shape ? Object.keys(shape) : [];
}

/** The id an author most likely meant: lowercased, with runs of other characters as one hyphen. */
function asId(text: string): string {
  const id = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return idPattern.test(id) ? id : '';
}
