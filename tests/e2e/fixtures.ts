// The end-to-end tests' one entry point: every spec imports `test` and `expect` from here. `test`
// is Playwright's, extended with the course's page objects and the servers they need, each set up
// for the test that asks for it and torn down after it (see playwright.dev/docs/test-fixtures).
//
//   test.use({ lang: 'ru' });                      // the course's language for `player` and `facilitator`
//   test.use({ colorScheme: 'dark' });             // Playwright's own option: light or dark
//   test('…', async ({ player, facilitator, phone, phones, liveServer, embedHost, scorm, cmi5, pageErrors }) => …);
//
// Page objects live in pages/ (player, workshop, live, embed host, LMS); the course's content and
// the engine's expectations in course-data.ts. A new spec needs nothing else.
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect as baseExpect, type Page } from '@playwright/test';
import type { Locale } from '../../src/engine/locales.ts';
import { EmbedHost } from './pages/embed-host.ts';
import { type Cmi5Lms, ScormLms, startCmi5Lms } from './pages/lms.ts';
import { LiveServer, Phones, phoneDevice } from './pages/live.ts';
import { ScenarioPlayer } from './pages/player.ts';
import { FacilitatorConsole } from './pages/workshop.ts';

export type { EmbedHost, HostEvent } from './pages/embed-host.ts';
export { type Cmi5Lms, learner, lmsPlayer, registration, type ScormLms, scormHarness } from './pages/lms.ts';
export { type LiveServer, type Phones, phoneDevice } from './pages/live.ts';
export { ScenarioPlayer, waitForIsland } from './pages/player.ts';
export { shownFace } from './pages/faces.ts';
export { holdBack } from './pages/network.ts';
export { focusedAfterFrames, focusRingShown, traceWhile } from './pages/trace.ts';
export { finishedProgress } from './pages/progress.ts';
export { FacilitatorConsole, type LiveRoom, ProjectorScreen } from './pages/workshop.ts';

/** axe's rule tags for WCAG 2.2 at level AA, the level the course is held to. */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** What `toPassAxe` checks: within `include` (a selector) when given; `state` names what was on screen in a failure. */
export interface AxeOptions {
  include?: string;
  state?: string;
  /** Runs axe once in each of these colour schemes (emulated in turn, the last one left on); as the page is, when not given. */
  colorSchemes?: readonly ('light' | 'dark')[];
}

/**
 * Playwright's `expect`, with one matcher more:
 * `await expect(page).toPassAxe({ include?, state?, colorSchemes? })` runs axe at WCAG 2.2 AA on
 * the page as it is now and fails on any violation, each listed as `rule: elements`, after the
 * state and the scheme, so a failure names what was on screen.
 */
export const expect = baseExpect.extend({
  async toPassAxe(page: Page, options: AxeOptions = {}) {
    const found: string[] = [];
    for (const scheme of options.colorSchemes ?? [undefined]) {
      if (scheme) await page.emulateMedia({ colorScheme: scheme });
      const builder = new AxeBuilder({ page }).withTags(wcagTags);
      const { violations } = await (options.include ? builder.include(options.include) : builder).analyze();
      const where = [options.state, scheme].filter(Boolean).join(', ');
      const prefix = where ? `${where}: ` : '';
      found.push(...violations.map((v) => `${prefix}${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
    }
    return {
      name: 'toPassAxe',
      pass: found.length === 0,
      message: () => (found.length === 0 ? `axe found nothing${options.state ? ` (${options.state})` : ''}` : found.join('\n')),
    };
  },
});

/** The options a spec or a describe block sets with `test.use`. */
export interface CourseOptions {
  /** The course's language the page objects open pages in and read the UI's words in; `en` unless set. */
  lang: Locale;
}

/** The fixtures a test asks for by name. */
export interface CourseFixtures {
  /** The scenario player on `page`, in `lang`: `await player.open('client')`. */
  player: ScenarioPlayer;
  /** The facilitator console on `page`, in `lang`: `await facilitator.open()`, then `openScreen()`. */
  facilitator: FacilitatorConsole;
  /** A page in a phone's context (`phoneDevice`: 390×844, touch) of the tests' browser, at the course. */
  phone: Page;
  /** Every uncaught error of the pages of the test's context, as `address: message`: a test that expects none says so. */
  pageErrors: string[];
  /** Phones for a live room, in a browser that reaches the server at its public name; closed after the test. */
  phones: Phones;
  /** A SCORM 1.2 LMS on `page`: `await scorm.open()` serves the package and opens it. */
  scorm: ScormLms;
  /** Starts a cmi5 LMS for the package in `locale` (`en` unless given); every one started is closed after the test. */
  cmi5: (locale?: Locale) => Promise<Cmi5Lms>;
  /** Starts a live server of its own on `port` (4460-4469); every one started is killed after the test. */
  liveServer: (port: number) => Promise<LiveServer>;
}

/** The fixtures shared by the tests of one worker. */
export interface CourseWorkerFixtures {
  /** A site on another origin that embeds the course's scenarios. */
  embedHost: EmbedHost;
}

export const test = base.extend<CourseOptions & CourseFixtures, CourseWorkerFixtures>({
  lang: ['en', { option: true }],
  player: async ({ page, lang }, use) => {
    await use(new ScenarioPlayer(page, lang));
  },
  facilitator: async ({ page, lang }, use) => {
    await use(new FacilitatorConsole(page, lang));
  },
  phone: async ({ browser, baseURL }, use) => {
    const context = await browser.newContext({ ...phoneDevice, baseURL: baseURL ?? '', serviceWorkers: 'block' });
    await use(await context.newPage());
    await context.close();
  },
  pageErrors: async ({ context }, use) => {
    const errors: string[] = [];
    const watch = (page: Page) => page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
    context.pages().forEach(watch);
    context.on('page', watch);
    await use(errors);
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads what a fixture needs from this pattern; it needs nothing.
  phones: async ({}, use) => {
    const phones = new Phones();
    await use(phones);
    await phones.close();
  },
  scorm: async ({ page }, use) => {
    await use(new ScormLms(page));
  },
  // biome-ignore lint/correctness/noEmptyPattern: as above.
  cmi5: async ({}, use) => {
    const started: Cmi5Lms[] = [];
    await use(async (locale) => {
      const lms = await startCmi5Lms(locale);
      started.push(lms);
      return lms;
    });
    for (const lms of started) await lms.close();
  },
  // biome-ignore lint/correctness/noEmptyPattern: as above.
  liveServer: async ({}, use) => {
    const started: LiveServer[] = [];
    await use(async (port) => {
      const server = new LiveServer(port);
      started.push(server);
      await server.start();
      return server;
    });
    for (const server of started) await server.kill();
  },
  embedHost: [
    // biome-ignore lint/correctness/noEmptyPattern: as above.
    async ({}, use) => {
      const host = await EmbedHost.start();
      await use(host);
      await host.close();
    },
    { scope: 'worker' },
  ],
});
