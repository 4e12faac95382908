import { describe, expect, it } from 'vitest';
import * as keys from './storage-keys.ts';

describe('the keys the course keeps things under in the browser', () => {
  it('are all different, all the course’s own, and a scenario’s or registration’s key is its own', () => {
    const all = Object.values(keys).map((key) => (typeof key === 'function' ? key('x') : key));
    expect(new Set(all).size).toBe(all.length);
    for (const key of all) expect(key).toMatch(/^checks-in-the-mail\/[a-z0-9-]+(\/x)?$/);
    expect(keys.embedRunKey('client')).not.toBe(keys.embedRunKey('contractor'));
    expect(keys.cmi5SessionKey('a')).not.toBe(keys.cmi5SessionKey('b'));
  });
});
