import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { markedPath } from '../../src/engine/paths.ts';
import { outcome } from '../../src/engine/scoring.ts';
import { findNode } from '../../src/engine/graph.ts';
import { locales } from '../../src/engine/locales.ts';
import { gradeBands } from '../../src/engine/vocabulary.ts';
import type { Step } from '../../src/engine/types.ts';
import { progressFile } from '../../src/stores/progress-file.ts';
import { emptyProgress } from '../../src/stores/progress-format.ts';
import { progressFileKind } from '../../src/stores/progress-file.ts';
import { progressKey as key } from '../../src/browser/storage-keys.ts';
import { fill, scenarios, ui } from './course-data.ts';
import { expect, finishedProgress, ScenarioPlayer, test, waitForIsland } from './fixtures.ts';

const contractor = scenarios.find((s) => s.id === 'contractor')!;
const client = scenarios.find((s) => s.id === 'client')!;

test('two tabs stay in step: a decision in one shows as progress in the other', async ({ context }) => {
  const home = await context.newPage();
  await home.goto('/en/');
  const item = home.locator('[data-item="contractor"] .state');
  await expect(item).toHaveText(ui.en['home.state.not-started']);
  const player = await context.newPage();
  const tab = await new ScenarioPlayer(player, 'en').open('contractor');
  await tab.play(contractor, markedPath(contractor, 'recommended').slice(0, 1));
  await expect(item).toHaveText(ui.en['home.state.in-progress']);
  await expect(home.locator('#continue')).toContainText(contractor.title.en);
});

for (const locale of locales) {
  test(`${locale}: the progress page says once, not twice, that everything stays in this browser`, async ({ page }) => {
    await page.goto(`/${locale}/progress/`);
    await waitForIsland(page, 'progress');
    await expect(page.getByText(ui[locale]['home.privacy'], { exact: true })).toHaveCount(1);
  });
}

test('progress exports to a file, and importing it back restores it after a reset', async ({ page }) => {
  const player = await new ScenarioPlayer(page, 'en').open('contractor');
  await player.play(contractor, markedPath(contractor, 'recommended'));
  await page.goto('/en/progress/');
  await waitForIsland(page, 'progress');
  await expect(page.locator('tbody tr').first().locator('td').first()).not.toHaveText(ui.en['progress.notPlayed']);
  const before = (await page.locator('table').textContent())!;
  // The live region is on the page, empty, before anything is said in it, so screen readers hear what is.
  const said = page.locator('.data-status');
  await expect(said).toHaveRole('status');
  await expect(said).toHaveText('');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: ui.en['progress.export'] }).click();
  const file = await (await download).path();
  const text = readFileSync(file, 'utf8');
  expect(JSON.parse(text)).toMatchObject({ kind: progressFileKind, v: 2 });
  // The page says where the progress went, in the live region that was there before it spoke.
  await expect(said).toHaveText(fill(ui.en['progress.exported'], { file: (await download).suggestedFilename() }));

  await page.getByRole('button', { name: ui.en['progress.reset'] }).click();
  await page.getByRole('dialog').getByRole('button', { name: ui.en['progress.reset'] }).click();
  await expect(page.locator('table')).not.toHaveText(before);

  await page.locator('input[type=file]').setInputFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByRole('dialog').getByRole('button', { name: ui.en['progress.importReplace'] }).click();
  await expect(said).toHaveText(ui.en['progress.imported']);
  await expect(page.locator('table')).toHaveText(before);
});

for (const locale of locales) {
  test(`${locale}: importing a progress file asks first; saying no (the button or Escape) keeps the current progress`, async ({ page }) => {
    const t = ui[locale];
    const player = await new ScenarioPlayer(page, locale).open('contractor');
    await player.play(contractor, markedPath(contractor, 'recommended'));
    await page.goto(`/${locale}/progress/`);
    await waitForIsland(page, 'progress');
    const played = (await page.locator('table').textContent())!;
    // A well-formed file with nothing in it: taking it would wipe the result above.
    const file = { name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(progressFile(emptyProgress(), new Date())) };
    const dialog = page.getByRole('dialog', { name: t['progress.importConfirm'] });

    await page.locator('input[type=file]').setInputFiles(file);
    await expect(dialog).toBeVisible();
    // It opens on the safe answer, as reset does: a quick Enter keeps the progress.
    await expect(dialog.getByRole('button', { name: t['player.cancel'] })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: t['progress.importCancelled'] })).toBeVisible();
    await expect(page.locator('table')).toHaveText(played);

    // The same file again is heard, and its Cancel keeps the progress too, after a reload as well.
    await page.locator('input[type=file]').setInputFiles(file);
    await dialog.getByRole('button', { name: t['player.cancel'] }).click();
    await expect(page.getByRole('status').filter({ hasText: t['progress.importCancelled'] })).toBeVisible();
    await page.reload();
    await waitForIsland(page, 'progress');
    await expect(page.locator('table')).toHaveText(played);

    await page.locator('input[type=file]').setInputFiles(file);
    await dialog.getByRole('button', { name: t['progress.importReplace'] }).click();
    await expect(page.getByRole('status').filter({ hasText: t['progress.imported'] })).toBeVisible();
    await expect(page.locator('tbody tr').first().locator('td').first()).toHaveText(t['progress.notPlayed']);
  });
}

