// What a trainer and a learner see around a decision: the other side offered on the feedback,
// the live panel staying on the moment the room discusses, the money on its way, and what an LMS
// catalogue reads of a package.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from '@playwright/test';
import { locales } from '../../src/engine/locales.ts';
import { packageFile } from '../../src/lms/package-names.ts';
import { markedPath } from '../../src/engine/paths.ts';
import { findNode, holds, isDecision } from '../../src/engine/graph.ts';
import { moneyAt } from '../../src/engine/moment.ts';
import { intlLocale } from '../../src/engine/locales.ts';
import { replay } from '../../src/engine/run.ts';
import { choiceLabel, decisionAt, fill, plural, scenarios, shortestPathsToNodes, ui } from './course-data.ts';
import { openConsole, openConsoleAndScreen, openScenario, play } from './play.ts';
import { openPhone, phoneBrowser, startLive } from './live.ts';

const client = scenarios.find((s) => s.id === 'client')!;

test('after the vote the console offers the other side on the feedback, the screen shows it, and Continue brings the room back', async ({
  page,
}) => {
  // The first moment of the client's recommended path that links to the developer's side.
  const steps = markedPath(client, 'recommended');
  const at = steps.findIndex((s) => decisionAt(client, s.node).counterpart);
  expect(at).toBeGreaterThanOrEqual(0);
  const link = decisionAt(client, steps[at]!.node).counterpart!;
  const other = findNode(scenarios.find((s) => s.id === link.scenario)!, link.node)!;
  const screen = await openConsoleAndScreen(page, 'en', 'client');
  const go = async (i: number) => {
    const index = decisionAt(client, steps[i]!.node).choices.findIndex((c) => c.id === steps[i]!.choice) + 1;
    await page.getByRole('button', { name: fill(ui.en['workshop.goWith'], { n: index }) }).click();
  };
  for (let i = 0; i < at; i++) {
    await go(i);
    await page.getByRole('button', { name: ui.en['player.continue'] }).click();
  }
  await go(at);
  // On the feedback, under Continue, where the trainer is once the room has decided.
  await expect(page.getByRole('heading', { name: ui.en['player.feedback'] })).toBeVisible();
  const show = page
    .locator('.console-stage')
    .getByRole('button', { name: fill(ui.en['workshop.showCounterpart'], { moment: other.title.en }) });
  await show.click();
  await expect(screen.getByRole('heading', { level: 1 })).toHaveText(other.title.en);
  await expect(screen.locator('.screen-kicker')).toHaveText(ui.en['player.meanwhile']);
  await page.locator('.console-stage').getByRole('button', { name: ui.en['workshop.hideCounterpart'] }).click();
  await expect(screen.locator('.screen-kicker')).toHaveText(ui.en['player.feedback']);
  // Shown again, then Continue: the screen follows the room to the next moment, not the other side.
  await show.click();
  await expect(screen.getByRole('heading', { level: 1 })).toHaveText(other.title.en);
  await page.getByRole('button', { name: ui.en['player.continue'] }).click();
  expect(steps.length).toBeGreaterThan(at + 1);
  await expect(screen.getByRole('heading', { level: 1 })).toHaveText(decisionAt(client, steps[at + 1]!.node).title.en);
  await expect(screen.locator('.screen-kicker', { hasText: ui.en['player.meanwhile'] })).toHaveCount(0);
});

test('with phones voting, the live panel stays on the moment the room discusses until Continue, as the phones do', async ({ page }) => {
  const contractor = scenarios.find((s) => s.id === 'contractor')!;
  const start = decisionAt(contractor, contractor.start);
  await openConsole(page);
  const { join } = await startLive(page);
  const phones = await phoneBrowser();
  try {
    const phone = await openPhone(phones, join);
    await phone.getByRole('button', { name: start.choices[1]!.label.en, exact: true }).click();
    await expect(phone.locator('#join-vote')).toHaveText(ui.en['join.received']);
    const rows = page.locator('.from-phones li');
    await expect(rows).toHaveCount(start.choices.length);
    await expect(rows.nth(1)).toHaveText(plural(ui.en['live.fromPhones'], 1, 'en'));
    await page.getByRole('button', { name: fill(ui.en['workshop.goWith'], { n: 2 }) }).click();
    // The feedback: the console and the phones show the consequence; no votes of the next moment yet.
    await expect(page.getByRole('heading', { name: ui.en['player.feedback'] })).toBeVisible();
    await expect(phone.locator('#join-consequence')).toBeVisible();
    await expect(rows).toHaveCount(0);
    await page.getByRole('button', { name: ui.en['player.continue'] }).click();
    // The next moment, on both: its choices, none voted for yet.
    const next = decisionAt(contractor, replay(contractor, [{ node: start.id, choice: start.choices[1]!.id }])!.node.id);
    await expect(rows).toHaveCount(next.choices.length);
    for (const row of await rows.all()) await expect(row).toHaveText(plural(ui.en['live.fromPhones'], 0, 'en'));
    await expect(phone.locator('#join-consequence')).toBeHidden();
    await expect(phone.locator('#join-moment')).toHaveText(next.title.en);
  } finally {
    await phones.close();
  }
});

