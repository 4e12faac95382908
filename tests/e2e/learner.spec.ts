import { markedPath } from '../../src/engine/paths.ts';
import { findNode, targetsOf } from '../../src/engine/graph.ts';
import { locales } from '../../src/engine/locales.ts';
import { choseLanguageKey, progressKey } from '../../src/browser/storage-keys.ts';
import { choiceLabel, decisionAt, defaultRoutePath, scenarios, templates, ui } from './course-data.ts';
import { expect, focusedAfterFrames, holdBack, test, traceWhile } from './fixtures.ts';
import { forcedLayouts } from '../../src/cli/trace-layouts.ts';

const client = scenarios.find((s) => s.id === 'client')!;

test('keyboard alone plays a scenario to an ending, with focus on what changed', async ({ page, player }) => {
  const steps = markedPath(client, 'recommended');
  await player.open(client.id);
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

test('the player announces feedback and exposes its structure to screen readers', async ({ page, player }) => {
  const [first] = markedPath(client, 'recommended');
  await player.open(client.id);
  const start = decisionAt(client, client.start);
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
  await expect(choices).toHaveCount(start.choices.length);
  await player.choose(client, first!);
  // Focus moves to the feedback's heading; a short live line says which choice was made.
  await expect(page.locator('.player [aria-live="polite"]')).toHaveText(choiceLabel(client, first!, 'en'));
  await expect(page.locator('.player-stage').getByRole('heading', { level: 3 })).toBeFocused();
  await expect(page.locator('.player')).toMatchAriaSnapshot(`
    - region:
      - heading ${q(ui.en['player.feedback'])} [level=3]
      - button ${q(ui.en['player.continue'])}
  `);
});

test('without JavaScript the scenario page shows no dead player or map, and links its text version', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL! });
  const page = await context.newPage();
  await page.goto(`/en/scenarios/${client.id}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(client.title.en);
  // Nothing that needs JavaScript is on screen: no choice buttons, no map that only a run fills.
  await expect(page.getByRole('button')).toHaveCount(0);
  // The map's heading is in the page (so that its being hidden says something), and hidden.
  const mapHeading = page.locator('#map-heading');
  await expect(mapHeading).toHaveText(ui.en['map.title']);
  await expect(mapHeading).toBeHidden();
  // Playwright's text and role matching skip <noscript>, where the note lives, so match by class.
  await expect(page.locator('.no-script')).toBeVisible();
  await expect(page.locator('.no-script')).toContainText(ui.en['text.noScript']);
  await expect(page.locator('.no-script a')).toHaveText(ui.en['text.link']);
  await page.locator('.no-script a').click();
  await expect(page).toHaveURL(new RegExp(`/en/scenarios/${client.id}/text/$`));
  await context.close();
});

for (const locale of locales)
  test(`${locale}: with JavaScript too, the scenario page offers its text version beside the map`, async ({ page }) => {
    await page.goto(`/${locale}/scenarios/${client.id}/`);
    const map = page.locator('#scenario-map');
    await expect(map.getByText(ui[locale]['text.offer'])).toBeVisible();
    await map.getByRole('link', { name: ui[locale]['text.link'] }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/scenarios/${client.id}/text/$`));
  });

