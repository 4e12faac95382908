import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser, freshStoresEachTest } from '../../tests/unit/fake-browser.ts';
import { livePhoneKey } from '../browser/storage-keys.ts';

const token = 'T'.repeat(22);

freshStoresEachTest();

async function tokens() {
  const { tokenStore } = await import('./live-phone.ts');
  return tokenStore();
}

describe('the phone’s saved room and token', () => {
  it('reads what an earlier version saved without a format version, so the phone keeps its token and its vote', async () => {
    const tab = fakeBrowser();
    const earlier = JSON.stringify({ code: 'K7QM2P', token });
    tab.items.set(livePhoneKey, earlier);
    expect((await tokens()).read()).toEqual({ code: 'K7QM2P', token });
    // Read, not rewritten: nothing was dropped and nothing changed.
    expect(tab.items.get(livePhoneKey)).toBe(earlier);
    expect(console.warn).not.toHaveBeenCalled();
  });

  it('saves the code and token with its format version, and reads them back', async () => {
    const tab = fakeBrowser();
    const store = await tokens();
    expect(store.read()).toBeUndefined();
    store.write({ code: 'K7QM2P', token });
    expect(JSON.parse(tab.items.get(livePhoneKey)!)).toEqual({ v: 1, code: 'K7QM2P', token });
    expect(store.read()).toEqual({ code: 'K7QM2P', token });
  });

  it('drops a damaged code or token, says so in the console once, and the phone joins afresh', async () => {
    for (const damaged of [
      '{"code":"K7QM2P","tok',
      JSON.stringify({ code: 'K7QM2P', token: 42 }),
      JSON.stringify({ v: 1, code: 'no', token }),
    ]) {
      vi.resetModules();
      const tab = fakeBrowser();
      tab.items.set(livePhoneKey, damaged);
      const warn = vi.mocked(console.warn);
      warn.mockClear();
      const store = await tokens();
      expect(store.read()).toBeUndefined();
      expect(warn).toHaveBeenCalledWith(expect.stringContaining(`${livePhoneKey}: left out`));
      // What survived (nothing) is saved back, so the next visit reads it without a word.
      warn.mockClear();
      expect(store.read()).toBeUndefined();
      expect(warn).not.toHaveBeenCalled();
    }
  });

  it('keeps the token in memory for the visit where storage refuses it', async () => {
    fakeBrowser();
    vi.stubGlobal('localStorage', {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    });
    const store = await tokens();
    store.write({ code: 'K7QM2P', token });
    expect(store.read()).toEqual({ code: 'K7QM2P', token });
  });

  it('never writes over what a newer version of the course saved', async () => {
    const tab = fakeBrowser();
    const newer = JSON.stringify({ v: 2, room: { code: 'K7QM2P' } });
    tab.items.set(livePhoneKey, newer);
    const store = await tokens();
    expect(store.read()).toBeUndefined();
    store.write({ code: 'K7QM2P', token });
    expect(tab.items.get(livePhoneKey)).toBe(newer);
  });
});

describe('the token saved by the released version that brought live voting (tests/fixtures/workshop/33292c2)', () => {
  it('loads without loss, so the phone rejoins its room with its token and keeps its vote', async () => {
    const text = readFileSync(join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'workshop', '33292c2', 'live-phone.json'), 'utf8');
    const recorded = JSON.parse(text) as { code: string; token: string };
    const tab = fakeBrowser();
    tab.items.set(livePhoneKey, text);
    // The phone typed "k7q-m2p"; that version kept the code as the room knows it.
    expect(recorded.code).toBe('K7QM2P');
    expect((await tokens()).read()).toEqual({ code: 'K7QM2P', token: recorded.token });
    expect(tab.items.get(livePhoneKey)).toBe(text);
  });
});
