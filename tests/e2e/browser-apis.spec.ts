// Each optional browser API the course uses, removed (or locked) before the page's scripts run,
// as a browser without it would have it: nothing throws, the page's main action still works,
// and what needs the missing API says that it is off, in both languages.
import type { BrowserContext, Page } from '@playwright/test';
import { markedPath } from '../../src/engine/paths.ts';
import { findNode } from '../../src/engine/graph.ts';
import { progressKey } from '../../src/browser/storage-keys.ts';
import { fill, plural, scenarios, ui } from './course-data.ts';
import { expect, type FacilitatorConsole, finishedProgress, type ScenarioPlayer, test, waitForIsland } from './fixtures.ts';

const contractor = scenarios.find((s) => s.id === 'contractor')!;
const first = markedPath(contractor, 'recommended')[0]!;
const start = findNode(contractor, contractor.start)!;

/** Scripts that take one API away in every page and frame of a context, before anything else runs. */
const removals = {
  BroadcastChannel: () => {
    Reflect.deleteProperty(window, 'BroadcastChannel');
  },
  storage: () => {
    for (const name of ['localStorage', 'sessionStorage'])
      Object.defineProperty(window, name, {
        configurable: true,
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
  },
  'service worker': () => {
    Object.defineProperty(Navigator.prototype, 'serviceWorker', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  },
  clipboard: () => {
    Object.defineProperty(Navigator.prototype, 'clipboard', { configurable: true, get: () => undefined });
  },
  fullscreen: () => {
    Reflect.deleteProperty(Element.prototype, 'requestFullscreen');
    Object.defineProperty(Document.prototype, 'fullscreenEnabled', { configurable: true, get: () => false });
  },
  'Web Audio': () => {
    Reflect.deleteProperty(window, 'AudioContext');
    Reflect.deleteProperty(window, 'webkitAudioContext');
  },
  'crypto.randomUUID': () => {
    Reflect.deleteProperty(Crypto.prototype, 'randomUUID');
  },
  print: () => {
    Reflect.deleteProperty(window, 'print');
  },
} as const;

type Api = keyof typeof removals;

/** Takes the API away in every page and frame of the context, before anything else runs. */
async function without(context: BrowserContext, api: Api): Promise<void> {
  await context.addInitScript(removals[api]);
}

/** Saves progress of a finished course (every lesson read, both scenarios done), as the certificate needs. */
async function finishCourse(page: Page) {
  const progress = await finishedProgress(page.request);
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [progressKey, progress] as const);
}

/** A choice moves the story: its feedback appears. */
async function choiceMovesTheStory(player: ScenarioPlayer) {
  await player.open('contractor');
  await player.choose(contractor, first);
  await expect(player.root.getByRole('heading', { name: ui[player.lang]['player.feedback'] })).toBeVisible();
}

/** A vote is counted on the console. */
async function voteIsCounted(facilitator: FacilitatorConsole) {
  await facilitator.addVote(1);
  await expect(facilitator.tallyTotal).toHaveText(plural(ui[facilitator.lang]['workshop.votesIn'], 1, facilitator.lang));
}

for (const locale of ['en', 'ru'] as const) {
  const t = ui[locale];

  test.describe(`without an optional browser API (${locale})`, () => {
    test.use({ lang: locale });

    test('BroadcastChannel: the projector screen follows the console through the saved session', async ({
      context,
      pageErrors,
      page,
      facilitator,
    }) => {
      await without(context, 'BroadcastChannel');
      await facilitator.open();
      const screen = await facilitator.openScreen();
      await expect(screen.heading).toHaveText(start.title[locale]);
      await voteIsCounted(facilitator);
      await expect(screen.votes).toHaveText(plural(t['workshop.votesIn'], 1, locale));
      // Nothing is off here, so nothing is said.
      await expect(page.getByText(t['workshop.noScreenLink'])).toHaveCount(0);
      expect(pageErrors).toEqual([]);
    });

    test('storage: the story and the votes go on in memory, and the pages say nothing is saved', async ({
      context,
      pageErrors,
      page,
      facilitator,
      player,
    }) => {
      await without(context, 'storage');
      await page.goto('/');
      await expect(page.getByRole('link', { name: `${t['chooser.title']}: ${t['language.name']}` })).toBeVisible();
      await choiceMovesTheStory(player);
      await expect(page.getByText(t['storage.unavailable'])).toBeVisible();
      await page.goto(`/${locale}/lessons/warn-first/`);
      await expect(page.getByText(t['storage.unavailable'])).toBeVisible();
      await facilitator.open();
      const screen = await facilitator.openScreen();
      await voteIsCounted(facilitator);
      await expect(page.getByText(t['workshop.storageOff'])).toBeVisible();
      // The BroadcastChannel still carries the session to the screen.
      await expect(screen.votes).toHaveText(plural(t['workshop.votesIn'], 1, locale));
      await page.goto(`/${locale}/facilitate/`);
      await waitForIsland(page, 'sessions');
      await expect(page.getByText(t['workshop.listOff'])).toBeVisible();
      expect(pageErrors).toEqual([]);
    });

    test('BroadcastChannel and storage both: the console works and says the screen cannot follow', async ({
      context,
      pageErrors,
      page,
      facilitator,
    }) => {
      await without(context, 'BroadcastChannel');
      await context.addInitScript(removals.storage);
      await facilitator.open();
      const screen = await facilitator.openScreen();
      await voteIsCounted(facilitator);
      await expect(page.getByText(t['workshop.noScreenLink'])).toBeVisible();
      await expect(screen.page.getByText(t['workshop.noScreenLink'])).toBeVisible();
      expect(pageErrors).toEqual([]);
    });

    test('service worker: the course plays online', async ({ context, pageErrors, player }) => {
      // Nothing on the pages promises offline use, so there is nothing to take back.
      await without(context, 'service worker');
      await choiceMovesTheStory(player);
      expect(pageErrors).toEqual([]);
    });

    test('clipboard: a copy button selects the text and says to copy it by hand', async ({ context, pageErrors, page }) => {
      await without(context, 'clipboard');
      for (const [path, key] of [
        [`/${locale}/templates/`, 'templates.copyFailed'],
        [`/${locale}/embed/`, 'embed.copyFailed'],
      ] as const) {
        await page.goto(path);
        // The buttons work once their script has put a note beside each.
        await expect(page.locator('.copy-note').first()).toBeAttached();
        const button = page.locator('button[data-copy]').first();
        const source = await button.getAttribute('data-copy');
        await button.click();
        await expect(page.locator('.copy-note').first()).toHaveText(t[key]);
        const selected = await page.evaluate(() => getSelection()?.toString() ?? '');
        expect(selected.trim()).toBe((await page.locator(`[id="${source}"]`).textContent())!.trim());
      }
      expect(pageErrors).toEqual([]);
    });

    test('fullscreen: the screen says to use the browser’s own full-screen mode, and still follows', async ({
      context,
      pageErrors,
      facilitator,
    }) => {
      await without(context, 'fullscreen');
      await facilitator.open();
      const screen = await facilitator.openScreen();
      await expect(screen.page.getByText(t['workshop.noFullscreen'])).toBeVisible();
      await expect(screen.page.getByRole('button', { name: t['workshop.fullscreen'] })).toHaveCount(0);
      await voteIsCounted(facilitator);
      await expect(screen.votes).toHaveText(plural(t['workshop.votesIn'], 1, locale));
      expect(pageErrors).toEqual([]);
    });

    test('Web Audio: the console says there is no end-of-time sound, and time still runs out', async ({
      context,
      pageErrors,
      page,
      facilitator,
    }) => {
      await without(context, 'Web Audio');
      await page.clock.install();
      await facilitator.open();
      await expect(page.getByText(t['workshop.noSound'])).toBeVisible();
      await expect(page.getByLabel(t['workshop.mute'])).toHaveCount(0);
      await voteIsCounted(facilitator);
      await page.getByRole('button', { name: plural(t['workshop.minutes'], 1, locale), exact: true }).click();
      await page.clock.fastForward('01:05');
      await expect(page.locator('.time')).toHaveText(t['workshop.timeUp']);
      expect(pageErrors).toEqual([]);
    });

    test('crypto.randomUUID: a session still gets an id, and survives a reload', async ({ context, pageErrors, page, facilitator }) => {
      await without(context, 'crypto.randomUUID');
      await facilitator.open();
      await expect(page).toHaveURL(/[?]session=[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      await voteIsCounted(facilitator);
      await page.reload();
      await waitForIsland(page, 'console');
      await expect(page.locator('.tally-total')).toHaveText(plural(t['workshop.votesIn'], 1, locale));
      expect(pageErrors).toEqual([]);
    });

    test('print: the handout says the browser cannot print, and a session file still downloads', async ({
      context,
      pageErrors,
      page,
      facilitator,
    }) => {
      await without(context, 'print');
      await facilitator.open();
      await voteIsCounted(facilitator);
      await page.goto(`/${locale}/facilitate/`);
      await waitForIsland(page, 'sessions');
      await expect(page.getByText(t['print.unavailable'])).toBeVisible();
      await expect(page.getByRole('button', { name: t['workshop.printHandout'] })).toHaveCount(0);
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: fill(t['workshop.download'], { format: 'JSON' }), exact: true }).click();
      expect((await download).suggestedFilename()).toMatch(/\.json$/);
      // The certificate of a finished course says the same instead of its print button.
      await finishCourse(page);
      await page.goto(`/${locale}/progress/`);
      await waitForIsland(page, 'progress');
      await expect(page.locator('.certificate')).toBeVisible();
      await expect(page.getByText(t['print.unavailable'])).toBeVisible();
      await expect(page.getByRole('button', { name: t['progress.print'] })).toHaveCount(0);
      expect(pageErrors).toEqual([]);
    });
  });
}
