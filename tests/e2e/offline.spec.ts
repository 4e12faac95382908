import type { Page } from '@playwright/test';
import { markedPath } from '../../src/engine/paths.ts';
import { fill, scenarios, ui } from './course-data.ts';
import { expect, test, waitForIsland } from './fixtures.ts';

test.use({ serviceWorkers: 'allow' });

/** Waits until the service worker is active and has cached `path`: the visit's language at once, the rest when idle. */
async function waitForPrecache(page: Page, path: string): Promise<void> {
  await page.evaluate(async (path) => {
    await navigator.serviceWorker.ready;
    while (!(await caches.match(new URL(path, location.href).href, { ignoreSearch: true }))) await new Promise((r) => setTimeout(r, 100));
  }, path);
}

test('after a first visit the course works offline: a lesson, a scenario played to an ending, the console and the screen', async ({
  page,
  context,
  player,
}) => {
  await page.goto('/en/');
  // The other language is cached when the page is idle, after the visit's own.
  await waitForPrecache(page, '/ru/facilitate/contractor/screen/index.html');
  await context.setOffline(true);
  await page.goto('/en/lessons/warn-first/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Warn first');
  const contractor = scenarios.find((s) => s.id === 'contractor')!;
  await player.open('contractor');
  await player.play(contractor, markedPath(contractor, 'recommended'));
  await expect(page.locator('.outcome .grade')).toHaveText(fill(ui.en['player.gradeIs'], { grade: ui.en['grade.best'] }));
  await page.goto('/en/scenarios/contractor/text/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(contractor.title.en);
  await page.goto('/ru/facilitate/contractor/');
  await waitForIsland(page, 'console');
  await page.goto('/ru/facilitate/contractor/screen/');
  await waitForIsland(page, 'screen');
});

test('offline, every form of a shared link opens its page: no trailing slash, index.html, any query, a fragment', async ({
  page,
  context,
}) => {
  const client = scenarios.find((s) => s.id === 'client')!;
  await page.goto('/ru/scenarios/client/');
  await waitForPrecache(page, '/ru/scenarios/client/index.html');
  await context.setOffline(true);
  const forms = [
    '/ru/scenarios/client',
    '/ru/scenarios/client?ref=mail',
    '/ru/scenarios/client/index.html',
    '/ru/scenarios/client/?ref=mail',
    '/ru/scenarios/client/?utm_source=newsletter&utm_medium=email&utm_campaign=may',
    '/ru/scenarios/client/?fbclid=IwAR0x&gclid=abc',
    '/ru/scenarios/client/#scenario-map',
    '/ru/scenarios/client?ref=mail#scenario-map',
  ];
  for (const form of forms) {
    await test.step(form, async () => {
      await page.goto(form);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(client.title.ru);
      await waitForIsland(page, 'player');
      const url = new URL(page.url());
      // The query and fragment survive, so a page that reads them (the console's ?session=) still can.
      expect(url.search).toBe(new URL(form, url).search);
      expect(url.hash).toBe(new URL(form, url).hash);
    });
  }
});
