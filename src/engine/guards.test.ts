import { describe, expect, it } from 'vitest';
import { isId, isInt, isRecord } from './guards.ts';

describe('the guards of outside data', () => {
  it('a record is a plain object, never null or an array', () => {
    expect([{}, { a: 1 }, Object.create(null)].every(isRecord)).toBe(true);
    expect([null, [], 'x', 1, undefined].some(isRecord)).toBe(false);
  });

  it('an id is 1 to 200 characters and never __proto__, which would change an object’s prototype', () => {
    expect(isId('warn-first')).toBe(true);
    expect(isId('x'.repeat(200))).toBe(true);
    expect(['', 'x'.repeat(201), '__proto__', 7, null].some(isId)).toBe(false);
  });

  it('an integer is whole and exact: no fraction, NaN, Infinity or number past 2^53', () => {
    expect([0, -3, Number.MAX_SAFE_INTEGER].every(isInt)).toBe(true);
    expect([0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, '1'].some(isInt)).toBe(false);
  });
});
