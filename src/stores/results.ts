// Results as progress saves them (each made by scenario-result.ts), and the migration's second
// half, re-scoring results saved under the earlier rules by replaying their steps (the first
// half, which needs no scenario, is in progress-format.ts). Apart from
// progress.ts, so the reading pages, which load the progress store, do not load the engine.
import { outcome } from '../engine/scoring.ts';
import type { Scenario } from '../engine/types.ts';
import { awaitsReplay, type Progress, type ScenarioProgress, type ScenarioResult } from './progress-format.ts';
import { $progress, update } from './progress.ts';
import { resultOf } from './scenario-result.ts';

/**
 * A result saved under the earlier rules, re-scored by replaying its steps; kept as it was, its
 * label with it and the steps dropped, when they do not reach its ending (the run version 1 kept
 * was another one); unchanged when it has no steps or is current.
 */
function rescoreResult(result: ScenarioResult, scenario: Scenario): ScenarioResult {
  if (!result.earlierRules || !result.steps) return result;
  const steps = result.steps.map(([node, choice]) => ({ node, choice }));
  const replayed = outcome(scenario, steps);
  if (replayed?.ending.id === result.ending) return resultOf(replayed, steps, result.at);
  const { ending, grade, overall, principles, at } = result;
  return { ending, grade, overall, principles, at, earlierRules: true };
}

/**
 * A scenario's saved progress with its results re-scored under the current rules where their
 * steps replay (see `rescoreResult`). The same object when nothing changed, so callers write only
 * what did.
 */
export function rescoreScenario(saved: ScenarioProgress, scenario: Scenario): ScenarioProgress {
  if (!awaitsReplay(saved)) return saved;
  const last = saved.last && rescoreResult(saved.last, scenario);
  const best = saved.best && rescoreResult(saved.best, scenario);
  return { ...saved, ...(last && { last }), ...(best && { best }) };
}

/** Progress with one scenario's results re-scored (see `rescoreScenario`); the same object when nothing changed. */
export function rescoreProgress(progress: Progress, scenario: Scenario): Progress {
  const saved = progress.scenarios[scenario.id];
  const rescored = saved && rescoreScenario(saved, scenario);
  return rescored === saved ? progress : { ...progress, scenarios: { ...progress.scenarios, [scenario.id]: rescored! } };
}

/**
 * Re-scores a scenario's saved results under the earlier rules by replaying their steps, in the
 * saved progress; writes only when something awaits it, so tabs doing the same settle at once.
 */
export function rescoreSaved(scenario: Scenario): void {
  if (!awaitsReplay($progress.get().scenarios[scenario.id])) return;
  update((p) => rescoreProgress(p, scenario));
}

/**
 * Re-scores the results under the earlier rules of each of `scenarios` that awaits it, fetching
 * the scenario from `{href}player.json` (the player's props, as the scenario page ships them):
 * once after an upgrade or an import. Resolves when every fetch has settled; never rejects: a
 * scenario that cannot be fetched is logged and its results stay labelled until the next try.
 */
export async function rescoreFetched(scenarios: readonly { id: string; href: string }[], get: typeof fetch = fetch): Promise<void> {
  const awaiting = scenarios.filter((s) => awaitsReplay($progress.get().scenarios[s.id]));
  await Promise.all(
    awaiting.map(({ href }) =>
      get(`${href}player.json`)
        .then((response) => {
          if (!response.ok) throw new Error(`the scenario answered ${response.status}`);
          return response.json() as Promise<{ scenario: Scenario }>;
        })
        .then(({ scenario }) => rescoreSaved(scenario))
        .catch((error: unknown) =>
          console.warn('A result saved under the earlier rules could not be re-scored yet; it stays labelled.', error),
        ),
    ),
  );
}
