import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeText } from './reflections.ts';

describe('merging a reflection two tabs changed', () => {
  it('takes the only side that changed', () => {
    expect(mergeText('old', 'mine', 'old')).toEqual({ text: 'mine', merged: false });
    expect(mergeText('old', 'old', 'theirs')).toEqual({ text: 'theirs', merged: false });
  });

  it('keeps the version that already holds the other', () => {
    expect(mergeText('', 'I would warn', 'I would warn first, in writing')).toEqual({
      text: 'I would warn first, in writing',
      merged: false,
    });
    expect(mergeText('I', 'I would warn first', 'I would')).toEqual({ text: 'I would warn first', merged: false });
  });

  it('keeps both when both changed it, theirs first, and says so', () => {
    expect(mergeText('draft', 'Mine: ask for a deposit.', 'Theirs: set a due date.')).toEqual({
      text: 'Theirs: set a due date.\n\nMine: ask for a deposit.',
      merged: true,
    });
  });

  it('never loses either text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (base, mine, theirs) => {
        const { text } = mergeText(base, mine, theirs);
        expect(text.includes(mine) || (mine === base && text === theirs)).toBe(true);
        expect(text.includes(theirs) || theirs === base).toBe(true);
      }),
    );
  });
});
