import { expect, test } from '@playwright/test';
import { markedPath } from '../../src/engine/paths.ts';
import { outcome } from '../../src/engine/scoring.ts';
import { choiceLabel, scenarios, ui } from './course-data.ts';
import { locales } from '../../src/i18n/locales.ts';

for (const locale of locales) {
  for (const scenario of scenarios) {
    test(`${locale}: the ${scenario.id} scenario plays along its recommended path to an ending with the engine's scores`, async ({ page }) => {
      const steps = markedPath(scenario, 'recommended');
      const expected = outcome(scenario, steps)!;
      await page.goto(`/${locale}/scenarios/${scenario.id}/`);
      const player = page.locator('astro-island:not([ssr])').or(page.locator('.player'));
      await expect(player.first()).toBeVisible();
      for (const step of steps) {
        await page.getByRole('button', { name: choiceLabel(scenario, step, locale), exact: true }).click();
        await page.getByRole('button', { name: ui[locale]['player.continue'] }).click();
      }
      const ending = expected.ending;
      await expect(page.getByRole('heading', { name: ending.title[locale] })).toBeVisible();
      await expect(page.getByText(ui[locale]['player.overallValue'].replace('{score}', String(expected.overall)))).toBeVisible();
      for (const p of expected.principles) {
        const row = page.locator('.scores div').filter({ hasText: ui[locale][`principle.${p.principle}` as keyof (typeof ui)['en']] as string });
        await expect(row).toContainText(ui[locale]['player.scoreOf'].replace('{earned}', String(p.earned)).replace('{max}', String(p.max)));
      }
    });
  }
}
