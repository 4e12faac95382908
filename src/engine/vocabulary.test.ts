import { describe, expect, it } from 'vitest';
import { gradeBands, grades } from './vocabulary.ts';
import { gradeOf } from './scoring.ts';

describe('the grade bands', () => {
  it('run best first, one per grade, and cover 0-100 with no gap and no overlap', () => {
    expect(gradeBands.map((b) => b.grade)).toEqual([...grades]);
    expect(gradeBands[0]!.to).toBe(100);
    expect(gradeBands.at(-1)!.from).toBe(0);
    for (const [i, band] of gradeBands.entries()) {
      expect(band.from).toBeLessThanOrEqual(band.to);
      if (i > 0) expect(band.to).toBe(gradeBands[i - 1]!.from - 1);
    }
  });

  it('grade each end of a band as that band, with every principle at its reference', () => {
    const full = [{ counted: 4, max: 4 }];
    for (const band of gradeBands) {
      expect(gradeOf(band.from, full)).toBe(band.grade);
      expect(gradeOf(band.to, full)).toBe(band.grade);
    }
  });
});
