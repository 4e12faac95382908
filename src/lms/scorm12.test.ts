import { describe, expect, it } from 'vitest';
import { choiceLetter, judged } from './scorm12.ts';

describe('the SCORM 1.2 lesson status at the ending', () => {
  it('is passed or failed against the mastery score the LMS gives, the score itself passing', () => {
    expect(judged(70, '70')).toBe('passed');
    expect(judged(69, '70')).toBe('failed');
    expect(judged(100, '80.5')).toBe('passed');
    expect(judged(0, '0')).toBe('passed');
  });

  it('is completed when the LMS gives no mastery score, or one that is not a number', () => {
    expect(judged(0, '')).toBe('completed');
    expect(judged(100, '  ')).toBe('completed');
    expect(judged(50, 'abc')).toBe('completed');
  });
});

describe('a choice interaction’s response', () => {
  it('is the choice’s letter in its moment, in the characters SCORM 1.2 allows, and none past them', () => {
    expect([0, 1, 4, 25, 26, 35].map(choiceLetter)).toEqual(['a', 'b', 'e', 'z', '0', '9']);
    expect(choiceLetter(36)).toBeUndefined();
    expect(choiceLetter(-1)).toBeUndefined();
  });
});