test('an invalid import is refused with the reason and changes nothing', async ({ page }) => {
  const player = await new ScenarioPlayer(page, 'ru').open('contractor');
  await player.play(contractor, markedPath(contractor, 'real'));
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
    kind: progressFileKind,
    v: 2,
    lessons: {},
    scenarios: { contractor: { best: { ending: 'x', grade: 'superb' } } },
  });
  await page.locator('input[type=file]').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from(damaged) });
  await expect(page.getByRole('alert')).toContainText('scenarios.contractor.best');
  await expect(page.locator('table')).toHaveText(before);
});

for (const garbage of ['{not json', '[1,2,3]', 'null']) {
  test(`garbage in storage (${garbage}) is not fatal: the notice is shown once and the pages work`, async ({ page, pageErrors }) => {
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
    const player = await new ScenarioPlayer(page, 'en').open('contractor');
    await player.play(contractor, markedPath(contractor, 'real').slice(0, 1));
    expect(pageErrors).toEqual([]);
  });
}

test('a damaged part of saved progress is dropped and the rest is kept', async ({ page }) => {
  await page.addInitScript((k) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem(
      k,
      JSON.stringify({ v: 2, lessons: { 'warn-first': { read: true }, 'agree-on-terms': { read: 'yes' } }, scenarios: { client: 42 } }),
    );
  }, key);
  await page.goto('/en/');
  await expect(page.locator('#storage-notice')).toHaveText(ui.en['storage.reset']);
  await expect(page.locator('[data-item="warn-first"] .state')).toHaveText(ui.en['home.state.done']);
  const saved = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), key))!);
  expect(saved.lessons['warn-first']).toEqual({ read: true });
  expect(saved.scenarios.client).toBeUndefined();
});

const keptCases = [
  { locale: 'en', notice: 'newer', v: 3, by: 'a newer version of the course' },
  { locale: 'ru', notice: 'newer', v: 3, by: 'a newer version of the course' },
  { locale: 'ru', notice: 'unknown', v: '2', by: 'a format version that is not an integer' },
] as const;
for (const { locale, notice, v, by } of keptCases) {
  test(`${locale}: progress saved by ${by} is kept as it is, never saved over, and the learner is told`, async ({ page }) => {
    const saved = JSON.stringify({ v, lessons: { 'warn-first': { read: true } }, scenarios: {} });
    await page.addInitScript(([k, value]) => localStorage.getItem(k!) || localStorage.setItem(k!, value!), [key, saved]);
    await page.goto(`/${locale}/`);
    await expect(page.locator('#storage-notice')).toHaveText(ui[locale][`storage.${notice}`]);
    const player = await new ScenarioPlayer(page, locale).open('contractor');
    await expect(page.getByRole('status').filter({ hasText: ui[locale][`storage.${notice}`] })).toBeVisible();
    await player.play(contractor, markedPath(contractor, 'recommended'));
    await expect(page.locator('.outcome')).toBeVisible();
    expect(await page.evaluate((k) => localStorage.getItem(k), key)).toBe(saved);
  });
}

test('storage that throws is not fatal: the player works and says progress is kept for this visit', async ({ page, pageErrors }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  const player = await new ScenarioPlayer(page, 'en').open('contractor');
  await expect(page.getByRole('status').filter({ hasText: ui.en['storage.unavailable'] })).toBeVisible();
  await player.play(contractor, markedPath(contractor, 'recommended'));
  await expect(page.locator('.outcome')).toBeVisible();
  expect(pageErrors).toEqual([]);
});