test('every LMS package names the course, its scenario and its language in its manifest, read by an XML parser', async ({ page }) => {
  const lms = join(import.meta.dirname, '..', '..', 'dist', 'lms');
  const scorm = 'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1';
  for (const scenario of scenarios)
    for (const locale of locales) {
      const full = `${ui[locale]['site.name']} — ${scenario.title[locale]}`;
      const read = (mode: 'scorm12' | 'cmi5', file: string) =>
        strFromU8(unzipSync(readFileSync(join(lms, packageFile(scenario.id, locale, mode))))[file]!);
      // The browser's own XML parser reads what an LMS would.
      const manifest = await page.evaluate(
        ({ text, ns }) => {
          const doc = new DOMParser().parseFromString(text, 'application/xml');
          const lom = (name: string) => [...doc.getElementsByTagNameNS(ns, name)];
          const langstring = (parent: string) => lom(parent).flatMap((e) => [...e.getElementsByTagNameNS(ns, 'langstring')]);
          return {
            errors: doc.getElementsByTagName('parsererror').length,
            language: lom('language').map((e) => e.textContent),
            title: langstring('title').map((e) => [e.getAttribute('xml:lang'), e.textContent]),
            description: langstring('description').map((e) => e.getAttribute('xml:lang')),
            organization: doc.querySelector('organization > title')?.textContent,
            item: doc.querySelector('item > title')?.textContent,
          };
        },
        { text: read('scorm12', 'imsmanifest.xml'), ns: scorm },
      );
      expect(manifest).toEqual({
        errors: 0,
        language: [locale],
        title: [[locale, full]],
        description: [locale],
        organization: full,
        item: scenario.title[locale],
      });
      const structure = await page.evaluate(
        (text) => {
          const doc = new DOMParser().parseFromString(text, 'application/xml');
          const titles = (parent: string) =>
            [...doc.querySelectorAll(`${parent} > title > langstring`)].map((e) => [e.getAttribute('lang'), e.textContent]);
          return {
            errors: doc.getElementsByTagName('parsererror').length,
            course: titles('course'),
            au: titles('au'),
            langs: [...new Set([...doc.querySelectorAll('langstring')].map((e) => e.getAttribute('lang')))],
          };
        },
        read('cmi5', 'cmi5.xml'),
      );
      expect(structure).toEqual({ errors: 0, course: [[locale, full]], au: [[locale, scenario.title[locale]]], langs: [locale] });
    }
});

/**
 * The first choice, reached by the shortest road, whose money arrives days later (`arrivesAfter`)
 * where the strip shows money, with the engine's meters before and after it.
 */
const onItsWay = (() => {
  for (const scenario of scenarios)
    for (const [id, steps] of shortestPathsToNodes(scenario)) {
      const node = findNode(scenario, id);
      if (!isDecision(node)) continue;
      for (const choice of node.choices) {
        if (!choice.arrivesAfter) continue;
        const step = { node: id, choice: choice.id };
        const before = replay(scenario, steps)!;
        const after = replay(scenario, [...steps, step])!;
        const { shownWhen } = scenario.money;
        const moved = JSON.stringify(moneyAt(scenario, before.meters)) !== JSON.stringify(moneyAt(scenario, after.meters));
        if (moved && (shownWhen === undefined || holds(shownWhen, after.meters)))
          return { scenario, steps, step, day: node.day, by: node.day + choice.arrivesAfter, before, after };
      }
    }
  return undefined;
})();

for (const locale of locales) {
  test(`${locale}: money on its way shows on the feedback as it was, with the day it is expected, and as received from the next moment`, async ({
    page,
  }) => {
    expect(onItsWay, 'a choice whose money arrives days later (arrivesAfter)').toBeDefined();
    const { scenario, steps, step, day, by, before, after } = onItsWay!;
    const amount = new Intl.NumberFormat(intlLocale[locale], {
      style: 'currency',
      currency: scenario.money.currency,
      currencyDisplay: 'narrowSymbol',
      maximumFractionDigits: 0,
    });
    const money = (meters: Record<string, number>) => {
      const at = moneyAt(scenario, meters);
      return fill(ui[locale]['moment.money'], { received: amount.format(at.received), outstanding: amount.format(at.outstanding) }, locale);
    };
    await openScenario(page, locale, scenario.id);
    await play(page, scenario, steps, locale);
    await page.getByRole('button', { name: choiceLabel(scenario, step, locale), exact: true }).click();
    const strip = page.locator('.story-strip');
    await expect(strip).toHaveText(fill(ui[locale]['player.due'], { day, money: money(before.meters), by }, locale));
    await page.getByRole('button', { name: ui[locale]['player.continue'] }).click();
    await expect(strip).toHaveText(fill(ui[locale]['player.strip'], { day: after.node.day, money: money(after.meters) }, locale));
  });
}
