import { describe, expect, it } from 'vitest';
import { createWorkshop } from '../stores/workshop.ts';
import { newSession, roomPath, total } from '../workshop/session.ts';
import { localize } from '../engine/localize.ts';
import { loadValid } from '../../tests/unit/scenario-fixtures.ts';
import { discardedFrom, momentOf, roomStateOf, withLiveCount, withPhoneCount } from './moment.ts';
import { decodeStateChange } from './room-state.ts';
import { votingOpen } from './protocol.ts';

const content = loadValid('mini-contractor');
const scenario = localize(content, 'en');
const phones = (w: ReturnType<typeof workshop>, step: number, tally: Record<string, number>) =>
  w.edit((s) => withPhoneCount(s, step, tally));
const workshop = () => createWorkshop(scenario, newSession('mini-contractor', 'Room', new Date('2026-03-02T10:00:00Z'), 's1'), () => {});

describe('what the console publishes to its live room', () => {
  it('the phones see the moment’s title and choices, and nothing of the facilitator’s notes', () => {
    const w = workshop();
    const moment = momentOf(w.$view.get());
    expect(moment).toMatchObject({ step: 0, node: 'unpaid', kind: 'decision', revealed: false });
    expect(moment.choices.map((c) => c.id)).toEqual(['remind', 'wait']);
    expect(votingOpen(moment)).toBe(true);
    const state = roomStateOf(w.$view.get());
    expect(decodeStateChange({ state })).toEqual({ state });
    const notes = content.nodes.find((n) => n.id === 'unpaid');
    expect(JSON.stringify(state)).not.toContain(notes?.type === 'decision' ? notes.notes.en : '¤');
  });

  it('after a choice the phones see its consequence and voting waits until the facilitator moves on', () => {
    const w = workshop();
    w.go('remind');
    const moment = momentOf(w.$view.get());
    expect(moment.consequence?.label).toBe(scenario.nodes[0]?.type === 'decision' ? scenario.nodes[0].choices[0]?.label : '');
    expect(votingOpen(moment)).toBe(false);
    w.continueOn();
    expect(votingOpen(momentOf(w.$view.get()))).toBe(true);
  });

  it('hides every vote, hand counts and phones alike, until the reveal', () => {
    const w = workshop();
    phones(w, 0, { remind: 3 });
    w.vote('wait', 2);
    const hidden = roomStateOf(w.$view.get()).session;
    expect(hidden.tallies).toEqual([{ '#': 2 }]);
    // The server adds the phones it counts itself.
    expect(withLiveCount(hidden, { step: 0, votes: 3 }).tallies).toEqual([{ '#': 5 }]);
    w.reveal(true);
    const shown = roomStateOf(w.$view.get()).session;
    expect(shown.tallies).toEqual([{ wait: 2 }]);
    expect(withLiveCount(shown, { step: 0, votes: 3, tally: { remind: 3 } }).phones).toEqual([{ remind: 3 }]);
    // A count for a moment the room has left changes nothing.
    expect(withLiveCount(shown, { step: 1, votes: 9, tally: { x: 9 } })).toBe(shown);
  });
});

describe('the console’s session with live voting', () => {
  it('adds the phones’ votes to the hand counts, and keeps them per decision in its path', () => {
    const w = workshop();
    phones(w, 0, { remind: 3, wait: 1 });
    w.vote('remind', 2);
    expect(w.$view.get()).toMatchObject({ tally: { remind: 5, wait: 1 }, hand: { remind: 2 }, phones: { remind: 3, wait: 1 }, votes: 6 });
    w.go('remind');
    phones(w, 0, { remind: 99 });
    expect(w.$session.get().phones).toEqual([{ remind: 3, wait: 1 }, {}]);
    expect(roomPath(w.$session.get(), scenario)[0]?.choices.map((c) => c.votes)).toEqual([5, 1]);
    expect(total(w.$view.get().tally)).toBe(0);
  });

  it('a step back or a restart drops the phones’ votes of the steps it leaves, and says from which step', () => {
    const w = workshop();
    phones(w, 0, { remind: 1 });
    const atFirst = w.$session.get();
    w.go('remind');
    w.continueOn();
    expect(discardedFrom(atFirst, w.$session.get())).toBeUndefined();
    phones(w, 1, { warn: 2 });
    const atSecond = w.$session.get();
    w.back();
    // Back at the first decision: its phones' votes stay, the second's go.
    expect(discardedFrom(atSecond, w.$session.get())).toBe(1);
    expect(w.$session.get().phones).toEqual([{ remind: 1 }]);
    const beforeRestart = w.$session.get();
    w.restart();
    expect(discardedFrom(beforeRestart, w.$session.get())).toBe(0);
    expect(w.$session.get().phones).toEqual([{}]);
  });

  it('revealing the votes brings the screen back from the other side to the vote', () => {
    const w = workshop();
    w.go('remind');
    w.continueOn();
    w.showCounterpart(true);
    w.reveal(true);
    expect(w.$session.get()).toMatchObject({ revealed: true, counterpart: false });
  });
});
