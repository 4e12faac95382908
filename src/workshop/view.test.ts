import { describe, expect, it } from 'vitest';
import { viewOf } from './view.ts';
import { newSession } from './session.ts';
import { localize } from '../engine/localize.ts';
import { loadValid } from '../../tests/unit/scenario-fixtures.ts';

const scenario = localize(loadValid('mini-contractor'), 'en');
const start = newSession(scenario.id, 'Wednesday', new Date('2026-11-27T10:00:00Z'), 'abc');
// The room chose the first option at the first moment (unpaid › remind › ask).
const decided = { ...start, steps: [{ node: 'unpaid', choice: 'remind' }], tallies: [{ remind: 3 }, {}] };

describe('the moment the room discusses, for the console and the projector screen', () => {
  it('is the moment on screen before the vote', () => {
    expect(viewOf(scenario, start)).toMatchObject({ node: { id: 'unpaid' }, discussed: { id: 'unpaid' } });
  });

  it('stays the moment the room decided while its feedback is up, though the story has moved on', () => {
    const view = viewOf(scenario, { ...decided, feedback: true });
    expect(view.node.id).toBe('ask');
    expect(view.discussed.id).toBe('unpaid');
    expect(view.discussed).toBe(view.feedback?.node);
  });

  it('is the next moment once the room continues', () => {
    expect(viewOf(scenario, { ...decided, feedback: false })).toMatchObject({ node: { id: 'ask' }, discussed: { id: 'ask' } });
  });
});
