import { workshopsKey } from '../../src/browser/storage-keys.ts';
import { outcome, storyAgainstGrade } from '../../src/engine/scoring.ts';
import { fill, scenarios, ui } from './course-data.ts';
import { principleScore, translator } from '../../src/i18n/messages.ts';
import { expect, test, waitForIsland } from './fixtures.ts';
import { coursePort, phoneHost } from './origin.ts';
import { screenStates } from './screen-states.ts';

const sizes = [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

for (const locale of ['en', 'ru'] as const) {
  test(`every state of the projector screen fits 1024×768 and up unscrolled, with slide-sized text at 1920×1080 (${locale})`, async ({
    page,
  }) => {
    // Every decision with five or fewer choices and their votes, every consequence, ending and other side, at three sizes.
    test.setTimeout(240_000);
    const states = scenarios.flatMap((s) => screenStates(s).map((state) => ({ scenario: s.id, ...state })));
    // Saved side by side, each state must keep its own session: one saved over another is never checked.
    expect(new Set(states.map((s) => s.session.id)).size).toBe(states.length);
    await page.goto(`/${locale}/`);
    await page.evaluate(([key, sessions]) => localStorage.setItem(key, JSON.stringify({ v: 1, sessions })), [
      workshopsKey,
      Object.fromEntries(states.map((s) => [s.session.id, s.session])),
    ] as const);
    const problems: string[] = [];
    for (const state of states) {
      await page.setViewportSize(sizes[0]!);
      await page.goto(`/${locale}/facilitate/${state.scenario}/screen/?session=${state.session.id}`);
      await waitForIsland(page, 'screen');
      await expect(page.locator('.screen-main')).not.toBeEmpty();
      // Opened on this machine, the screen offers the address its server gives phones: the code for
      // it is made in the browser.
      await expect(page.locator('.screen-join strong').last()).toHaveText(`${phoneHost}:${coursePort}/${locale}`);
      await expect(page.locator('.qr svg')).toBeVisible();
      for (const size of sizes) {
        await page.setViewportSize(size);
        const seen = await page.evaluate(async () => {
          // The screen refits on resize; two frames later the layout has settled.
          await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
          const screen = document.querySelector('.screen')!;
          const clipped = [screen, ...screen.children].some(
            (el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1,
          );
          const qr = document.querySelector('.qr svg')!.getBoundingClientRect();
          const text = document.querySelector('.screen-main p:not(.screen-kicker)') ?? document.querySelector('.screen-main')!;
          return {
            scrolls: document.documentElement.scrollHeight > innerHeight || document.documentElement.scrollWidth > innerWidth,
            clipped,
            qrVisible: qr.top >= 0 && qr.left >= 0 && qr.bottom <= innerHeight && qr.right <= innerWidth && qr.width >= 90,
            text: Number.parseFloat(getComputedStyle(text).fontSize),
          };
        });
        const where = `${state.name} at ${size.width}×${size.height}`;
        if (seen.scrolls || seen.clipped) problems.push(`${where}: does not fit`);
        if (!seen.qrVisible) problems.push(`${where}: the QR code is cut off`);
        if (size.width === 1920 && seen.text < 32) problems.push(`${where}: body text ${seen.text.toFixed(1)} px`);
      }
    }
    expect(problems).toEqual([]);
  });
}

for (const locale of ['en', 'ru'] as const) {
  test(`an ending on the projector screen tells the room what its path earned, in the text’s colour (${locale})`, async ({ page }) => {
    // Every ending of every scenario, one page each.
    test.setTimeout(120_000);
    const endings = scenarios.flatMap((s) =>
      screenStates(s)
        .filter((state) => state.name.includes(' ending '))
        .map((state) => ({ scenario: s, session: state.session })),
    );
    await page.goto(`/${locale}/`);
    await page.evaluate(([key, sessions]) => localStorage.setItem(key, JSON.stringify({ v: 1, sessions })), [
      workshopsKey,
      Object.fromEntries(endings.map((s) => [s.session.id, s.session])),
    ] as const);
    const t = translator<string>(locale, ui[locale]);
    for (const { scenario, session } of endings) {
      const expected = outcome(scenario, session.steps)!;
      const story = storyAgainstGrade(expected.ending.tone, expected.grade);
      await page.goto(`/${locale}/facilitate/${scenario.id}/screen/?session=${session.id}`);
      await waitForIsland(page, 'screen');
      const main = page.locator('.screen-main');
      await expect(main.locator('.grade')).toHaveText(
        fill(ui[locale]['workshop.roomGrade'], { grade: ui[locale][`grade.${expected.grade}`] }),
      );
      await expect(main.locator('.story-note')).toHaveText(story === 'same' ? [] : [ui[locale][`workshop.story.${story}`]]);
      // Each principle says what its numbers count, and one below zero what it lost beyond what it earned.
      await expect(main.locator('.scores div:not(.overall) dd')).toHaveText(expected.principles.map((p) => principleScore(t, p)));
      const colours = await main.evaluate((el) =>
        [el.querySelector('.grade')!, el.querySelector('h1')!].map((e) => getComputedStyle(e).color),
      );
      expect(colours[0], `${scenario.id} ${expected.ending.id}`).toBe(colours[1]);
    }
  });
}
