// A workshop session: the room's path through a scenario, the votes at every decision, the
// timer, and what the projector screen shows. Plain data and pure functions; the console's
// store applies them, the screen renders them.
import type { Step } from '../engine/types.ts';
import type { Timer } from './timer.ts';
import type { PlayableScenario } from '../engine/play-view.ts';
import { isId, isRecord } from '../engine/guards.ts';

export const sessionVersion = 1;

export interface WorkshopSession {
  v: typeof sessionVersion;
  id: string;
  scenario: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  /** The room's decisions so far. */
  steps: Step[];
  /** Votes counted by hand per choice id at each decision: tallies[i] belongs to decision i (the last one is the current vote). */
  tallies: Record<string, number>[];
  /**
   * Votes from phones in a live room, kept like `tallies` (phones[i] for decision i); absent in a
   * session that never had one. A choice's votes are its hand count plus its phones.
   */
  phones?: Record<string, number>[];
  /** Whether the screen shows the bars of the current vote, not just the count. */
  revealed: boolean;
  /** Whether the feedback of the last decision is on screen. */
  feedback: boolean;
  /** Whether the screen shows the other side's view of this moment. */
  counterpart: boolean;
  timer: Timer;
  muted: boolean;
}

/**
 * The id of the empty session the console renders on the server, before the saved or new one
 * replaces it in the browser: a screen opened from the console's link in that moment names it.
 */
export const unsavedSessionId = 'pending';

export function newSession(scenario: string, name: string, now: Date, id: string): WorkshopSession {
  const at = now.toISOString();
  return {
    v: sessionVersion,
    id,
    scenario,
    name,
    createdAt: at,
    updatedAt: at,
    steps: [],
    tallies: [{}],
    revealed: false,
    feedback: false,
    counterpart: false,
    timer: {},
    muted: false,
  };
}

export const total = (tally: Record<string, number> | undefined) => Object.values(tally ?? {}).reduce((a, b) => a + b, 0);

/** Two tallies added together: hand counts and phones. */
export function addTallies(a: Record<string, number> | undefined, b: Record<string, number> | undefined): Record<string, number> {
  const out = { ...a };
  for (const [id, n] of Object.entries(b ?? {})) out[id] = (out[id] ?? 0) + n;
  return out;
}

/** All the votes at decision i: the hand count and the phones'. */
export const votesAt = (session: WorkshopSession, i: number) => addTallies(session.tallies[i], session.phones?.[i]);

/**
 * The choice with the most votes; none without votes, and none on a tie at the top: the
 * facilitator then picks one with its own button, so the record never claims a majority.
 */
export function majority(tally: Record<string, number> | undefined, order: readonly string[]): string | undefined {
  const counts = order.map((id) => tally?.[id] ?? 0);
  const most = Math.max(0, ...counts);
  const leaders = order.filter((_, i) => counts[i] === most);
  return most > 0 && leaders.length === 1 ? leaders[0] : undefined;
}

/**
 * Each choice's share of the votes in `tally`, in whole percent, by id, for the choices in
 * `order` (what the projector screen's bars show). Rounded cumulatively (each share is the
 * rounded running total less the one before), so once any vote is in they add up to exactly 100
 * and each is within a point of its exact share; before any, every share is 0.
 */
export function shares(tally: Record<string, number> | undefined, order: readonly string[]): Record<string, number> {
  const all = order.reduce((n, id) => n + (tally?.[id] ?? 0), 0);
  let counted = 0;
  let before = 0;
  return Object.fromEntries(
    order.map((id) => {
      counted += tally?.[id] ?? 0;
      const upTo = all && Math.round((100 * counted) / all);
      const share = upTo - before;
      before = upTo;
      return [id, share];
    }),
  );
}

/** One decision the room took: the moment, and every choice with its votes and whether it was taken. */
export interface RoomMoment {
  step: number;
  /** The decision's node id. */
  node: string;
  title: string;
  choices: { id: string; label: string; votes: number; chosen: boolean }[];
  /** All the votes cast at this moment. */
  votes: number;
}

/** The room's path with the votes at each decision: what the console's debrief and the exports list. */
export function roomPath(session: WorkshopSession, scenario: PlayableScenario): RoomMoment[] {
  return session.steps.flatMap((step, i) => {
    const node = scenario.nodes.find((n) => n.id === step.node);
    if (node?.type !== 'decision') return [];
    const tally = votesAt(session, i);
    return [
      {
        step: i + 1,
        node: node.id,
        title: node.title,
        choices: node.choices.map((c) => ({ id: c.id, label: c.label, votes: tally[c.id] ?? 0, chosen: c.id === step.choice })),
        votes: total(tally),
      },
    ];
  });
}

