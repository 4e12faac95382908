import { describe, expect, it } from 'vitest';
import { choose, replay, runState, startRun, undo, type Run } from './run.ts';
import { loadValid } from '../../tests/unit/scenario-fixtures.ts';

const scenario = loadValid('mini-contractor');

function play(...choices: string[]): Run {
  let run = startRun(scenario);
  for (const c of choices) {
    const result = choose(scenario, run, c);
    if (!result.ok) throw new Error(`could not choose ${c}: ${result.error.code}`);
    run = result.run;
  }
  return run;
}

describe('running a scenario', () => {
  it('starts at the start node with the meters at their start values', () => {
    const state = runState(scenario, startRun(scenario));
    expect(state.node.id).toBe('unpaid');
    expect(state.meters).toEqual({ cash: 0, trust: 4 });
    expect(state.ended).toBe(false);
  });

  it('moves on, applies effects and adds points with each choice', () => {
    const state = runState(scenario, play('remind', 'warn'));
    expect(state.node.id).toBe('terms');
    expect(state.meters).toEqual({ cash: 0, trust: 5 });
    expect(state.points).toEqual({ 'warn-first': 4, 'agree-terms': 1, 'reward-good': 0 });
  });

  it('clamps meters at their bounds', () => {
    const state = runState(scenario, play('remind', 'warn', 'agree'));
    expect(state.meters.trust).toBe(5);
  });

  it('follows a conditional route by the meters after the choice', () => {
    // trust starts at 4: waiting costs 1, the blunt reply another 1, so trust is 2, not below 2.
    expect(runState(scenario, play('wait', 'blunt')).node.id).toBe('terms');
    const lowTrust = { ...scenario, meters: [{ ...scenario.meters[0]!, start: 2 }] };
    let run = startRun(lowTrust);
    for (const c of ['wait', 'blunt']) {
      const r = choose(lowTrust, run, c);
      if (r.ok) run = r.run;
    }
    expect(runState(lowTrust, run).node.id).toBe('replaced');
  });

  it('reports an unknown choice as a typed error and leaves the run as it was', () => {
    const run = play('remind');
    const result = choose(scenario, run, 'no-such-choice');
    expect(result).toEqual({ ok: false, error: { code: 'unknown-choice', node: 'ask', choice: 'no-such-choice' } });
    expect(run.steps).toHaveLength(1);
  });

  it('refuses a choice once the run has ended', () => {
    const run = play('remind', 'warn', 'agree');
    expect(runState(scenario, run).ended).toBe(true);
    expect(choose(scenario, run, 'agree')).toEqual({ ok: false, error: { code: 'run-ended', node: 'deal' } });
  });

  it('undo takes back exactly the last decision, and nothing at the start', () => {
    const run = play('wait', 'blunt');
    expect(runState(scenario, undo(run)).node.id).toBe('ask');
    expect(runState(scenario, undo(run)).meters).toEqual({ cash: 0, trust: 3 });
    const start = startRun(scenario);
    expect(undo(start)).toBe(start);
  });

  it('replay refuses steps that do not fit the scenario', () => {
    expect(replay(scenario, [{ node: 'ask', choice: 'warn' }])).toBeUndefined();
    expect(replay(scenario, [{ node: 'unpaid', choice: 'gone' }])).toBeUndefined();
  });
});