for (const scenario of scenarios)
  for (const locale of locales)
    test(`without JavaScript, ${locale}/${scenario.id} as text: playable by links to an ending, with the whole map and its text version`, async ({
      browser,
      baseURL,
    }) => {
      const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL! });
      const page = await context.newPage();
      await page.goto(`/${locale}/scenarios/${scenario.id}/text/`);
      await expect(page.locator('.static-note')).toContainText(ui[locale]['text.note']);
      // No control and no sentence that needs JavaScript: no buttons, no "your path", no promise
      // of more of the map after an ending, no link to the scored player.
      await expect(page.getByRole('button')).toHaveCount(0);
      await expect(page.getByText(ui[locale]['map.mine'])).toHaveCount(0);
      await expect(page.getByText(ui[locale]['map.spoilers'])).toHaveCount(0);
      await expect(page.getByRole('link', { name: ui[locale]['text.scored'] })).toBeHidden();
      // Each "What happened" is named by its choice too, so a list of headings tells them apart.
      const outcomes = await page
        .locator('section[id^="f-"] h2')
        .evaluateAll((hs) => hs.map((h) => h.textContent?.replace(/\s+/g, ' ').trim()));
      expect(outcomes.length).toBeGreaterThan(1);
      expect(new Set(outcomes).size).toBe(outcomes.length);
      // The whole map: every node and every edge drawn, every line of its text version shown.
      const map = page.locator('#scenario-map');
      const edges = new Set(
        scenario.nodes.flatMap((n) => (n.type === 'decision' ? n.choices.flatMap((c) => targetsOf(c).map((t) => `${n.id}>${t}`)) : [])),
      );
      await map.scrollIntoViewIfNeeded();
      await expect(map.locator('.map-node:visible')).toHaveCount(scenario.nodes.length);
      // A straight edge has an empty box, which Playwright counts as hidden: ask the styles instead.
      const drawn = (selector: string) =>
        map.locator(selector).evaluateAll((els) => els.filter((el) => getComputedStyle(el).display !== 'none').length);
      expect(await drawn('.map-edge')).toBe(edges.size);
      const choices = scenario.nodes.reduce((n, node) => n + (node.type === 'decision' ? node.choices.length : 0), 0);
      await expect(map.locator('.map-text li:visible')).toHaveCount(scenario.nodes.length + choices);
      // The recommended path can be switched off without JavaScript.
      await expect(map.locator('.overlay.recommended:visible').first()).toBeVisible();
      await map.getByLabel(ui[locale]['map.recommended']).uncheck();
      await expect(map.locator('.overlay.recommended:visible')).toHaveCount(0);
      // Played by links, each choice following its default route, to an ending.
      const { ending, steps } = defaultRoutePath(scenario);
      for (const step of steps) {
        await page
          .locator('.static-scenario')
          .getByRole('link', { name: choiceLabel(scenario, step, locale), exact: true })
          .click();
        await page.locator('.static-scenario').getByRole('link', { name: ui[locale]['player.continue'] }).click();
      }
      const end = findNode(scenario, ending)!;
      await expect(page.locator('.static-scenario').getByRole('heading', { name: end.title[locale], exact: true })).toBeVisible();
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

test('a template’s drafting notes are shown beside it and never copied with it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const withNotes = templates.filter((t) => t.notes && t.notes.length > 0);
  expect(withNotes.length).toBeGreaterThan(0);
  for (const locale of locales) {
    await page.goto(`/${locale}/templates/`);
    for (const template of withNotes) {
      const section = page
        .locator('section.template')
        .filter({ has: page.getByRole('heading', { name: template.title[locale], exact: true }) });
      const notes = section.getByRole('complementary', { name: ui[locale]['templates.notes'] });
      for (const note of template.notes!) await expect(notes).toContainText(note[locale]);
      await section.getByRole('button', { name: ui[locale]['templates.copy'] }).click();
      await expect(section.locator('.copy-note')).toHaveText(ui[locale]['templates.copied']);
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(template.body[locale].trimEnd());
      for (const note of template.notes!) expect(copied).not.toContain(note[locale]);
    }
  }
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

test('a visitor who chose English at / is not sent to /ru/ when coming back in that tab, though the browser speaks Russian', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: `${ui.en['chooser.title']}: ${ui.en['language.name']}` }).click();
  await expect(page).toHaveURL(/\/en\/$/);
  // From the next page on, the browser speaks Russian.
  await page.addInitScript(() => Object.defineProperty(navigator, 'language', { get: () => 'ru-RU' }));
  await page.goto('/', { waitUntil: 'load' });
  expect(await page.evaluate(() => navigator.language)).toBe('ru-RU');
  await expect(page.getByRole('link', { name: `${ui.ru['chooser.title']}: ${ui.ru['language.name']}` })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/');
  expect(await page.evaluate((key) => sessionStorage.getItem(key), choseLanguageKey)).toBe('1');
});

