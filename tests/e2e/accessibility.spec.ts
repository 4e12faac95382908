import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { markedPath } from '../../src/engine/paths.ts';
import { scenarios, ui } from './course-data.ts';
import { expect, test } from './fixtures.ts';

const dist = join(import.meta.dirname, '..', '..', 'dist');
const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);

test('the sitemap lists every page in both languages', () => {
  expect(paths.filter((p) => p.startsWith('/en/')).length).toBe(paths.filter((p) => p.startsWith('/ru/')).length);
  expect(paths).toContain('/en/scenarios/contractor/');
  expect(paths).toContain('/ru/progress/');
});

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });
    for (const path of [...paths, '/404.html']) {
      test(`axe finds nothing on ${path}`, async ({ page }) => {
        // A text version holds the whole map and its list: the longest page axe reads, which a busy
        // machine can take past the default time for one test.
        if (path.endsWith('/text/')) test.slow();
        await page.goto(path);
        await expect(page).toPassAxe();
      });
    }
  });
}

test.describe('the player at phone width', () => {
  test.use({ viewport: { width: 360, height: 740 }, lang: 'ru' });
  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds nothing in feedback and outcome, ${scheme}`, async ({ page, player }) => {
      await page.emulateMedia({ colorScheme: scheme });
      const scenario = scenarios.find((s) => s.id === 'client')!;
      const steps = markedPath(scenario, 'real');
      await player.open(scenario.id);
      await page
        .getByRole('button', { name: /./ })
        .filter({ has: page.locator('xpath=self::button[contains(@class,"choice")]') })
        .first()
        .click();
      await expect(page).toPassAxe();
      await page.getByRole('button', { name: ui.ru['player.continue'] }).click();
      await page.getByRole('button', { name: ui.ru['player.back'] }).click();
      await player.play(scenario, steps);
      await player.openMap();
      await page.getByRole('group', { name: ui.ru['map.show'] }).scrollIntoViewIfNeeded();
      await expect(page).toPassAxe();
    });
  }
});
