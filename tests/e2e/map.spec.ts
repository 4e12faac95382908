// The scenario map on a phone: a list in reading size that the page never scrolls sideways, the
// whole diagram only when asked for, and a legend that tells the paths and the endings' tones apart
// without leaning on colour.
import type { Page } from '@playwright/test';
import { markedPath } from '../../src/engine/paths.ts';
import { replay } from '../../src/engine/run.ts';
import { locales, type Locale } from '../../src/engine/locales.ts';
import { tones } from '../../src/engine/vocabulary.ts';
import { scenarios, ui } from './course-data.ts';
import { expect, test } from './fixtures.ts';

const contractor = scenarios.find((s) => s.id === 'contractor')!;
const phone = { width: 360, height: 740 };

/** How far the page scrolls sideways, and the visible text in the map drawn under 12 CSS px (SVG text at its drawn scale). */
async function measureMap(page: Page) {
  return page.evaluate(() => {
    const map = document.getElementById('scenario-map')!;
    const small = [...map.querySelectorAll<HTMLElement | SVGGraphicsElement>('*')]
      .filter((el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()) && el.checkVisibility())
      .map((el) => {
        const scale = el instanceof SVGGraphicsElement ? (el.getScreenCTM()?.a ?? 1) : 1;
        return { text: el.textContent!.trim().slice(0, 30), px: Number.parseFloat(getComputedStyle(el).fontSize) * scale };
      })
      .filter((t) => t.px < 12);
    return { sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth, small };
  });
}

/** The legend names every path shown and every tone, in the page's language. */
async function expectLegend(page: Page, locale: Locale, paths: readonly ('mine' | 'recommended' | 'real')[]) {
  const map = page.locator('#scenario-map');
  const toggles = map.getByRole('group', { name: ui[locale]['map.show'] });
  for (const path of paths) await expect(toggles.getByRole('checkbox', { name: ui[locale][`map.${path}`] })).toBeVisible();
  for (const tone of tones) await expect(map.locator('.map-tones')).toContainText(ui[locale][`tone.${tone}`]);
}

for (const locale of locales) {
  test.describe(`${locale}: the map at 360 px`, () => {
    test.use({ viewport: phone, lang: locale });

    test('after an ending it is a list in reading size with the learner’s choices marked; the page never scrolls sideways', async ({
      page,
      player,
    }) => {
      const steps = markedPath(contractor, 'real');
      await player.open(contractor.id);
      await player.play(contractor, steps);
      await player.openMap();
      await expect(page.locator('#scenario-map')).toHaveAttribute('data-state', 'done');
      // Not a scaled-down diagram: the diagram is not shown until asked for.
      await expect(page.locator('#scenario-map .map-scroll')).toBeHidden();
      const list = page.locator('#scenario-map .map-text ol');
      await expect(list).toBeVisible();
      await expect(list.locator('li.mine')).toHaveCount(steps.length);
      for (const step of steps)
        await expect(list.locator(`li[data-step="${step.node}/${step.choice}"]`)).toContainText(ui[locale]['map.yourChoice']);
      expect(await measureMap(page)).toEqual({ sideways: 0, small: [] });
      await expectLegend(page, locale, ['mine', 'recommended', 'real']);
      await expect(page).toPassAxe({ include: '#scenario-map', colorSchemes: ['light', 'dark'] });
      // The paths first: a moment on none of them waits behind a checkbox, with every ending shown.
      const moments = list.locator(':scope > li:not(.ending-line)');
      const pathSteps = [...steps, ...markedPath(contractor, 'recommended')];
      const onPaths = new Set(pathSteps.map((s) => s.node));
      const elsewhere = contractor.nodes.filter((n) => n.type === 'decision' && !onPaths.has(n.id));
      expect(elsewhere.length).toBeGreaterThan(0);
      await expect(moments.filter({ visible: true })).toHaveCount(onPaths.size);
      await expect(list.locator(':scope > li.ending-line').filter({ visible: true })).toHaveCount(
        contractor.nodes.filter((n) => n.type === 'ending').length,
      );
      // Of each moment shown, the choices on a path: the learner's (the real case's here) and the recommended one.
      const onPathSteps = new Set(pathSteps.map((s) => `${s.node}/${s.choice}`));
      await expect(list.locator('li[data-step]').filter({ visible: true })).toHaveCount(onPathSteps.size);
      await page.getByRole('checkbox', { name: ui[locale]['map.every'] }).check();
      await expect(moments.filter({ visible: true })).toHaveCount(onPaths.size + elsewhere.length);
      await expect(list.locator('li[data-step]').filter({ visible: true })).toHaveCount(await list.locator('li[data-step]').count());
    });

    test('while playing, the diagram asked for opens at the learner’s moment, not on empty space', async ({ page, player }) => {
      const steps = markedPath(contractor, 'real').slice(0, 2);
      await player.open(contractor.id);
      await player.play(contractor, steps);
      await player.openMap();
      await page.getByRole('checkbox', { name: ui[locale]['map.wholeDiagram'] }).check();
      const diagram = page.locator('#scenario-map .map-scroll');
      await expect(diagram).toBeVisible();
      // The moment the learner is at is the last visited one; it is drawn inside the box's visible part.
      const here = page.locator(`#scenario-map g[data-node="${replay(contractor, steps)!.node.id}"] rect`);
      await expect
        .poll(async () => {
          const [box, node] = await Promise.all([diagram.boundingBox(), here.boundingBox()]);
          return (
            !!box &&
            !!node &&
            node.x >= box.x &&
            node.x + node.width <= box.x + box.width &&
            node.y >= box.y &&
            node.y + node.height <= box.y + box.height
          );
        })
        .toBe(true);
    });

    test('the whole diagram opens on request at its drawn size, inside its own box', async ({ page }) => {
      await page.goto(`/${locale}/scenarios/${contractor.id}/text/`);
      const diagram = page.locator('#scenario-map .map-scroll');
      await expect(diagram).toBeHidden();
      await page.getByRole('checkbox', { name: ui[locale]['map.wholeDiagram'] }).check();
      await expect(diagram).toBeVisible();
      // At its own scale (12 px words), scrolled inside the box; the page itself still does not scroll sideways.
      expect(await measureMap(page)).toEqual({ sideways: 0, small: [] });
      expect(await diagram.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
      await expect(page).toPassAxe({ include: '#scenario-map' });
    });
  });

  test(`${locale}: without JavaScript the text version’s map is the same list at 360 px, with its legend`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: phone });
    const page = await context.newPage();
    await page.goto(`/${locale}/scenarios/${contractor.id}/text/`);
    await expect(page.locator('#scenario-map .map-text ol')).toBeVisible();
    expect(await measureMap(page)).toEqual({ sideways: 0, small: [] });
    await expectLegend(page, locale, ['recommended', 'real']);
    // The marked paths are named in the list too, not only drawn.
    for (const mark of ['recommended', 'real'] as const) {
      const step = markedPath(contractor, mark)[0]!;
      await expect(page.locator(`#scenario-map li[data-step="${step.node}/${step.choice}"]`)).toContainText(ui[locale][`map.${mark}`]);
    }
    // A screen reader hears where a choice leads in words, not "right arrow".
    const first = markedPath(contractor, 'real')[0]!;
    const heard = await page.locator(`#scenario-map li[data-step="${first.node}/${first.choice}"]`).ariaSnapshot();
    expect(heard).toContain(ui[locale]['map.leadsTo']);
    expect(heard).not.toContain('→');
    await context.close();
  });
}