for (const locale of locales)
  test(`${locale}: storage that fills up in the middle of a story is told where the learner is reading, on a phone`, async ({
    page,
    pageErrors,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.addInitScript(() => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (this: Storage, name: string, value: string) {
        if (sessionStorage.getItem('full') && this === localStorage)
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        setItem.call(this, name, value);
      };
    });
    const player = await new ScenarioPlayer(page, locale).open('contractor');
    const path = markedPath(contractor, 'recommended');
    await player.play(contractor, path.slice(0, 2));
    await expect(page.locator('#storage-notice')).toBeHidden();
    await page.evaluate(() => sessionStorage.setItem('full', '1'));
    // The third choice cannot be saved: the learner, scrolled down the page to it (where the top
    // of the page is out of sight), is told there.
    await player.choose(contractor, path[2]!);
    const notice = page.getByRole('status').filter({ hasText: ui[locale]['storage.unavailable'] });
    await expect(notice).toBeInViewport({ ratio: 1 });
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(0);
    // It never hides what has focus (WCAG 2.4.11): with Continue scrolled to the window's foot,
    // under the notice, Tab to it brings it up clear of the notice.
    await player.continueButton.evaluate((button) => scrollBy(0, button.getBoundingClientRect().bottom - innerHeight + 10));
    for (let i = 0; i < 10 && !(await player.continueButton.evaluate((b) => b === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    await expect(player.continueButton).toBeFocused();
    expect(
      await player.continueButton.evaluate((button) => {
        const box = button.getBoundingClientRect();
        return button.contains(document.elementFromPoint(box.left + box.width / 2, box.bottom - 2));
      }),
    ).toBe(true);
    await page.keyboard.press('Enter');
    await expect(notice).toBeInViewport({ ratio: 1 });
    // The story goes on to its end, kept for this visit.
    await player.play(contractor, path.slice(3));
    await expect(player.outcome).toBeVisible();
    expect(pageErrors).toEqual([]);
  });

for (const locale of locales)
  test(`${locale}: the progress page says progress cannot be saved where storage reads but refuses writes, and leaves nothing behind where it takes them`, async ({
    page,
    pageErrors,
  }) => {
    await page.goto(`/${locale}/progress/`);
    await waitForIsland(page, 'progress');
    await expect(page.getByText(ui[locale]['storage.unavailable'])).toHaveCount(0);
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
    await page.addInitScript(() => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (this: Storage, name: string, value: string) {
        if (this === localStorage) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        setItem.call(this, name, value);
      };
    });
    await page.reload();
    await expect(page.getByRole('status').filter({ hasText: ui[locale]['storage.unavailable'] })).toBeVisible();
    expect(pageErrors).toEqual([]);
  });

/** Everything done, saved before the first page runs: every lesson read and each scenario finished on the given path. */
async function completeProgress(page: Page, paths: Record<string, Step[]>, name = '') {
  const progress = await finishedProgress(page.request, paths, name);
  await page.addInitScript(([k, v]) => localStorage.getItem(k!) || localStorage.setItem(k!, v!), [key, progress]);
}

const recommended = { contractor: markedPath(contractor, 'recommended'), client: markedPath(client, 'recommended') };

test('the certificate appears when everything is done, with both scenarios’ grades and scores, the principles and the date', async ({
  page,
}) => {
  await completeProgress(page, recommended);
  await page.goto('/en/progress/');
  await page.getByLabel(ui.en['progress.name']).fill('Ada Lovelace');
  const certificate = page.locator('.certificate');
  await expect(certificate).toContainText('Ada Lovelace');
  await expect(certificate).toContainText(ui.en['site.name']);
  await expect(certificate).toContainText('November 20, 2026');
  for (const s of [contractor, client]) {
    const result = outcome(s, recommended[s.id as keyof typeof recommended])!;
    await expect(certificate.getByRole('row', { name: s.title.en })).toHaveText(
      [s.title.en, ui.en[`grade.${result.grade}`], fill(ui.en['player.overallValue'], { score: result.overall })].join(''),
    );
  }
  // Its overall score pools both scenarios' points, and says so: it is not the mean of the two.
  await expect(certificate.locator('.overall dt')).toHaveText(ui.en['progress.overallBoth']);
  await page.goto('/ru/progress/');
  await expect(page.locator('.certificate')).toContainText('20 ноября 2026');
  await expect(page.locator('.certificate .overall dt')).toHaveText(ui.ru['progress.overallBoth']);
});

// Sixty letters, two hyphenated parts, as long as names on Russian certificates come.
const longName = 'Анна-Мария Константинопольская-Ворожейкина Александровна Юна';

test('the certificate with a 60-character hyphenated Cyrillic name prints on exactly one page, A4 and Letter, its border drawn', async ({
  page,
}) => {
  expect(longName).toHaveLength(60);
  await completeProgress(page, recommended, longName);
  await page.goto('/ru/progress/');
  await expect(page.locator('.certificate-name')).toHaveText(longName);
  for (const format of ['A4', 'Letter'] as const) {
    const pdf = (await page.pdf({ format })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page[^s]/g), format).toHaveLength(1);
  }
  // On paper: the name inside the page's width, and a border (not a background, which printing
  // leaves out by default) around a certificate that fills the page.
  await page.emulateMedia({ media: 'print' });
  const printed = await page.locator('.certificate').evaluate((el) => {
    const name = el.querySelector('.certificate-name')!;
    const style = getComputedStyle(el);
    return {
      nameFits: name.scrollWidth <= name.clientWidth,
      border: style.borderTopStyle,
      fills: el.getBoundingClientRect().height >= innerHeight * 0.95,
    };
  });
  expect(printed).toEqual({ nameFits: true, border: 'double', fills: true });
});

for (const locale of locales) {
  test(`${locale}: a result below the good band suggests replaying that scenario before printing`, async ({ page }) => {
    const paths = { contractor: markedPath(contractor, 'real'), client: markedPath(client, 'recommended') };
    const good = gradeBands.find((b) => b.grade === 'good')!.from;
    const below = [contractor, client].filter((s) => outcome(s, paths[s.id as keyof typeof paths])!.overall < good);
    // The contractor's real case is effective but risky: the engine grades it below good.
    expect(below.map((s) => s.id)).toEqual(['contractor']);
    await completeProgress(page, paths);
    await page.goto(`/${locale}/progress/`);
    const advice = page.locator('.replay-advice');
    await expect(advice).toContainText(fill(ui[locale]['progress.replayAdvice'], { from: good }));
    await expect(advice.getByRole('link')).toHaveText(below.map((s) => s.title[locale]));
  });
}

test('a certificate of good results suggests no replay', async ({ page }) => {
  await completeProgress(page, recommended);
  await page.goto('/en/progress/');
  await expect(page.locator('.certificate')).toBeVisible();
  await expect(page.locator('.replay-advice')).toHaveCount(0);
});

/** Progress as format version 1 saved it (see tests/fixtures/progress/v1/README.md). */
const version1 = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'progress', 'v1', 'local-storage.json'), 'utf8'));

