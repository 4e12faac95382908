// The decoders of what carries a workshop session: the console's published state, a new room, a
// change of state, and the snapshot the screen receives. The server and the screen use them.
import { decodeSession } from '../workshop/session.ts';
import { isId, isRecord } from '../engine/guards.ts';
import {
  decodeCount,
  decodeMoment,
  isStep,
  liveVersion,
  normaliseCode,
  type NewRoom,
  type RoomSnapshot,
  type RoomState,
  type StateChange,
} from './protocol.ts';

/** The console's published state, as the server receives it; undefined unless well-formed and consistent. */
export function decodeRoomState(value: unknown): RoomState | undefined {
  if (!isRecord(value)) return undefined;
  const moment = decodeMoment(value['moment']);
  const session = decodeSession(value['session']);
  if (!moment || !session || moment.step !== session.steps.length) return undefined;
  return { moment, session };
}

/** A room's snapshot as a phone or the screen receives it; undefined unless well-formed. */
export function decodeSnapshot(value: unknown): RoomSnapshot | undefined {
  if (!isRecord(value) || value['v'] !== liveVersion || typeof value['open'] !== 'boolean') return undefined;
  const { locale, scenario } = value;
  const state = decodeRoomState(value['state']);
  const count = decodeCount(value['count']);
  if (!isId(locale) || !isId(scenario) || !state || !count) return undefined;
  const snapshot: RoomSnapshot = { v: liveVersion, open: value['open'], locale, scenario, state, count };
  const join = value['join'];
  if (join === undefined) return snapshot;
  const code = isRecord(join) ? normaliseCode(join['code']) : undefined;
  const address = isRecord(join) ? join['address'] : undefined;
  if (!code || typeof address !== 'string' || !/^https?:\/\/\S+$/.test(address) || address.length > 500) return undefined;
  return { ...snapshot, join: { code, address } };
}

export function decodeNewRoom(value: unknown): NewRoom | undefined {
  if (!isRecord(value) || !isId(value['scenario']) || !/^[a-z]{2}$/.test(String(value['locale']))) return undefined;
  const state = decodeRoomState(value['state']);
  if (!state || state.session.scenario !== value['scenario']) return undefined;
  return { scenario: value['scenario'], locale: String(value['locale']), state };
}

export function decodeStateChange(value: unknown): StateChange | undefined {
  if (!isRecord(value)) return undefined;
  const state = decodeRoomState(value['state']);
  if (!state) return undefined;
  if (value['discardFrom'] === undefined) return { state };
  return isStep(value['discardFrom']) ? { state, discardFrom: value['discardFrom'] } : undefined;
}
