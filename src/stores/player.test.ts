import { describe, expect, it } from 'vitest';
import { localize } from '../engine/localize.ts';
import { markedPath } from '../engine/paths.ts';
import { fingerprint, serialiseRun } from '../engine/index.ts';
import { loadValid } from '../../tests/unit/scenario-fixtures.ts';
import { createPlayer } from './player.ts';

const scenario = localize(loadValid('mini-contractor'), 'en');
const path = markedPath(scenario, 'recommended');
const saved = (steps: typeof path) => serialiseRun(fingerprint(scenario), { scenario: scenario.id, steps });

describe('a saved run picked up by the player', () => {
  it('reopens mid-run at the feedback of its last choice', () => {
    const player = createPlayer(scenario, fingerprint(scenario));
    player.resume(saved(path.slice(0, 1)));
    expect(player.$view.get().feedback?.choice.id).toBe(path[0]!.choice);
  });

  it('dates the feedback by the moment the choice was made at, and the next moment by its own day', () => {
    const player = createPlayer(scenario, fingerprint(scenario));
    player.choose(path[0]!.choice);
    const feedback = player.$view.get();
    expect(feedback.day).toBe(feedback.feedback!.node.day);
    expect(feedback.day).toBeLessThan(feedback.node.day);
    player.continueOn();
    expect(player.$view.get().day).toBe(feedback.node.day);
  });

  it('reopens a finished run at its ending, which the learner had reached', () => {
    const player = createPlayer(scenario, fingerprint(scenario));
    player.resume(saved(path));
    const view = player.$view.get();
    expect(view.feedback).toBeUndefined();
    expect(view.node.type).toBe('ending');
    expect(view.debrief).toBeDefined();
  });

  it('following another tab that just ended, shows that choice’s feedback as that tab does', () => {
    const other = createPlayer(scenario, fingerprint(scenario));
    for (const [i, step] of path.entries()) {
      if (i > 0) other.continueOn();
      other.choose(step.choice);
    }
    const player = createPlayer(scenario, fingerprint(scenario));
    player.resume(saved(path), 'follow');
    expect(player.$view.get().feedback).toEqual(other.$view.get().feedback);
    expect(player.$view.get().feedback?.choice.id).toBe(path.at(-1)!.choice);
  });
});
