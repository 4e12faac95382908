import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { markedPath } from '../../src/engine/paths.ts';
import { scenarios, ui } from './course-data.ts';
import { openScenario, play, waitForIsland } from './play.ts';

const key = 'checks-in-the-mail/progress';
const contractor = scenarios.find((s) => s.id === 'contractor')!;

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

test('two tabs stay in step: a decision in one shows as progress in the other', async ({ context }) => {
  const home = await context.newPage();
  await home.goto('/en/');
  const item = home.locator('[data-item="contractor"] .state');
  await expect(item).toHaveText(ui.en['home.state.not-started']);
  const player = await context.newPage();
  await openScenario(player, 'en', 'contractor');
  await play(player, contractor, markedPath(contractor, 'recommended').slice(0, 1), 'en');
  await expect(item).toHaveText(ui.en['home.state.in-progress']);
  await expect(home.locator('#continue')).toContainText(contractor.title.en);
});

test('progress exports to a file, and importing it back restores it after a reset', async ({ page }) => {
  await openScenario(page, 'en', 'contractor');
  await play(page, contractor, markedPath(contractor, 'recommended'), 'en');
  await page.goto('/en/progress/');
  await waitForIsland(page, 'progress');
  await expect(page.locator('tbody tr').first().locator('td').first()).not.toHaveText(ui.en['progress.notPlayed']);
  const before = (await page.locator('table').textContent())!;
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: ui.en['progress.export'] }).click();
  const file = await (await download).path();
  const text = readFileSync(file, 'utf8');
  expect(JSON.parse(text)).toMatchObject({ kind: 'checks-in-the-mail/progress', v: 1 });

  await page.getByRole('button', { name: ui.en['progress.reset'] }).click();
  await page.getByRole('dialog').getByRole('button', { name: ui.en['progress.reset'] }).click();
  await expect(page.locator('table')).not.toHaveText(before);

  await page.locator('input[type=file]').setInputFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByRole('status').filter({ hasText: ui.en['progress.imported'] })).toBeVisible();
  await expect(page.locator('table')).toHaveText(before);
});

test('an invalid import is refused with the reason and changes nothing', async ({ page }) => {
  await openScenario(page, 'ru', 'contractor');
  await play(page, contractor, markedPath(contractor, 'real'), 'ru');
  await page.goto('/ru/progress/');
  await waitForIsland(page, 'progress');
  await expect(page.locator('tbody tr').first().locator('td').first()).not.toHaveText(ui.ru['progress.notPlayed']);
  const before = (await page.locator('table').textContent())!;
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"kind":"something-else"}') });
  await expect(page.getByRole('alert')).toHaveText(ui.ru['progress.importError.not-progress']);
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('not json at all') });
  await expect(page.getByRole('alert')).toHaveText(ui.ru['progress.importError.not-json']);
  const damaged = JSON.stringify({
    kind: 'checks-in-the-mail/progress',
    v: 1,
    lessons: {},
    scenarios: { contractor: { best: { ending: 'x', grade: 'superb' } } },
  });
  await page.locator('input[type=file]').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from(damaged) });
  await expect(page.getByRole('alert')).toContainText('scenarios.contractor.best');
  await expect(page.locator('table')).toHaveText(before);
});

for (const garbage of ['{not json', '[1,2,3]', '{"v":99}', 'null']) {
  test(`garbage in storage (${garbage}) is not fatal: the notice is shown once and the pages work`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.addInitScript(
      ([k, v]) => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem(k!, v!);
          sessionStorage.setItem('seeded', '1');
        }
      },
      [key, garbage],
    );
    await page.goto('/en/');
    await expect(page.locator('#storage-notice')).toHaveText(ui.en['storage.reset']);
    await page.reload();
    await expect(page.locator('#storage-notice')).toBeHidden();
    await openScenario(page, 'en', 'contractor');
    await play(page, contractor, markedPath(contractor, 'real').slice(0, 1), 'en');
    expect(errors).toEqual([]);
  });
}

test('a damaged part of saved progress is dropped and the rest is kept', async ({ page }) => {
  await page.addInitScript((k) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem(
      k,
      JSON.stringify({ v: 1, lessons: { 'warn-first': { read: true }, 'agree-on-terms': { read: 'yes' } }, scenarios: { client: 42 } }),
    );
  }, key);
  await page.goto('/en/');
  await expect(page.locator('#storage-notice')).toHaveText(ui.en['storage.reset']);
  await expect(page.locator('[data-item="warn-first"] .state')).toHaveText(ui.en['home.state.done']);
  const saved = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), key))!);
  expect(saved.lessons['warn-first']).toEqual({ read: true });
  expect(saved.scenarios.client).toBeUndefined();
});

test('storage that throws is not fatal: the player works and says progress is kept for this visit', async ({ page }) => {
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await openScenario(page, 'en', 'contractor');
  await expect(page.getByRole('status').filter({ hasText: ui.en['storage.unavailable'] })).toBeVisible();
  await play(page, contractor, markedPath(contractor, 'recommended'), 'en');
  await expect(page.locator('.outcome')).toBeVisible();
  expect(errors).toEqual([]);
});

test('the certificate appears when everything is done, and prints on one A4 and one Letter page', async ({ page }) => {
  const lessons = await page.request
    .get('/en/')
    .then(async (r) => [...(await r.text()).matchAll(/data-item="([^"]+)" data-kind="lesson"/g)].map((m) => m[1]!));
  const result = {
    ending: 'x',
    grade: 'good',
    overall: 70,
    principles: { 'warn-first': { earned: 3, max: 8 }, 'agree-terms': { earned: 6, max: 6 }, 'reward-good': { earned: 4, max: 5 } },
    at: '2026-11-20T10:00:00.000Z',
  };
  const progress = {
    v: 1,
    name: '',
    lessons: Object.fromEntries(lessons.map((l) => [l, { read: true }])),
    scenarios: { contractor: { best: result, last: result }, client: { best: result, last: result } },
  };
  await page.addInitScript(([k, v]) => localStorage.getItem(k!) || localStorage.setItem(k!, v!), [key, JSON.stringify(progress)]);
  await page.goto('/en/progress/');
  await page.getByLabel(ui.en['progress.name']).fill('Ada Lovelace');
  const certificate = page.locator('.certificate');
  await expect(certificate).toContainText('Ada Lovelace');
  await expect(certificate).toContainText('20 November 2026');
  await page.goto('/ru/progress/');
  await expect(page.locator('.certificate')).toContainText('20 ноября 2026');
  await page.goto('/en/progress/');
  for (const format of ['A4', 'Letter'] as const) {
    const pdf = (await page.pdf({ format })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page[^s]/g), format).toHaveLength(1);
  }
});
