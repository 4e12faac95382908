import { expect, test } from '@playwright/test';
import { markedPath } from '../../src/engine/paths.ts';
import { findNode } from '../../src/engine/graph.ts';
import { choiceLabel, defaultRoutePath, scenarios, ui } from './course-data.ts';
import { openScenario } from './play.ts';

const client = scenarios.find((s) => s.id === 'client')!;

test('keyboard alone plays a scenario to an ending, with focus on what changed', async ({ page }) => {
  const steps = markedPath(client, 'recommended');
  await openScenario(page, 'en', client.id);
  for (const step of steps) {
    const label = choiceLabel(client, step, 'en');
    // Tab until the wanted choice has focus, then press Enter.
    for (let i = 0; i < 60; i++) {
      if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === label) break;
      await page.keyboard.press('Tab');
    }
    await expect(page.locator(':focus')).toHaveText(label);
    await page.keyboard.press('Enter');
    await expect(page.locator(':focus')).toHaveText(ui.en['player.feedback']);
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus')).toHaveText(ui.en['player.continue']);
    await page.keyboard.press('Enter');
    // Focus moves to the next situation (or the outcome): the learner reads on from there.
    await expect(page.locator(':focus')).toHaveRole('heading');
  }
  await expect(page.locator('.outcome')).toBeVisible();
});

test('the player announces feedback and exposes its structure to screen readers', async ({ page }) => {
  const [first] = markedPath(client, 'recommended');
  await openScenario(page, 'en', client.id);
  const start = findNode(client, client.start)!;
  const q = JSON.stringify;
  await expect(page.locator('.player')).toMatchAriaSnapshot(`
    - region ${q(ui.en['player.heading'])}:
      - heading ${q(ui.en['player.heading'])} [level=2]
      - group ${q(ui.en['player.meters'])}
      - heading ${q(start.title.en)} [level=3]
      - group ${q(ui.en['player.choices'])}:
        - button
        - button
  `);
  const choices = page.getByRole('group', { name: ui.en['player.choices'] }).getByRole('button');
  await expect(choices).toHaveCount(start.type === 'decision' ? start.choices.length : 0);
  await page.getByRole('button', { name: choiceLabel(client, first!, 'en'), exact: true }).click();
  // Focus moves to the feedback's heading; a short live line says which choice was made.
  await expect(page.locator('.player [aria-live="polite"]')).toHaveText(choiceLabel(client, first!, 'en'));
  await expect(page.locator('.player-stage').getByRole('heading', { level: 3 })).toBeFocused();
  await expect(page.locator('.player')).toMatchAriaSnapshot(`
    - region:
      - heading ${q(ui.en['player.feedback'])} [level=3]
      - button ${q(ui.en['player.continue'])}
  `);
});

test('without JavaScript a scenario is readable and playable by links to an ending, unscored', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL! });
  const page = await context.newPage();
  const { ending, steps } = defaultRoutePath(client);
  await page.goto(`/en/scenarios/${client.id}/`);
  // Playwright's text matching skips <noscript>, where the static version lives, so match by class.
  await expect(page.locator('.static-note')).toHaveText(ui.en['player.noScript']);
  for (const step of steps) {
    await page.getByRole('link', { name: choiceLabel(client, step, 'en'), exact: true }).click();
    await page.getByRole('link', { name: ui.en['player.continue'] }).click();
  }
  const end = findNode(client, ending)!;
  await expect(page.getByRole('heading', { name: end.type === 'ending' ? end.title.en : '' })).toBeVisible();
  await context.close();
});

test('a knowledge check answers at once, and remembers the answer', async ({ page }) => {
  await page.goto('/en/lessons/warn-first/');
  const question = page.locator('[data-question="0"]');
  const options = question.getByRole('radio');
  await options.nth(1).check();
  await expect(question.locator('[data-feedback]:visible')).toHaveCount(1);
  await expect(question.locator('[data-feedback]:visible')).toContainText(ui.en['lesson.incorrect']);
  await expect(question.locator('[data-announce]')).toContainText(ui.en['lesson.incorrect']);
  await page.reload();
  await expect(page.locator('[data-question="0"]').getByRole('radio').nth(1)).toBeChecked();
});

test('a lesson counts as read at its end, and reflections are kept', async ({ page }) => {
  await page.goto('/ru/lessons/meet-the-case/');
  const box = page.getByRole('textbox').first();
  await box.fill('Предупреждать заранее');
  await box.blur();
  await page.locator('[data-lesson-end]').scrollIntoViewIfNeeded();
  await page.goto('/ru/');
  await expect(page.locator('[data-item="meet-the-case"] .state')).toHaveText(ui.ru['home.state.done']);
  await page.goto('/ru/lessons/meet-the-case/');
  await expect(page.getByRole('textbox').first()).toHaveValue('Предупреждать заранее');
});

test('a template copies to the clipboard and says so', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/en/templates/');
  const button = page.locator('button[data-copy]').nth(1);
  await button.click();
  // Screen readers hear it from the live region; sighted readers see it beside the button.
  await expect(page.locator('#copy-status')).toHaveText(ui.en['templates.copied']);
  const note = page.locator('button[data-copy] + .copy-note').nth(1);
  await expect(note).toHaveText(ui.en['templates.copied']);
  const [buttonBox, noteBox] = await Promise.all([button.boundingBox(), note.boundingBox()]);
  expect(Math.abs(noteBox!.y + noteBox!.height / 2 - (buttonBox!.y + buttonBox!.height / 2))).toBeLessThan(buttonBox!.height);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const template = await page.locator(`#${await button.getAttribute('data-copy')}`).textContent();
  expect(copied).toBe(template);
  expect(copied).toContain('[');
});

test('the language switch keeps the reader on the same page', async ({ page }) => {
  await page.goto('/en/lessons/agree-on-terms/');
  await page.getByRole('link', { name: 'Русский' }).click();
  await expect(page).toHaveURL(/\/ru\/lessons\/agree-on-terms\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
});

test('the theme button overrides the system theme and is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/en/');
  const button = page.getByRole('button', { name: ui.en['theme.toDark'] });
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await button.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.goto('/en/glossary/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: ui.en['theme.toDark'] })).toHaveAttribute('aria-pressed', 'true');
});

test('the chooser at / sends a Russian-language browser to /ru/', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ locale: 'ru-RU', baseURL: baseURL! });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page).toHaveURL(/\/ru\/$/);
  await context.close();
});

test('a missing page under /ru/ answers 404 in Russian first, with a way back in both languages', async ({ page }) => {
  const response = await page.goto('/ru/lessons/no-such-lesson/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.getByRole('heading', { level: 1 }).first()).toHaveText(ui.ru['notFound.title']);
  await expect(page).toHaveTitle(ui.ru['notFound.title']);
  await expect(page.getByRole('link', { name: ui.en['notFound.home'] })).toHaveAttribute('href', '/en/');
});
