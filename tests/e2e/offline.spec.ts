import { expect, test } from '@playwright/test';
import { markedPath } from '../../src/engine/paths.ts';
import { fill, scenarios, ui } from './course-data.ts';
import { play, waitForIsland } from './play.ts';

test.use({ serviceWorkers: 'allow' });

test('after a first visit the course works offline: a lesson, a scenario played to an ending, the console and the screen', async ({
  page,
  context,
}) => {
  await page.goto('/en/');
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    // Wait until the precache is complete and the worker active.
    while (registration.active?.state !== 'activated') await new Promise((r) => setTimeout(r, 100));
  });
  await context.setOffline(true);
  await page.goto('/en/lessons/warn-first/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Warn first');
  const contractor = scenarios.find((s) => s.id === 'contractor')!;
  await page.goto('/en/scenarios/contractor/');
  await waitForIsland(page, 'player');
  await play(page, contractor, markedPath(contractor, 'recommended'), 'en');
  await expect(page.locator('.outcome .grade')).toHaveText(fill(ui.en['player.gradeIs'], { grade: ui.en['grade.best'] }));
  await page.goto('/ru/facilitate/contractor/');
  await waitForIsland(page, 'console');
  await page.goto('/ru/facilitate/contractor/screen/');
  await waitForIsland(page, 'screen');
});
