// Saving and resuming runs. The decoder reads anything (storage, an LMS, a file) and never throws.
import { isDecision, routesOf } from './graph.ts';
import { replay, startRun, type Run } from './run.ts';
import type { Scenario, Step } from './types.ts';
import { isId, isRecord } from './guards.ts';

export const storedRunVersion = 1;

export interface StoredRun {
  v: typeof storedRunVersion;
  scenario: string;
  /** A digest of the scenario's structure when the run was saved. */
  fingerprint: string;
  /** Decisions as [node id, choice id] pairs. */
  steps: [string, string][];
}

export type RestoreResult =
  | { status: 'resumed'; run: Run; contentChanged: boolean }
  | { status: 'restarted'; run: Run; reason: 'unreadable' | 'other-scenario' | 'content-changed' };

/**
 * A short digest of the graph (nodes, choices, where they lead), not of its texts. Pages work it
 * out at build time and give it to their player, which then never walks the graph to save a run.
 */
export function fingerprint(scenario: Scenario): string {
  const shape = scenario.nodes
    .map((n) =>
      isDecision(n)
        ? `${n.id}(${n.choices
            .map(
              (c) =>
                `${c.id}>${routesOf(c)
                  .map((r) => r.goto)
                  .join('|')}`,
            )
            .join(',')})`
        : n.id,
    )
    .join(';');
  let hash = 0x811c9dc5;
  for (let i = 0; i < shape.length; i++) {
    hash ^= shape.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/** A run as it is saved; `print` is its scenario's `fingerprint`. */
export function serialiseRun(print: string, run: Run): StoredRun {
  return {
    v: storedRunVersion,
    scenario: run.scenario,
    fingerprint: print,
    steps: run.steps.map((s) => [s.node, s.choice]),
  };
}

/** Whether two saved runs (or no run, which is a run not started) hold the same decisions. */
export function sameRun(a: StoredRun | undefined, b: StoredRun | undefined): boolean {
  // Steps are pairs of ids: their JSON is equal exactly when the decisions are.
  return JSON.stringify(a?.steps ?? []) === JSON.stringify(b?.steps ?? []);
}

/** Reads a stored run from untrusted data; undefined unless it is well-formed. */
export function decodeStoredRun(value: unknown): StoredRun | undefined {
  if (!isRecord(value)) return undefined;
  const { v, scenario, fingerprint } = value;
  const steps = decodeSteps(value['steps']);
  return v === storedRunVersion && isId(scenario) && typeof fingerprint === 'string' && steps
    ? { v, scenario, fingerprint, steps }
    : undefined;
}

/** Reads stored decisions, [node id, choice id] pairs (at most 1,000), from untrusted data; undefined unless well-formed. */
export function decodeSteps(steps: unknown): [string, string][] | undefined {
  return Array.isArray(steps) && steps.length <= 1000 && steps.every((s) => Array.isArray(s) && s.length === 2 && isId(s[0]) && isId(s[1]))
    ? steps.map(([node, choice]): [string, string] => [node, choice])
    : undefined;
}

/**
 * Resumes a saved run when every step still exists in the scenario; otherwise starts afresh and
 * says why. `print` is the scenario's `fingerprint`: a run saved under another one resumes with
 * `contentChanged`.
 */
export function restoreRun(scenario: Scenario, saved: unknown, print: string): RestoreResult {
  const stored = decodeStoredRun(saved);
  if (!stored) return { status: 'restarted', run: startRun(scenario), reason: 'unreadable' };
  if (stored.scenario !== scenario.id) return { status: 'restarted', run: startRun(scenario), reason: 'other-scenario' };
  const steps: Step[] = stored.steps.map(([node, choice]) => ({ node, choice }));
  const contentChanged = stored.fingerprint !== print;
  if (!replay(scenario, steps)) return { status: 'restarted', run: startRun(scenario), reason: 'content-changed' };
  return { status: 'resumed', run: { scenario: scenario.id, steps }, contentChanged };
}
