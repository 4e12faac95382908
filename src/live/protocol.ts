// The live room's protocol: what the console publishes, what phones and the screen receive, and
// what a phone may send. Shared by the server and the browser, so it is plain TypeScript without
// zod; every shape that arrives from outside has a decoder that never throws. The decoders that
// read a whole workshop session are in room-state.ts, so the phone's page does not carry them.
import type { WorkshopSession } from '../workshop/session.ts';
import { isId, isRecord } from '../engine/guards.ts';

export const liveVersion = 1;

/**
 * The join code's alphabet: capital letters and digits without the look-alikes 0/O, 1/I/L, 2/Z,
 * 5/S and 8/B, so a code read off a projector from the back of a room is typed right. Six of its
 * 25 characters make 244,140,625 codes.
 */
export const codeAlphabet = 'ACDEFGHJKMNPQRTUVWXY34679';
export const codeLength = 6;
/** What a typed code may hold: the alphabet and the characters earlier codes were made of (2, 5, 8, B, S, Z), so a room made before keeps working. */
const typable = `${codeAlphabet}BSZ258`;

/** A join code as a person may type it (any case, spaces or dashes), in its canonical form; undefined if it cannot be one. */
export function normaliseCode(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 40) return undefined;
  const code = value.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== codeLength) return undefined;
  for (const ch of code) if (!typable.includes(ch)) return undefined;
  return code;
}

/** Room ids, secrets, participant tokens and tickets: base64url of at least 16 random bytes (128 bits). */
export const isKey = (v: unknown): v is string => typeof v === 'string' && /^[\w-]{22,86}$/.test(v);

/** A choice a phone can vote for at the current moment. */
export interface MomentChoice {
  id: string;
  label: string;
}

/**
 * What a phone shows: the room's current moment and, while the facilitator shows it, the
 * consequence of the room's last decision. Votes are open only at a decision, once the
 * consequence has been discussed and until the votes are revealed.
 */
export interface Moment {
  /** The decision's index in the room's path (0 for the first), which a vote names. */
  step: number;
  node: string;
  kind: 'decision' | 'ending';
  title: string;
  /** Empty at an ending. */
  choices: MomentChoice[];
  /** The ending's text, paragraphs split by blank lines; empty at a decision. */
  text: string;
  revealed: boolean;
  /** The room's last decision and what it led to, while the facilitator shows it. */
  consequence?: { label: string; text: string };
}

/** What the console publishes to its room: the phones' moment and the screen's copy of the session (see forScreen). */
export interface RoomState {
  moment: Moment;
  session: WorkshopSession;
}

/** Whether a phone's vote at this moment would be taken. */
export function votingOpen(moment: Moment): boolean {
  return moment.kind === 'decision' && !moment.revealed && !moment.consequence;
}

/** The live votes at the current moment: their total, and per choice once revealed (or for the console). */
export interface LiveCount {
  step: number;
  node: string;
  votes: number;
  tally?: Record<string, number>;
}

/** The room as a phone or the screen receives it, in full on every change of state. */
export interface RoomSnapshot {
  v: typeof liveVersion;
  open: boolean;
  locale: string;
  scenario: string;
  /** While the room is open: its join code and the address a phone opens (what the screen shows). */
  join?: { code: string; address: string };
  state: RoomState;
  count: LiveCount;
}

/** What the console's own stream adds: the tally per choice before it is revealed, and how many phones joined. */
export interface ConsoleCount extends LiveCount {
  tally: Record<string, number>;
  phones: number;
}

const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
/** A whole number from 0 to `max`; not -0, which JSON.parse makes of "-0" and JSON.stringify writes as 0. */
const isWhole = (v: unknown, max: number): v is number =>
  Number.isSafeInteger(v) && (v as number) >= 0 && !Object.is(v, -0) && (v as number) <= max;
export const isStep = (v: unknown): v is number => isWhole(v, 500);
const isCount = (v: unknown): v is number => isWhole(v, 1_000_000);

