import { describe, expect, it } from 'vitest';
import { comparePath } from './compare.ts';
import { markedPath } from './paths.ts';
import { loadValid } from '../../tests/unit/scenario-fixtures.ts';

describe('comparing paths', () => {
  it('names where a learner parted from the recommended path, and each marked path’s score and ending', () => {
    const s = loadValid('mini-contractor');
    const steps = markedPath(s, 'real');
    expect(comparePath(s, steps, 'recommended')).toMatchObject({ partedAt: 0, partedNode: 'unpaid', ending: 'deal' });
    expect(comparePath(s, steps, 'recommended').score.overall).toBe(100);
    expect(comparePath(s, steps, 'real')).toMatchObject({ partedAt: null, partedNode: null });
  });
});
