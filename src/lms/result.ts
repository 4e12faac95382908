// What an LMS is told of a finished scenario, whichever runtime carries it (SCORM 1.2 or cmi5).

/**
 * A finished scenario's score: `overall` from 0 to 100, and per principle id the points earned
 * and the maximum the recommended path sets (earned may exceed it; see engine/scoring.ts).
 * A saved course result (stores' ScenarioResult) is one.
 */
export interface LmsResult {
  overall: number;
  principles: Record<string, { earned: number; max: number }>;
}
