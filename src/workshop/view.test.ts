import { describe, expect, it } from 'vitest';
import { viewOf } from './view.ts';
import { newSession, type WorkshopSession } from './session.ts';
import { markedPath } from '../engine/paths.ts';
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

describe("the room's path at its ending", () => {
  const ended = (steps: WorkshopSession['steps']): WorkshopSession => ({
    ...start,
    steps,
    // Two votes for the choice taken, one for the first other choice, at each decision.
    tallies: [
      ...steps.map((s) => {
        const node = scenario.nodes.find((n) => n.id === s.node);
        const other = node?.type === 'decision' ? node.choices.find((c) => c.id !== s.choice)?.id : undefined;
        return { [s.choice]: 2, ...(other && { [other]: 1 }) };
      }),
      {},
    ],
  });

  it('is there only at an ending', () => {
    expect(viewOf(scenario, decided).path).toBeUndefined();
    expect(viewOf(scenario, ended(markedPath(scenario, 'real'))).path).toBeDefined();
  });

  it("tags every choice with the marked paths that took it, and names the room's choice and its votes", () => {
    const real = markedPath(scenario, 'real');
    const recommended = markedPath(scenario, 'recommended');
    const path = viewOf(scenario, ended(real)).path!;
    expect(path.map((m) => m.taken?.id)).toEqual(real.map((s) => s.choice));
    expect(path.map((m) => m.taken?.votes)).toEqual(real.map(() => 2));
    for (const moment of path)
      for (const choice of moment.choices) {
        const by = (steps: typeof real) => steps.some((s) => s.node === moment.node && s.choice === choice.id);
        expect(choice.marks.includes('real'), `${moment.node}/${choice.id}`).toBe(by(real));
        expect(choice.marks.includes('recommended'), `${moment.node}/${choice.id}`).toBe(by(recommended));
      }
    // The fixture's two marked paths part somewhere: some choice on the room's path is not the recommended one.
    expect(path.some((m) => m.taken && !m.taken.marks.includes('recommended'))).toBe(true);
  });
});

describe('the vote at the moment on screen', () => {
  it('is open on the decision’s choices, in their order, and closed while the feedback is up or at an ending', () => {
    expect(viewOf(scenario, start).ballot).toEqual(['remind', 'wait']);
    expect(viewOf(scenario, { ...decided, feedback: true }).ballot).toBeUndefined();
    expect(viewOf(scenario, { ...decided, feedback: false }).ballot).toEqual(['warn', 'blunt']);
    const ending = markedPath(scenario, 'real');
    expect(viewOf(scenario, { ...start, steps: ending, tallies: ending.map(() => ({})).concat([{}]) }).ballot).toBeUndefined();
  });

  it('leads with the one choice that has the most votes, hand counts and phones together', () => {
    const view = viewOf(scenario, { ...start, tallies: [{ remind: 2, wait: 3 }], phones: [{ remind: 2 }] });
    expect(view).toMatchObject({ leading: 'remind', tied: false, votes: 7 });
  });

  it('has no leader on a tie at the top, and says it is a tie only once votes are in', () => {
    expect(viewOf(scenario, { ...start, tallies: [{ remind: 2, wait: 2 }] })).toMatchObject({ leading: undefined, tied: true });
    expect(viewOf(scenario, start)).toMatchObject({ leading: undefined, tied: false });
  });

  it('gives every choice its total beside its hand count once phones have voted, and none for a room voting by hand', () => {
    const view = viewOf(scenario, { ...start, tallies: [{ remind: 1, wait: 4 }], phones: [{ remind: 3, wait: 0 }] });
    // Every choice of the ballot, 'wait' (no phone's vote) too.
    expect(view.totalsBeside).toBe(true);
    expect(view.ballot).toContain('wait');
    expect(view.tally['remind']).toBe(4);
    expect(viewOf(scenario, { ...start, tallies: [{ remind: 1 }] }).totalsBeside).toBe(false);
  });
});
