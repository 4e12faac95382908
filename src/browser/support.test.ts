import { afterEach, describe, expect, it, vi } from 'vitest';
import { audioContextClass, canBroadcast, randomId } from './support.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('random identifiers', () => {
  it('are version 4 UUIDs from crypto.randomUUID where the page has it', () => {
    expect(randomId()).toMatch(uuid);
  });

  it('are still version 4 UUIDs, and distinct, on a plain-http page without crypto.randomUUID', () => {
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: (a: Uint8Array) => real.getRandomValues(a) });
    const ids = new Set(Array.from({ length: 1000 }, randomId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(uuid);
  });
});

describe('asking the browser what it offers', () => {
  it('answers no where the API is missing', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    vi.stubGlobal('AudioContext', undefined);
    vi.stubGlobal('webkitAudioContext', undefined);
    expect(canBroadcast()).toBe(false);
    expect(audioContextClass()).toBeUndefined();
  });

  it('finds Safari’s prefixed Web Audio', () => {
    class Prefixed {}
    vi.stubGlobal('AudioContext', undefined);
    vi.stubGlobal('webkitAudioContext', Prefixed);
    expect(audioContextClass()).toBe(Prefixed);
  });
});