const isTallyKey = (v: string) => isId(v) || v === '#';
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= 100_000;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

function decodeTally(v: unknown): Record<string, number> | undefined {
  if (!isRecord(v)) return undefined;
  const out: Record<string, number> = {};
  for (const [k, n] of Object.entries(v)) {
    if (!isTallyKey(k) || !isCount(n)) return undefined;
    out[k] = n;
  }
  return out;
}

/** Reads a session from untrusted data (storage, a message, a file); undefined unless well-formed. */
export function decodeSession(value: unknown): WorkshopSession | undefined {
  if (!isRecord(value) || value['v'] !== sessionVersion) return undefined;
  const { id, scenario, name, createdAt, updatedAt, steps, tallies, phones, revealed, feedback, counterpart, timer, muted } = value;
  if (!isId(id) || !isId(scenario) || typeof name !== 'string' || name.length > 200) return undefined;
  if (
    typeof createdAt !== 'string' ||
    typeof updatedAt !== 'string' ||
    Number.isNaN(Date.parse(createdAt)) ||
    Number.isNaN(Date.parse(updatedAt))
  )
    return undefined;
  if (typeof revealed !== 'boolean' || typeof feedback !== 'boolean' || typeof counterpart !== 'boolean' || typeof muted !== 'boolean')
    return undefined;
  if (!Array.isArray(steps) || steps.length > 500 || !Array.isArray(tallies) || tallies.length !== steps.length + 1 || !isRecord(timer))
    return undefined;
  const decodedSteps: Step[] = [];
  for (const s of steps) {
    if (!isRecord(s) || !isId(s['node']) || !isId(s['choice'])) return undefined;
    decodedSteps.push({ node: s['node'], choice: s['choice'] });
  }
  const decodedTallies = tallies.map(decodeTally);
  if (decodedTallies.some((t) => t === undefined)) return undefined;
  let decodedPhones: Record<string, number>[] | undefined;
  if (phones !== undefined) {
    if (!Array.isArray(phones) || phones.length !== tallies.length) return undefined;
    decodedPhones = phones.map(decodeTally) as Record<string, number>[];
    if (decodedPhones.some((t) => t === undefined)) return undefined;
  }
  const t: Timer = {};
  if (timer['endsAt'] !== undefined) {
    if (!isTime(timer['endsAt'])) return undefined;
    t.endsAt = timer['endsAt'];
  }
  if (timer['remaining'] !== undefined) {
    if (!isTime(timer['remaining'])) return undefined;
    t.remaining = timer['remaining'];
  }
  return {
    v: sessionVersion,
    id,
    scenario,
    name,
    createdAt,
    updatedAt,
    steps: decodedSteps,
    tallies: decodedTallies as Record<string, number>[],
    ...(decodedPhones && { phones: decodedPhones }),
    revealed,
    feedback,
    counterpart,
    timer: t,
    muted,
  };
}

/** What travels from the console to the screen: the session without anything private. */
export interface ScreenMessage {
  ns: typeof channelNamespace;
  v: typeof sessionVersion;
  type: 'state' | 'hello';
  session?: WorkshopSession;
}

export const channelNamespace = 'checks-in-the-mail/workshop';

/** The key under which a hidden vote travels as one total (no choice id looks like it). */
export const hiddenTally = '#';

export function channelName(scenario: string): string {
  return `${channelNamespace}/${scenario}`;
}

/**
 * The session as the screen may see it: until the facilitator reveals the vote, the current
 * votes (hand counts and phones) are reduced to their total so the bars cannot be read off the
 * message.
 */
export function forScreen(session: WorkshopSession): WorkshopSession {
  if (session.revealed) return session;
  const last = session.tallies.length - 1;
  const tallies = [...session.tallies];
  tallies[last] = { [hiddenTally]: total(votesAt(session, last)) };
  if (!session.phones) return { ...session, tallies };
  const phones = [...session.phones];
  phones[last] = {};
  return { ...session, tallies, phones };
}

export function decodeScreenMessage(value: unknown): ScreenMessage | undefined {
  if (!isRecord(value) || value['ns'] !== channelNamespace || value['v'] !== sessionVersion) return undefined;
  if (value['type'] === 'hello') return { ns: channelNamespace, v: sessionVersion, type: 'hello' };
  if (value['type'] !== 'state') return undefined;
  const session = decodeSession(value['session']);
  if (!session) return undefined;
  return { ns: channelNamespace, v: sessionVersion, type: 'state', session };
}
