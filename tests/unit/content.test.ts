import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/course/check-content.ts';
import { formatDiagnostic } from '../../src/engine/validate.ts';
import en from '../../src/i18n/en.json';
import ru from '../../src/i18n/ru.json';
import { principleScore, translator } from '../../src/i18n/messages.ts';
import { maxima } from '../../src/engine/maxima.ts';
import { outcome } from '../../src/engine/scoring.ts';
import { replay } from '../../src/engine/run.ts';
import type { Step } from '../../src/engine/types.ts';
import { scenarios } from '../e2e/course-data.ts';

describe('the course content', () => {
  it('passes every content check', async () => {
    const diagnostics = await checkContent(join(import.meta.dirname, '..', '..', 'content'));
    expect(diagnostics.map(formatDiagnostic)).toEqual([]);
  });
});

describe('what the player tells learners about the scores', () => {
  // The outcome says that no path earns every maximum, so even the best ending scores below 100
  // (player.maxNote). Every path of the shipped scenarios is played to keep that true.
  for (const scenario of scenarios) {
    it(`holds for ${scenario.id}: its best path scores below 100`, () => {
      const top = maxima(scenario);
      let best = 0;
      const walk = (steps: Step[]) => {
        const state = replay(scenario, steps)!;
        if (state.node.type !== 'decision') {
          best = Math.max(best, outcome(scenario, steps, top)!.overall);
          return;
        }
        for (const c of state.node.choices) walk([...steps, { node: state.node.id, choice: c.id }]);
      };
      walk([]);
      expect(best).toBeGreaterThan(0);
      expect(best).toBeLessThan(100);
    });
  }
});

describe('UI strings', () => {
  it('exist in both languages under the same keys', () => {
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort());
  });

  it('have every plural form each language needs', () => {
    for (const [locale, table] of [
      ['en', en],
      ['ru', ru],
    ] as const) {
      const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      for (const [key, value] of Object.entries(table)) {
        if (typeof value === 'object') expect(Object.keys(value).sort(), `${locale} ${key}`).toEqual([...needed].sort());
      }
    }
  });

  it('show a principle below zero as 0, with the shortfall', () => {
    const inRussian = translator<string>('ru', ru);
    expect(principleScore(inRussian, 5, 8)).toBe('5 из 8');
    expect(principleScore(inRussian, -3, 8)).toBe('0 из 8 (−3)');
    expect(principleScore(translator<string>('en', en), -7, 8)).toBe('0 of 8 (−7)');
  });

  it('choose the Russian plural by number', () => {
    const t = translator('ru', ru);
    expect([1, 2, 5, 21, 1.5].map((count) => t('player.points', { count }))).toEqual([
      '1 балл',
      '2 балла',
      '5 баллов',
      '21 балл',
      '1.5 балла',
    ]);
  });
});
