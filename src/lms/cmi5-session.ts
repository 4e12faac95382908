// What one cmi5 session keeps in its tab, so that a reload continues the session instead of
// breaking it: the fetch URL may be used once per session (cmi5 §8.1.2: "a one-time use URL"),
// and initialized, completed, passed, failed and terminated may each be sent once per session.
// This is the cmi5 best practice "persist AU session state" (best practice #17), kept per tab
// (sessionStorage) and per registration, in memory where storage is blocked.
import { cmi5SessionKey } from '../browser/storage-keys.ts';

/** Where a tab session is kept: this tab's sessionStorage, or memory where that is blocked. */
export interface TabStore {
  readItem(key: string): string | null;
  writeItem(key: string, value: string): void;
}

/**
 * This tab's sessionStorage, falling back to memory for the page's life where it is blocked or
 * full (private modes, sandboxed frames): the session then lasts until a reload, as without this
 * module. The course's own pages keep their localStorage wrapper (stores/storage.ts) apart.
 */
export function sessionTabStore(): TabStore {
  const memory = new Map<string, string>();
  return {
    readItem(key) {
      try {
        return memory.get(key) ?? sessionStorage.getItem(key);
      } catch (error) {
        console.warn('This tab cannot keep the cmi5 session; keeping it in memory.', error);
        return null;
      }
    },
    writeItem(key, value) {
      try {
        sessionStorage.setItem(key, value);
      } catch (error) {
        console.warn('This tab cannot keep the cmi5 session; keeping it in memory.', error);
        memory.set(key, value);
      }
    },
  };
}

/** The statements cmi5 allows once per session. */
export const onceVerbs = ['initialized', 'completed', 'passed', 'failed', 'terminated'] as const;
export type OnceVerb = (typeof onceVerbs)[number];

export interface Cmi5TabSession {
  /** The fetch URL this session was launched with: another one means a new launch, a new session. */
  fetch: string;
  /** The auth token the fetch URL gave; it belongs to the session. */
  token: string;
  /** When the session started, in ms since the epoch: durations run from here across reloads. */
  startedAt: number;
  /** The once-per-session statements already sent. */
  sent: OnceVerb[];
  /** The learner's run (a stored run), to resume after a reload. */
  run?: unknown;
}

/** Reads a saved tab session from untrusted text; undefined unless it is well-formed. */
export function decodeTabSession(raw: string | null): Cmi5TabSession | undefined {
  if (raw === null) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    console.warn('The saved cmi5 session was unreadable.', error);
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { fetch, token, startedAt, sent, run } = value as Record<string, unknown>;
  if (typeof fetch !== 'string' || typeof token !== 'string' || token.length === 0) return undefined;
  if (typeof startedAt !== 'number' || !Number.isFinite(startedAt) || !Array.isArray(sent)) return undefined;
  if (!sent.every((v): v is OnceVerb => (onceVerbs as readonly unknown[]).includes(v))) return undefined;
  return { fetch, token, startedAt, sent, ...(run !== undefined && { run }) };
}

/** The session kept in this tab for a registration and fetch URL, and a way to save changes to it. */
export function tabSession(registration: string, fetchUrl: string, area: TabStore = sessionTabStore()) {
  const key = cmi5SessionKey(registration);
  const saved = decodeTabSession(area.readItem(key));
  let session = saved?.fetch === fetchUrl ? saved : undefined;
  const save = () => session && area.writeItem(key, JSON.stringify(session));
  return {
    /** The session this tab already started with this fetch URL, if any. */
    get current(): Cmi5TabSession | undefined {
      return session;
    },
    /** Starts the session with the token the fetch URL gave. */
    begin(token: string, now: number) {
      session = { fetch: fetchUrl, token, startedAt: now, sent: [] };
      save();
    },
    /** Records that a once-per-session statement is on its way; false if it was sent before. */
    claim(verb: OnceVerb): boolean {
      if (!session || session.sent.includes(verb)) return false;
      session.sent.push(verb);
      save();
      return true;
    },
    sent(verb: OnceVerb): boolean {
      return session?.sent.includes(verb) ?? false;
    },
    keepRun(run: unknown) {
      if (!session) return;
      session.run = run;
      save();
    },
  };
}

export type TabSession = ReturnType<typeof tabSession>;