test('a missing page under /ru/ answers 404 in Russian first, with a way back in both languages', async ({ page }) => {
  const response = await page.goto('/ru/lessons/no-such-lesson/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.getByRole('heading', { level: 1 }).first()).toHaveText(ui.ru['notFound.title']);
  await expect(page).toHaveTitle(ui.ru['notFound.title']);
  await expect(page.getByRole('link', { name: ui.en['notFound.home'] })).toHaveAttribute('href', '/en/');
});

test('a choice made from the keyboard before the player has started puts focus on its consequence without forcing a layout', async ({
  page,
}) => {
  const release = await holdBack(page, '**/_astro/course-player.*.js');
  const [first] = markedPath(client, 'recommended');
  await page.goto(`/en/scenarios/${client.id}/`);
  await page.locator(`[data-choice="${first!.choice}"]`).focus();
  // While the trace runs the test reads no geometry: a key, then two frames, then what has focus.
  const events = await traceWhile(page, async () => {
    await page.keyboard.press('Enter');
    expect(await focusedAfterFrames(page, '[data-early-view] .feedback h3')).toBe(true);
  });
  await expect(page.locator('[data-island="player"]')).not.toHaveAttribute('data-hydrated', 'true');
  expect(events.some((e) => e.name === 'Layout' && e.ph === 'X')).toBe(true);
  expect(forcedLayouts(events)).toEqual([]);
  release();
  await expect(page.locator('[data-island="player"]')).toHaveAttribute('data-hydrated', 'true');
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});

test('a choice clicked before the player has started answers at once, and the live player carries on from it', async ({ page }) => {
  // Hold the player back until the learner has clicked, as a slow phone connection does: its
  // code (a file the page's head asks for; its data comes last in the page) arrives after the choices.
  const release = await holdBack(page, '**/_astro/course-player.*.js');
  const [first, second] = markedPath(client, 'recommended');
  await page.goto(`/en/scenarios/${client.id}/`, { waitUntil: 'commit' });
  await page.getByRole('button', { name: choiceLabel(client, first!, 'en'), exact: true }).click();
  // The consequence was rendered with the page: it shows before any script has arrived.
  await expect(page.locator('.feedback-choice')).toHaveText(choiceLabel(client, first!, 'en'));
  // Focus is on its heading, as the live player would put it.
  await expect(page.locator('[data-early-view] .feedback h3')).toBeFocused();
  await expect(page.locator('[data-island="player"]')).not.toHaveAttribute('data-hydrated', 'true');
  // The map comes with the player: until then no "Map of the scenario" heads a blank space.
  await expect(page.locator('#map-heading')).toBeHidden();
  await page.getByRole('button', { name: ui.en['player.continue'] }).click();
  release();
  await expect(page.locator('[data-island="player"]')).toHaveAttribute('data-hydrated', 'true');
  await expect(page.locator('#map-heading')).toBeVisible();
  // The live player made the same choice and went on, as the learner asked; the run is saved.
  await expect(page.getByRole('button', { name: choiceLabel(client, second!, 'en'), exact: true })).toBeVisible();
  await expect(page.locator('[data-early-view]')).toHaveCount(0);
  // Saved when the browser is idle after showing it.
  await expect.poll(() => page.evaluate((key) => localStorage.getItem(key) ?? '', progressKey)).toContain(first!.choice);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});

test('when the player’s code cannot load, the first choice still answers and the page says why nothing more does', async ({ page }) => {
  await page.route('**/_astro/course-player.*.js', (route) => route.abort('internetdisconnected'));
  const [first] = markedPath(client, 'recommended');
  await page.goto(`/en/scenarios/${client.id}/`);
  await expect(page.getByRole('alert').filter({ hasText: ui.en['island.failed'] })).toBeVisible();
  await page.getByRole('button', { name: choiceLabel(client, first!, 'en'), exact: true }).click();
  await expect(page.locator('.feedback-choice')).toHaveText(choiceLabel(client, first!, 'en'));
});
