// What one cmi5 session keeps in its tab, so that a reload continues the session instead of
// breaking it (the rules it keeps are lms/cmi5.ts's: a one-time fetch URL, statements sent once
// per session). This is the cmi5 best practice "persist AU session state" (best practice #17),
// kept per tab (sessionStorage) and per registration the one way the course keeps anything
// (persisted.ts: a format version, a defensive decoder, never over what a newer version saved),
// in memory for the page's life where sessionStorage is blocked or full (storage.ts).
import { cmi5SessionKey } from '../browser/storage-keys.ts';
import { isInt } from '../engine/guards.ts';
import { onceVerbs, type Cmi5TabSession, type OnceVerb, type TabSession } from '../lms/cmi5.ts';
import { persisted, type Format } from './persisted.ts';
import { storageArea, type StorageArea } from './storage.ts';

const isOnceVerb = (v: unknown): v is OnceVerb => (onceVerbs as readonly unknown[]).includes(v);

/**
 * A tab's cmi5 session as saved: `{ v: 1, fetch, token, startedAt, sent, run? }` (undefined: no
 * session; saved as `{ v: 1 }`). The versions released before it had a format version saved the
 * same fields without `v`: `up[0]` reads them as they are, so a tab in the middle of a session
 * across an update keeps it. A session is kept whole or not at all: without its fetch URL, token,
 * start or sent statements it could only send a statement twice.
 */
export const tabSessionFormat: Format<Cmi5TabSession | undefined> = {
  version: 1,
  up: { 0: (saved) => saved },
  decode(saved) {
    // The run is a stored run, which the player reads as defensively when it resumes it.
    const { fetch, token, startedAt, sent, run } = saved;
    // What a dropped session leaves: nothing to read, nothing to say again.
    if (fetch === undefined && token === undefined && startedAt === undefined && sent === undefined)
      return { value: undefined, dropped: [] };
    const whole =
      typeof fetch === 'string' &&
      typeof token === 'string' &&
      token.length > 0 &&
      isInt(startedAt) &&
      Array.isArray(sent) &&
      sent.every(isOnceVerb);
    return whole
      ? { value: { fetch, token, startedAt, sent, ...(run !== undefined && { run }) }, dropped: [] }
      : { value: undefined, dropped: ['the cmi5 session'] };
  },
  encode: (session) => ({ ...session }),
  empty: () => undefined,
};

/** This tab's sessionStorage, with its fallback to memory (nothing is read until a session is). */
const tabArea = storageArea('sessionStorage');

/**
 * The session kept in this tab for `registration` and `fetchUrl` (one saved for another fetch URL
 * belongs to an earlier launch), in `area` (this tab's sessionStorage unless another is given).
 * Each change is saved at once. A record saved in a newer format is kept as it is and not reused:
 * it is read as no session (this page's session then lives in memory), so the one-time fetch URL
 * is asked again and the LMS refuses it; the learner relaunches from the LMS.
 */
export function tabSession(registration: string, fetchUrl: string, area: StorageArea = tabArea): TabSession {
  const kept = persisted(cmi5SessionKey(registration), tabSessionFormat, area);
  const saved = kept.read().value;
  let session = saved?.fetch === fetchUrl ? saved : undefined;
  const save = (changed: Cmi5TabSession) => {
    session = changed;
    kept.update(() => changed, changed);
  };
  return {
    get current() {
      return session;
    },
    begin(token, now) {
      save({ fetch: fetchUrl, token, startedAt: now, sent: [] });
    },
    claim(verb) {
      if (!session || session.sent.includes(verb)) return false;
      save({ ...session, sent: [...session.sent, verb] });
      return true;
    },
    sent: (verb) => session?.sent.includes(verb) ?? false,
    keepRun(run) {
      if (session) save({ ...session, run });
    },
  };
}
