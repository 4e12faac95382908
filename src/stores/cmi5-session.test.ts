import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { cmi5SessionKey } from '../browser/storage-keys.ts';
import { onceVerbs } from '../lms/cmi5.ts';
import { freshStoresEachTest } from '../../tests/unit/fake-browser.ts';

freshStoresEachTest();

const fetchUrl = 'https://lms.test/fetch/1';
const key = cmi5SessionKey('reg-1');

/**
 * This tab's sessionStorage, kept in `items` (Node has none), and the window's events; today's
 * modules imported afresh over it.
 */
async function tab(items = new Map<string, string>()) {
  const events = new EventTarget();
  vi.stubGlobal('addEventListener', events.addEventListener.bind(events));
  vi.stubGlobal('removeEventListener', events.removeEventListener.bind(events));
  vi.stubGlobal('sessionStorage', {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    get length() {
      return items.size;
    },
  });
  const { tabSession, tabSessionFormat } = await import('./cmi5-session.ts');
  return { items, tabSession, tabSessionFormat };
}

describe('a cmi5 session kept in its tab', () => {
  it('is found again after a reload with the same fetch URL, with its token, start, sent statements and run', async () => {
    const { items, tabSession } = await tab();
    const first = tabSession('reg-1', fetchUrl);
    expect(first.current).toBeUndefined();
    first.begin('dG9rZW4=', 1_000);
    expect(first.claim('initialized')).toBe(true);
    first.keepRun({ v: 1, steps: [] });

    const reloaded = tabSession('reg-1', fetchUrl);
    expect(reloaded.current).toEqual({
      fetch: fetchUrl,
      token: 'dG9rZW4=',
      startedAt: 1_000,
      sent: ['initialized'],
      run: { v: 1, steps: [] },
    });
    // Each once-per-session statement is claimed once, across the reload.
    expect(reloaded.claim('initialized')).toBe(false);
    expect(reloaded.claim('completed')).toBe(true);
    expect(reloaded.sent('completed')).toBe(true);
    // Saved in the current format, with its version.
    expect(JSON.parse(items.get(key)!)).toEqual({
      v: 1,
      fetch: fetchUrl,
      token: 'dG9rZW4=',
      startedAt: 1_000,
      sent: ['initialized', 'completed'],
      run: { v: 1, steps: [] },
    });
    expect(console.warn).not.toHaveBeenCalled();
  });

  it('round-trips the current record through its format unchanged', async () => {
    const { tabSessionFormat } = await tab();
    const { decodeVersioned, encodeVersioned } = await import('./persisted.ts');
    const session = {
      fetch: fetchUrl,
      token: 'dG9rZW4=',
      startedAt: 1_795_770_000_000,
      sent: ['initialized' as const, 'terminated' as const],
      run: { v: 1 },
    };
    const record = JSON.parse(JSON.stringify(encodeVersioned(tabSessionFormat, session)));
    expect(record.v).toBe(1);
    expect(decodeVersioned(record, tabSessionFormat)).toEqual({
      value: session,
      dropped: [],
    });
  });

  it('starts afresh when the LMS launches a new session (another fetch URL) of the same registration', async () => {
    const { tabSession } = await tab();
    tabSession('reg-1', fetchUrl).begin('one', 1);
    expect(tabSession('reg-1', 'https://lms.test/fetch/2').current).toBeUndefined();
    expect(tabSession('reg-2', fetchUrl).current).toBeUndefined();
  });

  it('claims nothing before it has a token', async () => {
    const { tabSession } = await tab();
    expect(tabSession('reg-1', fetchUrl).claim('initialized')).toBe(false);
  });

  it('reads anything saved under its key without throwing, and keeps only well-formed sessions of this launch', async () => {
    const { items, tabSession } = await tab();
    /** A field that is either one of its valid values (`valid: true`) or anything at all. */
    const field = <T>(valid: fc.Arbitrary<T>) =>
      fc.oneof(
        // Mostly valid, so that whole records come up often.
        {
          arbitrary: valid.map((value) => ({ valid: true, value })),
          weight: 3,
        },
        {
          arbitrary: fc.anything().map((value) => ({ valid: false, value })),
          weight: 1,
        },
      );
    const fields = {
      v: fc.constantFrom(undefined, 1, 2).map((value) => ({ valid: value !== 2, value })),
      fetch: field(fc.constantFrom(fetchUrl, 'https://lms.test/fetch/2')),
      token: field(fc.string({ minLength: 1 })),
      startedAt: field(fc.integer({ min: 0 })),
      sent: field(fc.uniqueArray(fc.constantFrom(...onceVerbs))),
      run: field(fc.constant({ v: 1, steps: [] })),
    };
    let kept = 0;
    fc.assert(
      fc.property(fc.record(fields, { requiredKeys: [] }), (record) => {
        const saved = Object.fromEntries(Object.entries(record).map(([k, f]) => [k, f.value]));
        items.set(key, JSON.stringify(saved));
        let session: ReturnType<typeof tabSession>['current'];
        expect(() => (session = tabSession('reg-1', fetchUrl).current)).not.toThrow();
        const whole = (['fetch', 'token', 'startedAt', 'sent'] as const).every((k) => record[k]?.valid) && record.v?.valid !== false;
        // A record made only of valid fields, in a format this version reads, is kept when it was saved for this launch.
        if (whole && saved['fetch'] === fetchUrl) expect(session).toBeDefined();
        if (session === undefined) return;
        kept++;
        expect(session.fetch).toBe(fetchUrl);
        expect(typeof session.token).toBe('string');
        expect(session.token.length).toBeGreaterThan(0);
        expect(Number.isSafeInteger(session.startedAt)).toBe(true);
        expect(session.sent.every((v) => (onceVerbs as readonly string[]).includes(v))).toBe(true);
      }),
      { numRuns: 1000 },
    );
    // The records are built field by field so that many decode: the checks above ran.
    expect(kept).toBeGreaterThan(20);
    items.set(
      key,
      JSON.stringify({
        v: 1,
        fetch: fetchUrl,
        token: 't',
        startedAt: 5,
        sent: ['initialized', 'launched'],
      }),
    );
    expect(tabSession('reg-1', fetchUrl).current).toBeUndefined();
  });
});