/** Parses JSON text from outside; undefined for anything that is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}

export function decodeMoment(value: unknown): Moment | undefined {
  if (!isRecord(value)) return undefined;
  const { step, node, kind, title, choices, text, revealed, consequence } = value;
  if (!isStep(step) || !isId(node) || (kind !== 'decision' && kind !== 'ending') || !isText(title, 500) || !isText(text, 20_000))
    return undefined;
  if (typeof revealed !== 'boolean' || !Array.isArray(choices) || choices.length > 12) return undefined;
  const decoded: MomentChoice[] = [];
  for (const c of choices) {
    if (!isRecord(c) || !isId(c['id']) || !isText(c['label'], 1000) || decoded.some((d) => d.id === c['id'])) return undefined;
    decoded.push({ id: c['id'], label: c['label'] });
  }
  if (kind === 'decision' && decoded.length === 0) return undefined;
  const moment: Moment = { step, node, kind, title, choices: decoded, text, revealed };
  if (consequence !== undefined) {
    if (!isRecord(consequence) || !isText(consequence['label'], 1000) || !isText(consequence['text'], 20_000)) return undefined;
    moment.consequence = { label: consequence['label'], text: consequence['text'] };
  }
  return moment;
}

function decodeTally(value: unknown, choices?: MomentChoice[]): Record<string, number> | undefined {
  if (!isRecord(value)) return undefined;
  const out: Record<string, number> = {};
  for (const [id, n] of Object.entries(value)) {
    if (!isId(id) || !isCount(n) || (choices && !choices.some((c) => c.id === id))) return undefined;
    out[id] = n;
  }
  return out;
}

export function decodeCount(value: unknown): LiveCount | undefined {
  if (!isRecord(value) || !isStep(value['step']) || !isId(value['node']) || !isCount(value['votes'])) return undefined;
  const count: LiveCount = { step: value['step'], node: value['node'], votes: value['votes'] };
  if (value['tally'] !== undefined) {
    const tally = decodeTally(value['tally']);
    if (!tally) return undefined;
    count.tally = tally;
  }
  return count;
}

export function decodeConsoleCount(value: unknown): ConsoleCount | undefined {
  const count = decodeCount(value);
  if (!count?.tally || !isRecord(value) || !isCount(value['phones'])) return undefined;
  return { ...count, tally: count.tally, phones: value['phones'] };
}

/** What a phone is sent of a room: the moment and the count, none of the session the screen shows. */
export interface PhoneSnapshot {
  open: boolean;
  locale: string;
  moment: Moment;
  count: LiveCount;
}

export function decodePhoneSnapshot(value: unknown): PhoneSnapshot | undefined {
  if (!isRecord(value) || value['v'] !== liveVersion || typeof value['open'] !== 'boolean' || !isId(value['locale'])) return undefined;
  const moment = decodeMoment(value['moment']);
  const count = decodeCount(value['count']);
  return moment && count ? { open: value['open'], locale: value['locale'], moment, count } : undefined;
}

/** A phone's vote: the moment it was cast at (step and node) and the choice. */
export interface Ballot {
  step: number;
  node: string;
  choice: string;
}

export function decodeBallot(value: unknown): Ballot | undefined {
  if (!isRecord(value) || !isStep(value['step']) || !isId(value['node']) || !isId(value['choice'])) return undefined;
  return { step: value['step'], node: value['node'], choice: value['choice'] };
}

/** A new room: the scenario and language it plays, and its first state. */
export interface NewRoom {
  scenario: string;
  locale: string;
  state: RoomState;
}

/**
 * A change of the room's state. `discardFrom` drops the phones' votes from that step on: the
 * console sends it when it steps back or restarts, as it drops its own counts for those steps.
 */
export interface StateChange {
  state: RoomState;
  discardFrom?: number;
}

/** What joining a room answers: the room, the phone's token, and the room's language and scenario. */
export interface Joined {
  room: string;
  token: string;
  locale: string;
  scenario: string;
}

export function decodeJoined(value: unknown): Joined | undefined {
  if (!isRecord(value) || !isKey(value['room']) || !isKey(value['token']) || !isId(value['locale']) || !isId(value['scenario']))
    return undefined;
  return { room: value['room'], token: value['token'], locale: value['locale'], scenario: value['scenario'] };
}

/** What creating a room answers: the console keeps the secret to itself. */
export interface CreatedRoom {
  room: string;
  secret: string;
  code: string;
  /** The address a phone opens to join, e.g. http://192.168.1.20:4321/j/K7QM2P. */
  join: string;
}

export function decodeCreatedRoom(value: unknown): CreatedRoom | undefined {
  if (!isRecord(value) || !isKey(value['room']) || !isKey(value['secret']) || typeof value['join'] !== 'string') return undefined;
  const code = normaliseCode(value['code']);
  if (!code || !/^https?:\/\/[^\s]+$/.test(value['join'])) return undefined;
  return { room: value['room'], secret: value['secret'], code, join: value['join'] };
}
