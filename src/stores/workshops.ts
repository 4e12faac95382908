// Saved workshop sessions, kept in this browser so a facilitator can resume, export or delete
// them, the one way values are kept here (persisted.ts): a damaged session is dropped and the
// others kept; each save changes one session in what is saved at that moment, so tabs that run or
// delete different sessions never undo each other; sessions saved by a newer version of the course
// are never written over. The store reads them when it gets its first listener.
import { atom } from 'nanostores';
import { persisted, type Format, type StorageNotice } from './persisted.ts';
import { persistedAtom, updatePersisted } from './persisted-store.ts';
import { isRecord } from '../engine/guards.ts';
import { decodeSession, type WorkshopSession } from '../workshop/session.ts';
import { workshopsKey } from '../browser/storage-keys.ts';

/** Saved sessions by id. */
export type Sessions = Record<string, WorkshopSession>;

/** Saved sessions: `{ v: 1, sessions: { [id]: session } }`, the only version released. */
const sessionsFormat: Format<Sessions> = {
  version: 1,
  up: {},
  decode(saved) {
    const sessions: Sessions = {};
    const dropped: string[] = [];
    const list = saved['sessions'];
    if (!isRecord(list)) return { value: sessions, dropped: ['sessions'] };
    for (const [key, item] of Object.entries(list)) {
      const session = decodeSession(item);
      if (session) sessions[session.id] = session;
      else dropped.push(`sessions[${JSON.stringify(key.slice(0, 40))}]`);
    }
    return { value: sessions, dropped };
  },
  encode: (sessions) => ({ sessions }),
  empty: () => ({}),
};

/** The saved sessions as plain functions (see Persisted): the console keeps its session with these, without the store. */
export const savedSessions = /* @__PURE__ */ persisted(workshopsKey, sessionsFormat);

/** What the facilitator should hear about saved sessions: damaged ones dropped, nothing saved, a newer version's kept. */
export const $sessionsNotice = /* @__PURE__ */ atom<StorageNotice>(undefined);
/** The saved sessions by id, read when first listened to and following other tabs: the lists of sessions and the screen. */
export const $sessions = /* @__PURE__ */ persistedAtom<Sessions>(savedSessions, () => ({}), $sessionsNotice);

/** Deletes a saved session, from what is saved now (another tab may have saved since this one heard). */
export function deleteSession(id: string): void {
  updatePersisted(savedSessions, $sessions, $sessionsNotice, ({ [id]: _gone, ...rest }) => rest);
}

/** The saved sessions, most recently changed first (by `updatedAt`, an ISO time); `sessions` is not changed. */
export function newestFirst(sessions: Sessions): WorkshopSession[] {
  return Object.values(sessions).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** The most recently changed of `sessions` that passes a test (its scenario, and that it still fits it). */
export function latestSession(sessions: Sessions, fits: (session: WorkshopSession) => boolean): WorkshopSession | undefined {
  return newestFirst(sessions).find(fits);
}

/**
 * What the saved sessions' list says in place of a list, as a message key of the locale files,
 * for `count` sessions saved and whether this browser can save (`saving`): that it cannot, when
 * there is nothing to list (a warning, not an empty state); that none is saved yet; undefined
 * when there are sessions to list.
 */
export function emptyListNotice(count: number, saving: boolean): 'workshop.listOff' | 'workshop.noSessions' | undefined {
  if (count > 0) return undefined;
  return saving ? 'workshop.noSessions' : 'workshop.listOff';
}
