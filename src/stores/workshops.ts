// Saved workshop sessions, kept in this browser so a facilitator can resume, export or delete
// them; a damaged session is dropped, the others kept. Each save changes one session in what is
// saved at that moment, so tabs that run or delete different sessions never undo each other.
import { atom } from 'nanostores';
import { readItem, writeItem } from './storage.ts';
import { workshopsKey } from '../browser/storage-keys.ts';
import { decodeSession, type WorkshopSession } from '../workshop/session.ts';

export const $sessions = atom<Record<string, WorkshopSession>>({});

function load(raw: string | null): Record<string, WorkshopSession> {
  if (raw === null) return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    console.warn('Saved workshop sessions were unreadable and have been reset.', error);
    return {};
  }
  const sessions: Record<string, WorkshopSession> = {};
  const list = typeof value === 'object' && value !== null ? (value as { sessions?: unknown }).sessions : undefined;
  if (typeof list !== 'object' || list === null) return sessions;
  for (const item of Object.values(list)) {
    const session = decodeSession(item);
    if (session) sessions[session.id] = session;
    else console.warn('A saved workshop session could not be read and was left out.');
  }
  return sessions;
}

let started = false;

export function startSessions(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  $sessions.set(load(readItem(workshopsKey)));
  window.addEventListener('storage', (event) => {
    if (event.key === workshopsKey) $sessions.set(load(event.newValue));
  });
}

function update(change: (sessions: Record<string, WorkshopSession>) => Record<string, WorkshopSession>): void {
  // Start from what is saved now: another tab may have saved since this one last heard.
  const saved = readItem(workshopsKey);
  const sessions = change(saved === null ? $sessions.get() : load(saved));
  $sessions.set(sessions);
  writeItem(workshopsKey, JSON.stringify({ v: 1, sessions }));
}

/** A session as saved at this moment (another tab may have changed it since this one heard). */
export function savedSession(id: string): WorkshopSession | undefined {
  const saved = readItem(workshopsKey);
  return (saved === null ? $sessions.get() : load(saved))[id];
}

export function saveSession(session: WorkshopSession): void {
  update((all) => ({ ...all, [session.id]: session }));
}

export function deleteSession(id: string): void {
  update(({ [id]: _gone, ...rest }) => rest);
}

/** The most recently changed session that passes a test (its scenario, and that it still fits it). */
export function latestSession(fits: (session: WorkshopSession) => boolean): WorkshopSession | undefined {
  return Object.values($sessions.get())
    .filter(fits)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
}
