import { describe, expect, it } from 'vitest';
import { expressionAt, faceAt } from './expression.ts';
import { loadValid } from '../../tests/unit/scenario-fixtures.ts';

describe('the face a moment shows', () => {
  // Fixture: trust runs 0-5 and starts at 4.
  const scenario = loadValid('mini-contractor');
  const trust = scenario.meters.find((m) => m.id === 'trust')!;

  it('shows the level of trust when the last choice left it alone: top third pleased, bottom third worried', () => {
    expect([trust.min, trust.max, trust.start]).toEqual([0, 5, 4]);
    expect([0, 1, 2, 3, 4, 5].map((value) => expressionAt(scenario, { trust: value }, { trust: value }))).toEqual([
      'worried',
      'worried',
      'neutral',
      'neutral',
      'pleased',
      'pleased',
    ]);
  });

  it('shows a choice that has just moved trust at once, whatever the level', () => {
    expect(expressionAt(scenario, { trust: 4 }, { trust: 5 })).toBe('annoyed');
    expect(expressionAt(scenario, { trust: 1 }, { trust: 0 })).toBe('pleased');
  });

  it('reads the start of the story, and a meter missing from the values, as the meter’s start', () => {
    expect(expressionAt(scenario, { trust: 2 })).toBe('neutral');
    expect(expressionAt(scenario, {})).toBe('pleased');
    expect(expressionAt(scenario, {}, { trust: 5 })).toBe('annoyed');
  });

  it('keeps every face neutral in a scenario without a trust meter', () => {
    const withoutTrust = { meters: scenario.meters.filter((m) => m.id !== 'trust') };
    expect(expressionAt(withoutTrust, { trust: 0 }, { trust: 5 })).toBe('neutral');
  });
});

describe('the face looked up for the trust level', () => {
  const faces = { 0: 'worried', 3: 'neutral', 5: 'pleased' } as const;

  it('is the expression worked out for that level', () => {
    expect(faceAt(faces, { trust: 5, paid: 0 })).toBe('pleased');
    expect(faceAt(faces, { trust: 0 })).toBe('worried');
  });

  it('is none (the face stays neutral) where the meters hold no trust', () => {
    expect(faceAt(faces, { paid: 2 })).toBeUndefined();
    expect(faceAt({}, { trust: 3 })).toBeUndefined();
  });
});
