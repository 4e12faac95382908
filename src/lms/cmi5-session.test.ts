import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { decodeTabSession, onceVerbs, sessionTabStore, tabSession, type TabStore } from './cmi5-session.ts';

/** A storage area in memory, as the page's sessionStorage would hold it. */
function memoryArea(): TabStore {
  const items = new Map<string, string>();
  return { readItem: (k) => items.get(k) ?? null, writeItem: (k, v) => void items.set(k, v) };
}

describe('a cmi5 session kept in its tab', () => {
  it('is found again after a reload with the same fetch URL, with its token, start and sent statements', () => {
    const area = memoryArea();
    const first = tabSession('reg-1', 'https://lms.test/fetch/1', area);
    expect(first.current).toBeUndefined();
    first.begin('dG9rZW4=', 1_000);
    expect(first.claim('initialized')).toBe(true);
    first.keepRun({ v: 1, steps: [] });

    const reloaded = tabSession('reg-1', 'https://lms.test/fetch/1', area);
    expect(reloaded.current).toEqual({
      fetch: 'https://lms.test/fetch/1',
      token: 'dG9rZW4=',
      startedAt: 1_000,
      sent: ['initialized'],
      run: { v: 1, steps: [] },
    });
    // Each once-per-session statement is claimed once, across the reload.
    expect(reloaded.claim('initialized')).toBe(false);
    expect(reloaded.claim('completed')).toBe(true);
    expect(reloaded.sent('completed')).toBe(true);
  });

  it('starts afresh when the LMS launches a new session (another fetch URL) of the same registration', () => {
    const area = memoryArea();
    tabSession('reg-1', 'https://lms.test/fetch/1', area).begin('one', 1);
    expect(tabSession('reg-1', 'https://lms.test/fetch/2', area).current).toBeUndefined();
    expect(tabSession('reg-2', 'https://lms.test/fetch/1', area).current).toBeUndefined();
  });

  it('claims nothing before it has a token', () => {
    expect(tabSession('reg-1', 'https://lms.test/fetch/1', memoryArea()).claim('initialized')).toBe(false);
  });

  it('reads anything without throwing and keeps only well-formed sessions', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (raw) => {
          const session = decodeTabSession(raw);
          if (session === undefined) return;
          expect(typeof session.token).toBe('string');
          expect(session.token.length).toBeGreaterThan(0);
          expect(Number.isFinite(session.startedAt)).toBe(true);
          expect(session.sent.every((v) => (onceVerbs as readonly string[]).includes(v))).toBe(true);
        },
      ),
    );
    expect(decodeTabSession(JSON.stringify({ fetch: 'f', token: 't', startedAt: 5, sent: ['initialized', 'launched'] }))).toBeUndefined();
    expect(decodeTabSession(null)).toBeUndefined();
    vi.restoreAllMocks();
  });
});

describe("the tab's own storage", () => {
  it('keeps the session in memory where sessionStorage throws', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    Object.defineProperty(globalThis, 'sessionStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    const store = sessionTabStore();
    store.writeItem('cmi5', 'token');
    expect(store.readItem('cmi5')).toBe('token');
    Reflect.deleteProperty(globalThis, 'sessionStorage');
    vi.restoreAllMocks();
  });
});
