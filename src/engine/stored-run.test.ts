import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isDecision } from './graph.ts';
import { randomScenario } from './random-scenario.ts';
import { choose, runState, startRun, type Run } from './run.ts';
import { decodeStoredRun, fingerprint, restoreRun, serialiseRun } from './stored-run.ts';
import { loadValid } from '../../tests/unit/scenario-fixtures.ts';
import type { ScenarioContent } from './schema.ts';

const scenario = loadValid('mini-contractor');

function play(s: ScenarioContent, ...choices: string[]): Run {
  return choices.reduce((run, c) => {
    const r = choose(s, run, c);
    if (!r.ok) throw new Error(r.error.code);
    return r.run;
  }, startRun(s));
}

describe('saving and resuming a run', () => {
  it('resumes a saved run exactly, through JSON', () => {
    const run = play(scenario, 'wait', 'blunt');
    const saved = JSON.parse(JSON.stringify(serialiseRun(fingerprint(scenario), run)));
    expect(restoreRun(scenario, saved, fingerprint(scenario))).toEqual({ status: 'resumed', run, contentChanged: false });
  });

  it('resumes when the content changed but every step still exists, and says the content changed', () => {
    const run = play(scenario, 'remind');
    const saved = serialiseRun(fingerprint(scenario), run);
    const edited = structuredClone(scenario);
    const terms = edited.nodes.find((n) => n.id === 'terms');
    if (terms?.type === 'decision') terms.choices.pop();
    expect(fingerprint(edited)).not.toBe(fingerprint(scenario));
    expect(restoreRun(edited, saved, fingerprint(edited))).toEqual({ status: 'resumed', run, contentChanged: true });
  });

  it('restarts and says why when a saved step no longer exists', () => {
    const saved = serialiseRun(fingerprint(scenario), play(scenario, 'wait', 'blunt'));
    const edited = structuredClone(scenario);
    const ask = edited.nodes.find((n) => n.id === 'ask');
    if (ask?.type === 'decision') ask.choices = ask.choices.filter((c) => c.id !== 'blunt');
    const result = restoreRun(edited, saved, fingerprint(edited));
    expect(result).toMatchObject({ status: 'restarted', reason: 'content-changed' });
    expect(result.run.steps).toEqual([]);
  });

  it('restarts on a run saved for another scenario', () => {
    const saved = serialiseRun(fingerprint(scenario), startRun(scenario));
    expect(restoreRun(loadValid('mini-client'), saved, fingerprint(loadValid('mini-client')))).toMatchObject({
      status: 'restarted',
      reason: 'other-scenario',
    });
  });

  it('restarts on unreadable data', () => {
    for (const junk of [
      undefined,
      null,
      '{',
      7,
      { v: 2, scenario: 'x', fingerprint: '', steps: [] },
      { v: 1, scenario: 'mini-contractor', fingerprint: 'a', steps: [['unpaid']] },
    ]) {
      expect(restoreRun(scenario, junk, fingerprint(scenario))).toMatchObject({ status: 'restarted', reason: 'unreadable' });
    }
  });

  it('the stored-run decoder never throws, and accepts only well-formed runs', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const decoded = decodeStoredRun(value);
        if (decoded !== undefined) {
          expect(decoded.v).toBe(1);
          expect(typeof decoded.scenario).toBe('string');
          expect(decoded.steps.every((s) => s.length === 2 && s.every((x) => typeof x === 'string' && x.length > 0))).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('the decoder accepts every run the engine saves', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.nat(), { maxLength: 30 }), (seed, picks) => {
        // A run played through the engine on a random scenario: at each decision, the pick's choice.
        const s = randomScenario(seed, { nodes: 12, conditional: 0.5 });
        const run = picks.reduce((r, pick) => {
          const { node } = runState(s, r);
          if (!isDecision(node)) return r;
          const chosen = choose(s, r, node.choices[pick % node.choices.length]!.id);
          if (!chosen.ok) throw new Error(chosen.error.code);
          return chosen.run;
        }, startRun(s));
        const saved = serialiseRun(fingerprint(s), run);
        const decoded = decodeStoredRun(JSON.parse(JSON.stringify(saved)));
        expect(decoded).toEqual(saved);
        expect(restoreRun(s, decoded!, fingerprint(s))).toEqual({ status: 'resumed', run, contentChanged: false });
      }),
    );
  });
});
