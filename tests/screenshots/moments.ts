// Screenshots of a decision in each medium, in both languages, light and dark, at 390 and 1280
// px wide, to look at by eye. Not part of the suite. Serve a build first (`PORT=… npm run serve`),
// then, with the project's Node (24, which runs TypeScript):
// SITE_URL=http://localhost:… npx node tests/screenshots/moments.ts [out-dir, default /tmp/moments]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { findChromium, noBrowserMessage } from '../../src/cli/chromium.ts';
import { locales } from '../../src/engine/locales.ts';
import { choiceLabel, momentOfEachMedium, ui } from '../e2e/course-data.ts';

const site = process.env['SITE_URL'] ?? 'http://localhost:4321';
const out = process.argv[2] ?? '/tmp/moments';
const executablePath = findChromium();
if (!executablePath) throw new Error(noBrowserMessage);
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({ executablePath });
for (const { kind, scenario, steps } of momentOfEachMedium()) {
  for (const locale of locales) {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [390, 1280]) {
        const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
        await page.goto(`${site}/${locale}/scenarios/${scenario.id}/`);
        await page.locator('[data-island="player"][data-hydrated="true"]').waitFor();
        for (const step of steps) {
          await page.getByRole('button', { name: choiceLabel(scenario, step, locale), exact: true }).click();
          await page.getByRole('button', { name: ui[locale]['player.continue'] }).click();
        }
        await page.locator('.moment').first().scrollIntoViewIfNeeded();
        const file = join(out, `${kind}-${locale}-${colorScheme}-${width}.png`);
        await page.locator('.player').screenshot({ path: file });
        console.log(file);
        await page.close();
      }
    }
  }
}
await browser.close();