test('after the upgrade, an old result whose run is stored is re-scored; one without its path is labelled and counts again once replayed', async ({
  page,
}) => {
  await page.addInitScript(([k, v]) => localStorage.getItem(k!) || localStorage.setItem(k!, v!), [key, JSON.stringify(version1)]);
  const endingTitle = (s: typeof contractor, id: string) => findNode(s, id)!.title.en;
  const steps = (version1.scenarios.contractor.run.steps as [string, string][]).map(([node, choice]) => ({ node, choice }));
  const rescored = outcome(contractor, steps)!;
  const oldBest = version1.scenarios.contractor.best;
  const oldClient = version1.scenarios.client.best;

  await page.goto('/en/progress/');
  await waitForIsland(page, 'progress');
  // The first row's cells, in the order of the scenario columns' headings.
  const titles = await page.locator('thead th').allTextContents();
  const bestCell = (s: typeof contractor) => page.locator('tbody tr').first().locator('td').nth(titles.indexOf(s.title.en));
  const contractorBest = bestCell(contractor);
  const clientBest = bestCell(client);
  // The contractor's stored run is re-scored under the current rules…
  await expect(contractorBest).toContainText(`${endingTitle(contractor, rescored.ending.id)} (${ui.en[`grade.${rescored.grade}`]})`);
  // …and the best result, whose path was not kept, stays, labelled.
  await expect(contractorBest).toContainText(
    fill(ui.en['progress.earlier'], { ending: endingTitle(contractor, oldBest.ending), score: oldBest.overall }),
  );
  await expect(clientBest).toHaveText(
    fill(ui.en['progress.earlier'], { ending: endingTitle(client, oldClient.ending), score: oldClient.overall }),
  );
  const saved = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), key))!);
  expect(saved.v).toBe(2);
  expect(saved.scenarios.contractor.last).toMatchObject({
    overall: rescored.overall,
    grade: rescored.grade,
    at: version1.scenarios.contractor.last.at,
  });
  expect(saved.scenarios.contractor.last.earlierRules).toBeUndefined();
  expect(saved.scenarios.contractor.best).toMatchObject({ ...oldBest, earlierRules: true });
  expect(saved.lessons).toEqual(version1.lessons);

  await page.goto('/ru/progress/');
  await waitForIsland(page, 'progress');
  await expect(page.locator('tbody')).toContainText(
    fill(ui.ru['progress.earlier'], { ending: findNode(client, oldClient.ending)!.title.ru, score: oldClient.overall }),
  );

  // Played again, the client's scenario counts under the current rules, and its label goes.
  const path = markedPath(client, 'real');
  const player = await new ScenarioPlayer(page, 'en').open('client');
  await page.getByRole('button', { name: ui.en['player.restart'] }).click();
  await page.getByRole('dialog').getByRole('button', { name: ui.en['player.restart'] }).click();
  await player.play(client, path);
  const replayed = outcome(client, path)!;
  await page.goto('/en/progress/');
  await waitForIsland(page, 'progress');
  await expect(page.locator('tbody')).not.toContainText(
    fill(ui.en['progress.earlier'], { ending: endingTitle(client, oldClient.ending), score: oldClient.overall }),
  );
  await expect(page.locator('tbody')).toContainText(`${endingTitle(client, replayed.ending.id)} (${ui.en[`grade.${replayed.grade}`]})`);
});
