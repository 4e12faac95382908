// Room states for the live server's tests and benchmark: a session at a decision with its moment,
// shaped as the console publishes them.
import { newSession, type WorkshopSession } from '../workshop/session.ts';
import type { Moment, NewRoom, RoomState } from './protocol.ts';

/** A room state at decision `step` (node `n{step}`) with `choices` choices `a`, `b`, …. */
export function stateAt(step: number, options: { choices?: number; revealed?: boolean; consequence?: boolean } = {}): RoomState {
  const ids = 'abcdefghijkl'.slice(0, options.choices ?? 3).split('');
  const base: WorkshopSession = newSession('contractor', 'Test room', new Date('2026-03-02T10:00:00Z'), 'session-1');
  const session: WorkshopSession = {
    ...base,
    steps: Array.from({ length: step }, (_, i) => ({ node: `n${i}`, choice: 'a' })),
    tallies: Array.from({ length: step + 1 }, () => ({})),
    revealed: options.revealed ?? false,
    feedback: options.consequence ?? false,
  };
  const moment: Moment = {
    step,
    node: `n${step}`,
    kind: 'decision',
    title: `Moment ${step}`,
    choices: ids.map((id) => ({ id, label: `Choice ${id}` })),
    text: '',
    revealed: options.revealed ?? false,
    ...(options.consequence && { consequence: { label: 'Choice a', text: 'It went well.' } }),
  };
  return { moment, session };
}

export function newRoomBody(state: RoomState = stateAt(0)): NewRoom {
  return { scenario: 'contractor', locale: 'en', state };
}