describe('what a released version kept in the tab (tests/fixtures/cmi5/, recorded with its own code)', () => {
  const fixtures = join(import.meta.dirname, '../../tests/fixtures/cmi5/33292c2');
  const recorded = (file: string) => readFileSync(join(fixtures, file), 'utf8');

  it.each(['contractor-under-way.json', 'client-finished.json'])(
    '%s: a tab mid-session across the update keeps its session, field by field',
    async (file) => {
      const saved = recorded(file);
      const released = JSON.parse(saved);
      expect(released.v).toBeUndefined();
      const registration = 'released';
      const { items, tabSession } = await tab(new Map([[cmi5SessionKey(registration), saved]]));
      const session = tabSession(registration, released.fetch);
      expect(session.current).toEqual(released);
      // Reading changes nothing: the record is rewritten, with its version, at the next change only.
      expect(items.get(cmi5SessionKey(registration))).toBe(saved);
      // Nothing sent before is sent again.
      for (const verb of released.sent) expect(session.claim(verb)).toBe(false);
      session.keepRun(released.run);
      expect(JSON.parse(items.get(cmi5SessionKey(registration))!)).toEqual({
        v: 1,
        ...released,
      });
      expect(console.warn).not.toHaveBeenCalled();
    },
  );
});

describe('a tab session where its storage fails', () => {
  it('drops an unreadable record with a warning, starts afresh and saves over it', async () => {
    const { items, tabSession } = await tab(new Map([[key, '{"fetch": "https://lms.test/fetch/1", "tok']]));
    const session = tabSession('reg-1', fetchUrl);
    expect(session.current).toBeUndefined();
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining(key));
    session.begin('dG9rZW4=', 1_000);
    expect(tabSession('reg-1', fetchUrl).current?.token).toBe('dG9rZW4=');
    expect(JSON.parse(items.get(key)!).v).toBe(1);
  });

  it('keeps the session in memory, with a warning, where sessionStorage throws: a reload of the page loses it, the page itself does not', async () => {
    const events = new EventTarget();
    vi.stubGlobal('addEventListener', events.addEventListener.bind(events));
    Object.defineProperty(globalThis, 'sessionStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    try {
      const { tabSession } = await import('./cmi5-session.ts');
      const first = tabSession('reg-1', fetchUrl);
      expect(first.current).toBeUndefined();
      first.begin('dG9rZW4=', 1_000);
      expect(first.claim('initialized')).toBe(true);
      expect(tabSession('reg-1', fetchUrl).current).toMatchObject({
        token: 'dG9rZW4=',
        sent: ['initialized'],
      });
      expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('storage'), expect.any(DOMException));
    } finally {
      Reflect.deleteProperty(globalThis, 'sessionStorage');
    }
  });

  it('leaves a session a newer version saved as it is, and keeps this page’s session in memory', async () => {
    const newer = JSON.stringify({
      v: 2,
      fetch: fetchUrl,
      token: 'bmV3ZXI=',
      startedAt: 1,
      sent: ['initialized'],
      resumeAt: 'x',
    });
    const { items, tabSession } = await tab(new Map([[key, newer]]));
    const session = tabSession('reg-1', fetchUrl);
    expect(session.current).toBeUndefined();
    session.begin('dG9rZW4=', 1_000);
    expect(session.claim('initialized')).toBe(true);
    session.keepRun({ v: 1 });
    expect(session.current).toMatchObject({
      token: 'dG9rZW4=',
      sent: ['initialized'],
      run: { v: 1 },
    });
    expect(items.get(key)).toBe(newer);
  });
});
